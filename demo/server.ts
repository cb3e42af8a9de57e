/**
 * CLI: `npm run server -- --demo --port 8787 [--data-dir DIR] [--database-url URL] [--seed-scale N] [--updates-dir DIR]`.
 * Without --database-url (or DATABASE_URL) the data lives in embedded PGlite: in memory, or in --data-dir.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startServer } from '../server/index';
import { demoServerOptions } from './server-options';

const argsSchema = z.object({
  demo: z.boolean().default(false),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  'data-dir': z.string().optional(),
  'database-url': z.string().url().optional(),
  'seed-scale': z.coerce.number().int().positive().max(1_000_000).optional(),
  'updates-dir': z.string().optional(),
});

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'seed-scale': { type: 'string' },
    'updates-dir': { type: 'string' },
  },
});
const args = argsSchema.parse(values);
if (!args.demo) {
  console.error('Only --demo is supported by the reference server (production trust roots are configured by the operator).');
  process.exit(2);
}
const databaseUrl = args['database-url'] ?? process.env.DATABASE_URL;
const scale = args['seed-scale'];
const started = Date.now();
const server = await startServer({
  port: args.port,
  database: databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', ...(args['data-dir'] ? { dataDir: path.resolve(args['data-dir']) } : {}) },
  updatesDir: args['updates-dir'] ?? null,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  ...(await demoServerOptions({
    // --seed-scale N: N synthetic contracts in the first kindergarten (benchmarks), see SeedOptions.synthetic.
    ...(scale ? { contractsPerKindergarten: [scale, 0, 0], synthetic: true } : {}),
    cacheDir: path.join(args['data-dir'] ? path.resolve(args['data-dir']) : os.tmpdir(), 'qabyl-seed-cache'),
  })),
});
console.log(`Qabyl reference server (demo) listening on ${server.url} — ready in ${Date.now() - started} ms`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
