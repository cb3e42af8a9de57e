import fs from 'node:fs';
import path from 'node:path';
import type { Compute } from '../compute/compute-pool';
import type { BackendConfig } from '../config';
import type { Logger } from '../logger';
import type { Handlers } from './dispatch';

type SupportHandlers = Pick<Handlers, 'support.exportDatabase'>;

/** `2026-12-07T09:05:03.120Z` → `20261207-090503`: sortable, and valid in a Windows file name. */
const fileStamp = (now: Date) => now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/**
 * The support export of the installed app, where the database key is wrapped by the OS key store and no command
 * line can reach it: written to the data folder's `exports` by the compute worker (minutes on a large replica,
 * never on this thread).
 */
export function supportHandlers(deps: { config: BackendConfig; compute: Compute; log: Logger; now?: () => Date }): SupportHandlers {
  return {
    'support.exportDatabase': async ({ passphrase }) => {
      const folder = path.join(deps.config.dataDir, 'exports');
      fs.mkdirSync(folder, { recursive: true });
      const fileName = `qabyl-support-${fileStamp((deps.now ?? (() => new Date()))())}.db`;
      const counts = await deps.compute.run('exportDatabase', {
        file: path.join(deps.config.dataDir, 'qabyl.db'),
        key: Uint8Array.from(Buffer.from(deps.config.dbKeyHex, 'hex')),
        out: path.join(folder, fileName),
        passphrase,
      });
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      deps.log.info('support export written', { fileName, rows });
      return { folder, fileName, rows };
    },
  };
}
