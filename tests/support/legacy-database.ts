/**
 * A local database with rows in both files, as this version writes it or as an earlier version left it: the same
 * files encrypted with the legacy cipher (SQLCipher 4), made with the cipher library's own `PRAGMA rekey`,
 * independently of the app's re-encryption code under test.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyKey, keyLiteral, LEGACY_CIPHER, selectCipher } from '../../db/cipher';
import { openDatabase } from '../../db/open';
import { Replica } from '../../electron/backend/sync/replica';
import { contract } from '../unit/contracts/inbox-fixtures';

export const migrationsFolder = path.resolve('db/migrations');

function rekeyToLegacy(file: string, key: Uint8Array): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    applyKey(sqlite, key);
    sqlite.pragma('journal_mode = DELETE');
    selectCipher(sqlite, LEGACY_CIPHER);
    sqlite.pragma(`rekey = "${keyLiteral(key)}"`);
    // Back in WAL mode, as the app leaves its files.
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
}

export interface Installation {
  replicaFile: string;
  contractIds: string[];
}

/** A local database with settings, `contracts` contracts in its replica (search index included) and a cursor. */
export function makeInstallation(file: string, key: Uint8Array, contracts: number): Installation {
  const db = openDatabase({ file, key, migrationsFolder });
  const replica = new Replica(db.sqlite);
  const contractIds: string[] = [];
  db.sqlite.transaction(() => {
    for (let i = 1; i <= contracts; i++) {
      const data = contract(i, { child: { ...contract(i).child, fullName: i % 2 ? `Айгерім Сапарова ${i}` : `Нұрсұлтан Ахметов ${i}` } });
      replica.apply({ seq: i, entity: 'contract', op: 'upsert', id: data.id, version: 1, data });
      contractIds.push(data.id);
    }
  })();
  db.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'Әлия secret-marker')").run();
  db.sqlite.prepare('UPDATE replica.replica_meta SET cursor = ?').run(contracts);
  const replicaFile = db.replica.currentFile();
  db.close();
  return { replicaFile, contractIds: contractIds.sort() };
}

/** The same installation as an earlier version left it, under the legacy cipher. */
export function makeLegacyInstallation(file: string, key: Uint8Array, contracts: number): Installation {
  const installation = makeInstallation(file, key, contracts);
  rekeyToLegacy(installation.replicaFile, key);
  rekeyToLegacy(file, key);
  return installation;
}
