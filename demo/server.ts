/**
 * CLI: `npm run server -- --demo --port 8787 [--data-dir DIR] [--database-url URL] [--seed-scale N] [--updates-dir DIR]
 * [--check-revocation] [--ocsp-url URL]… [--crl-url URL]… [--tsa-url URL [--tsa-policy OID]…]` (docs/signatures.md).
 * Without --database-url (or DATABASE_URL) the data lives in embedded PGlite: in memory, or in --data-dir.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startServer } from '../server/index';
import { demoServerOptions } from './server-options';
import { S3ObjectStore, s3ConfigFromEnv } from '../server/blobs/object-store';

const argsSchema = z.object({
  demo: z.boolean().default(false),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  'data-dir': z.string().optional(),
  'database-url': z.string().url().optional(),
  'seed-scale': z.coerce.number().int().positive().max(1_000_000).optional(),
  'updates-dir': z.string().optional(),
  'check-revocation': z.boolean().default(false),
  'ocsp-url': z.array(z.string().url()).optional(),
  'crl-url': z.array(z.string().url()).optional(),
  'tsa-url': z.string().url().optional(),
  'tsa-policy': z.array(z.string().regex(/^\d+(\.\d+)+$/)).optional(),
});

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'seed-scale': { type: 'string' },
    'updates-dir': { type: 'string' },
    'check-revocation': { type: 'boolean' },
    'ocsp-url': { type: 'string', multiple: true },
    'crl-url': { type: 'string', multiple: true },
    'tsa-url': { type: 'string' },
    'tsa-policy': { type: 'string', multiple: true },
  },
});
const args = argsSchema.parse(values);
if (!args.demo) {
  console.error('Only --demo is supported by the reference server (production trust roots are configured by the operator).');
  process.exit(2);
}
const databaseUrl = args['database-url'] ?? process.env.DATABASE_URL;
// QABYL_S3_BUCKET (+ QABYL_S3_ENDPOINT, …): document bytes in an S3-compatible object store instead of PostgreSQL.
const s3 = s3ConfigFromEnv(process.env);
const scale = args['seed-scale'];
const started = Date.now();
const server = await startServer({
  port: args.port,
  database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', ...(args['data-dir'] ? { dataDir: path.resolve(args['data-dir']) } : {}) },
  updatesDir: args['updates-dir'] ?? null,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  objectStore: s3 ? new S3ObjectStore(s3) : null,
  ...(await demoServerOptions({
    // --seed-scale N: N synthetic contracts in the first kindergarten (benchmarks), see SeedOptions.synthetic.
    ...(scale ? { contractsPerKindergarten: [scale, 0, 0], synthetic: true } : {}),
    cacheDir: path.join(args['data-dir'] ? path.resolve(args['data-dir']) : os.tmpdir(), 'qabyl-seed-cache'),
    // Any responder or CRL given turns the fail-closed check on; the given URLs replace the certificates' own.
    ...(args['check-revocation'] || args['ocsp-url'] || args['crl-url']
      ? { revocation: { ...(args['ocsp-url'] ? { ocspUrls: args['ocsp-url'] } : {}), ...(args['crl-url'] ? { crlUrls: args['crl-url'] } : {}) } }
      : {}),
    ...(args['tsa-url'] ? { tsa: { url: args['tsa-url'], ...(args['tsa-policy'] ? { acceptedPolicies: args['tsa-policy'] } : {}) } } : {}),
  })),
});
console.log(`Qabyl reference server (demo) listening on ${server.url} — ready in ${Date.now() - started} ms`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
