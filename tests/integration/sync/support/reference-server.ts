/** The reference server with a small demo seed (fast to start), cached between test files in the OS temp dir. */
import os from 'node:os';
import path from 'node:path';
import { demoServerOptions } from '../../../../demo/server-options';
import { startServer, type RunningServer } from '../../../../server/index';
import type { DatabaseTarget } from '../../../../server/db/connect';

/** On embedded PGlite unless `database` names another. */
export async function startReferenceServer(database?: DatabaseTarget): Promise<RunningServer> {
  return startServer({
    ...(await demoServerOptions({
      contractsPerKindergarten: [40, 5, 5],
      applications: 10,
      cacheDir: path.join(os.tmpdir(), 'qabyl-sync-test-seed-cache'),
    })),
    ...(database ? { database } : {}),
  });
}
