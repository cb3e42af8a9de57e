// `npm run db:export -- --db FILE --key-file FILE --out FILE`: writes the local database and its
// replica into one SQLCipher 4 file for support tools; the passphrase is read from QABYL_EXPORT_PASSPHRASE.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { exportDatabase } from '../export';

const USAGE = 'usage: QABYL_EXPORT_PASSPHRASE=… npm run db:export -- --db FILE --key-file FILE --out FILE';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { db: { type: 'string' }, 'key-file': { type: 'string' }, out: { type: 'string' } },
});
if (!values.db || !values['key-file'] || !values.out) fail('--db, --key-file and --out are required');
const passphrase = process.env.QABYL_EXPORT_PASSPHRASE ?? fail('QABYL_EXPORT_PASSPHRASE is not set');
const keyHex = fs.readFileSync(values['key-file'], 'utf8').trim();
if (!/^[0-9a-f]{64}$/.test(keyHex)) fail('the key file must hold the 256-bit database key as 64 hex digits');

let shown = -1;
try {
  const counts = exportDatabase({
    file: values.db,
    key: Uint8Array.from(Buffer.from(keyHex, 'hex')),
    out: values.out,
    passphrase,
    onProgress: (stage, { rowsDone, rowsTotal }) => {
      const percent = rowsTotal === 0 ? 100 : Math.floor((rowsDone / rowsTotal) * 100);
      if (percent === shown) return;
      shown = percent;
      process.stderr.write(`\r${stage}: ${percent} %`);
    },
  });
  process.stderr.write('\n');
  process.stdout.write(`${JSON.stringify({ out: values.out, rows: counts })}\n`);
} catch (error) {
  fail(`export failed: ${error instanceof Error ? error.message : String(error)}`);
}
