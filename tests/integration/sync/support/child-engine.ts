/** Starts engine-child.ts as a separate Node process (bundled once per test file) and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { SwitchStep } from '../../../../db/replica-files';
import type { ChildCommand } from './engine-child';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export async function bundleEngineChild(): Promise<string> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-child-')), 'engine-child.cjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'engine-child.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'ws', 'bufferutil', 'utf-8-validate'],
    logLevel: 'silent',
  });
  return out;
}

export interface ChildEngineConfig {
  dbFile: string;
  keyHex: string;
  serverUrl: string;
  pullLimit: number;
  killAtSwitchStep?: SwitchStep;
  pullSliceChanges?: number;
  killAfterPullSlices?: number;
}

export class ChildEngine {
  private nextId = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly exited: Promise<void>;

  private constructor(readonly process: ChildProcess) {
    this.exited = new Promise((resolve) => process.once('exit', () => resolve()));
    process.on('message', (m: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (m.id === undefined) return;
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve(m.result);
      else w?.reject(new Error(m.error));
    });
    process.once('exit', () => {
      for (const w of this.waiting.values()) w.reject(new Error('engine process exited'));
      this.waiting.clear();
    });
  }

  static async start(bundle: string, config: ChildEngineConfig): Promise<ChildEngine> {
    const child = fork(bundle, [JSON.stringify({ ...config, migrationsFolder: path.join(repoRoot, 'db', 'migrations') })], {
      env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`engine process exited early (${code})`)));
    });
    return new ChildEngine(child);
  }

  send<T = unknown>(command: ChildCommand): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.process.send({ id, command });
    });
  }

  kill(): Promise<void> {
    this.process.kill('SIGKILL');
    return this.exited;
  }

  async stop(): Promise<void> {
    this.process.kill('SIGTERM');
    await this.exited;
  }
}
