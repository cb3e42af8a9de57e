/** File steps that make a database file's replacement durable and leave no stale sidecar behind. */
import fs from 'node:fs';

/** Flushes a file (or a folder's entries, after a rename or delete) to disk. */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Deletes a database file with its WAL, shared-memory and rollback-journal files. */
export function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}
