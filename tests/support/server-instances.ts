/** Starts reference-server instances as child processes over one PostgreSQL (see server-instance-child.ts). */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const CHILD = path.join(import.meta.dirname, 'server-instance-child.ts');

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  /** Resolves when the process has exited (for any reason). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export async function startServerProcess(databaseUrl: string, contractsPerKindergarten: number[] = [2, 0, 0]): Promise<ServerProcess> {
  const child = fork(CHILD, [JSON.stringify({ databaseUrl, contractsPerKindergarten })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url?: string }) => (message.url ? resolve(message.url) : reject(new Error('no url'))));
    child.once('exit', (code) => reject(new Error(`server process exited before listening (${code})`)));
  });
  return {
    url,
    process: child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
