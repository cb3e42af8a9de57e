/** Where main keeps things in the user data folder, and how "start over from the server" clears them. */
import fs from 'node:fs';
import path from 'node:path';

export interface DataPaths {
  /** The backend's folder: encrypted DB (+ WAL/SHM), encrypted blob store, logs. */
  dataDir: string;
  databaseFile: string;
  wrappedKeyFile: string;
}

export function dataPaths(userDataDir: string): DataPaths {
  const dataDir = path.join(userDataDir, 'data');
  return { dataDir, databaseFile: path.join(dataDir, 'qabyl.db'), wrappedKeyFile: path.join(userDataDir, 'db-key.bin') };
}

/** Deletes the local replica and the wrapped key; logs stay for support. Only after the user confirmed twice. */
export function eraseLocalData(paths: DataPaths): void {
  if (fs.existsSync(paths.dataDir)) {
    for (const entry of fs.readdirSync(paths.dataDir)) {
      if (entry !== 'logs') fs.rmSync(path.join(paths.dataDir, entry), { recursive: true, force: true });
    }
  }
  fs.rmSync(paths.wrappedKeyFile, { force: true });
}
