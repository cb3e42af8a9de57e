/** Encrypted local databases for the benchmarks, opened exactly as the app opens them (db/open.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../../db/open';

export const MIGRATIONS = path.resolve(import.meta.dirname, '../../../db/migrations');
export const BENCH_KEY_HEX = '5a'.repeat(32);

const made: string[] = [];

export function benchDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `qabyl-bench-${prefix}-`));
  made.push(dir);
  return dir;
}

export function openBenchDb(dir: string): OpenedDatabase {
  return openDatabase({ file: path.join(dir, 'qabyl.db'), key: Uint8Array.from(Buffer.from(BENCH_KEY_HEX, 'hex')), migrationsFolder: MIGRATIONS });
}

/** Removes every directory benchDir made (the runner calls it at the end). */
export function removeBenchDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
