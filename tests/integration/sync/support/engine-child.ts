/**
 * A sync engine in its own process, driven over IPC, so crash tests can SIGKILL it at any instant.
 * Bundled by child-engine.ts with esbuild (CommonJS, better-sqlite3 external) for a fast start.
 */
import { openDatabase } from '../../../../db/open';
import type { SwitchStep } from '../../../../db/replica-files';
import { SyncEngine } from '../../../../electron/backend/sync/engine';
import type { MutationName } from '../../../../domain/mutations';
import type { SessionUser } from '../../../../domain/sync-protocol';

interface ChildConfig {
  dbFile: string;
  keyHex: string;
  migrationsFolder: string;
  serverUrl: string;
  pullLimit: number;
  /** Kill this process (SIGKILL) when a replica switch reaches this step. */
  killAtSwitchStep?: SwitchStep;
  pullSliceChanges?: number;
  /** Kill this process (SIGKILL) once this many slices of a pull page are stored (the page's cursor is not). */
  killAfterPullSlices?: number;
}

export type ChildCommand =
  | { op: 'session'; token: string; expiresAt: string; user: SessionUser }
  | { op: 'enqueue'; name: MutationName; args: Record<string, unknown>; baseVersion: number }
  | { op: 'sync' | 'push' | 'pull' | 'snapshot' | 'requireBootstrap' };

const config = JSON.parse(process.argv[2]!) as ChildConfig;
const db = openDatabase({ file: config.dbFile, key: Uint8Array.from(Buffer.from(config.keyHex, 'hex')), migrationsFolder: config.migrationsFolder });
let pullSlices = 0;
const engine = new SyncEngine({
  sqlite: db.sqlite,
  replica: db.replica,
  serverUrl: config.serverUrl,
  appVersion: '0.1.0',
  pokeSocketFactory: null,
  requestTimeoutMs: 3_000,
  pullLimit: config.pullLimit,
  ...(config.pullSliceChanges ? { pullSliceChanges: config.pullSliceChanges } : {}),
  onPullSlice: () => {
    if (++pullSlices === config.killAfterPullSlices) process.kill(process.pid, 'SIGKILL');
  },
  onSwitchStep: (step) => {
    if (step === config.killAtSwitchStep) process.kill(process.pid, 'SIGKILL');
  },
});

async function handle(command: ChildCommand): Promise<unknown> {
  switch (command.op) {
    case 'session':
      engine.state.saveSession(command.token, command.expiresAt, command.user);
      return null;
    case 'enqueue':
      return engine.enqueueDecision(command.name, command.args, command.baseVersion);
    case 'sync':
      return engine.syncNow();
    case 'push':
      return engine.push();
    case 'pull':
      return engine.pull();
    case 'requireBootstrap':
      engine.state.requireBootstrap();
      return null;
    case 'snapshot':
      return { replica: engine.replica.snapshot(), outbox: engine.outbox.all(), state: engine.state.read(), replicaFile: db.replica.currentFile() };
  }
}

process.on('message', (message: { id: number; command: ChildCommand }) => {
  void handle(message.command).then(
    (result) => process.send?.({ id: message.id, ok: true, result }),
    (error: unknown) => process.send?.({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.send?.({ ready: true });
