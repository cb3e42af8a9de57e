/**
 * The page cipher of every local database file (the local database and its replica files): AEGIS-256X2, an
 * authenticated AES-based cipher (SQLite3 Multiple Ciphers), with a raw 256-bit key. Files written by earlier
 * versions use SQLCipher 4 (AES-256-CBC + HMAC-SHA512); they are recognised by their cipher and re-encrypted once.
 * The cipher is not recorded in the file, so a file is keyed by trying the current cipher first, then the legacy one.
 */
import Database from 'better-sqlite3';
import { AppError } from '../domain/envelope';

export const DB_KEY_BYTES = 32;

/** How a file's pages are encrypted: the pragmas that select the cipher before the key is given. */
export interface CipherScheme {
  readonly name: 'aegis-256x2' | 'sqlcipher-4';
  readonly pragmas: readonly string[];
}

export const CURRENT_CIPHER: CipherScheme = { name: 'aegis-256x2', pragmas: ["cipher = 'aegis'", "algorithm = 'aegis-256x2'"] };
export const LEGACY_CIPHER: CipherScheme = { name: 'sqlcipher-4', pragmas: ["cipher = 'sqlcipher'", 'legacy = 4'] };

export const keyLiteral = (key: Uint8Array) => `x'${Buffer.from(key).toString('hex')}'`;

function checkKeyLength(key: Uint8Array): void {
  if (key.length !== DB_KEY_BYTES) throw new AppError('DB_KEY_INVALID', `The database key must be ${DB_KEY_BYTES} bytes.`);
}

/** Selects the scheme for the next key given on this connection (its own file, or the next ATTACH … KEY). */
export function selectCipher(sqlite: Database.Database, scheme: CipherScheme): void {
  for (const pragma of scheme.pragmas) sqlite.pragma(pragma);
}

function readable(sqlite: Database.Database): boolean {
  try {
    sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  }
}

/** Keys a connection on its own file with `scheme`; false when the pages do not decrypt with it. */
export function keyWith(sqlite: Database.Database, key: Uint8Array, scheme: CipherScheme): boolean {
  checkKeyLength(key);
  selectCipher(sqlite, scheme);
  // A raw 256-bit key (x'…'): random already, so a passphrase KDF would only cost time at every open.
  sqlite.pragma(`key = "${keyLiteral(key)}"`);
  return readable(sqlite);
}

const wrongKey = () => new AppError('DB_KEY_INVALID', 'The local database cannot be decrypted with this key (wrong key or damaged file).');

/** Keys a connection with the current cipher; a file that does not decrypt is a wrong key or a damaged file. */
export function applyKey(sqlite: Database.Database, key: Uint8Array): void {
  if (!keyWith(sqlite, key, CURRENT_CIPHER)) throw wrongKey();
}

/** Which scheme the existing file at `file` is encrypted with under `key` (an empty or absent file: the current one). */
export function detectCipher(file: string, key: Uint8Array): CipherScheme {
  for (const scheme of [CURRENT_CIPHER, LEGACY_CIPHER]) {
    const probe = new Database(file, { fileMustExist: true });
    try {
      if (keyWith(probe, key, scheme)) return scheme;
    } finally {
      probe.close();
    }
  }
  throw wrongKey();
}
