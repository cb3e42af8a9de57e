/**
 * One reference-server instance in its own process (multi-instance tests and the load benchmark): argv[2] is the
 * JSON config; the process sends `{ url }` over IPC once it listens and stops on SIGTERM or when the parent leaves.
 */
import { z } from 'zod';
import { demoServerOptions } from '../../demo/server-options';
import { startServer } from '../../server/index';

const configSchema = z.object({ databaseUrl: z.string(), contractsPerKindergarten: z.array(z.number().int()).default([2, 0, 0]) });
const config = configSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const server = await startServer({
  ...(await demoServerOptions({ contractsPerKindergarten: config.contractsPerKindergarten, applications: 0, cacheDir: null })),
  database: { kind: 'postgres', url: config.databaseUrl },
});
process.send?.({ url: server.url });
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
