/**
 * `npm run blobs:migrate -- --database-url URL`: moves document bytes from PostgreSQL to the S3-compatible object
 * store named by QABYL_S3_BUCKET (and QABYL_S3_ENDPOINT, QABYL_S3_REGION, QABYL_S3_PREFIX; credentials from the AWS
 * SDK's usual environment). Safe to interrupt and run again; servers keep serving meanwhile.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connect';
import { moveBlobsToObjectStore } from '../blobs/migrate-blobs';
import { S3ObjectStore, s3ConfigFromEnv } from '../blobs/object-store';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, 'batch-size': { type: 'string' } } });
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
const s3 = s3ConfigFromEnv(process.env);
if (!databaseUrl || !s3) {
  console.error('Needs --database-url (or DATABASE_URL) and QABYL_S3_BUCKET (with QABYL_S3_ENDPOINT for a non-AWS store).');
  process.exit(2);
}
const handle = await openDatabase({ kind: 'postgres', url: databaseUrl });
const objects = new S3ObjectStore(s3);
try {
  const done = await moveBlobsToObjectStore(handle.db, objects, {
    batchSize: Number(values['batch-size'] ?? 20),
    onProgress: (p) => console.log(`moved ${p.moved} blobs (${(p.bytes / 1e6).toFixed(1)} MB), ${p.remaining} left`),
  });
  console.log(`done: ${done.moved} blobs moved to s3://${s3.bucket}/`);
} finally {
  objects.close();
  await handle.close();
}
