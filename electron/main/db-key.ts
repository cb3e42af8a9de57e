/**
 * The database key: 32 random bytes, stored only wrapped by Electron's safeStorage (DPAPI on Windows) in the user
 * data folder, unwrapped at start. There is no plaintext fallback: when the key cannot be unwrapped the caller gets a
 * problem to show the user (see key-recovery.ts), never a fresh key over an existing database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { KeyProblem } from './messages';

const KEY_HEX = /^[0-9a-f]{64}$/;
const KEY_BYTES = 32;

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Where the wrapped blob lives; only opaque ciphertext ever passes through it. */
export interface WrappedKeyStore {
  read(): Buffer | null;
  write(blob: Buffer): void;
}

export type DbKeyResult = { ok: true; key: Uint8Array; created: boolean } | { ok: false; problem: KeyProblem };

export interface DbKeyDeps {
  safeStorage: SafeStorageLike;
  store: WrappedKeyStore;
  /** True when a database file already exists: a missing key must then not be replaced silently. */
  databaseExists: () => boolean;
  random?: (size: number) => Uint8Array;
}

function unwrap(safeStorage: SafeStorageLike, blob: Buffer): Uint8Array | null {
  try {
    const hex = safeStorage.decryptString(blob);
    return KEY_HEX.test(hex) ? Uint8Array.from(Buffer.from(hex, 'hex')) : null;
  } catch {
    return null;
  }
}

export function loadOrCreateDbKey(deps: DbKeyDeps): DbKeyResult {
  const { safeStorage, store } = deps;
  if (!safeStorage.isEncryptionAvailable()) return { ok: false, problem: 'encryption-unavailable' };
  const blob = store.read();
  if (blob) {
    const key = unwrap(safeStorage, blob);
    return key ? { ok: true, key, created: false } : { ok: false, problem: 'undecryptable' };
  }
  if (deps.databaseExists()) return { ok: false, problem: 'missing-key-for-existing-db' };
  const key = Uint8Array.from((deps.random ?? randomBytes)(KEY_BYTES));
  const wrapped = safeStorage.encryptString(Buffer.from(key).toString('hex'));
  // Prove the wrapping round-trips before the key protects any data.
  const check = unwrap(safeStorage, wrapped);
  if (!check || Buffer.compare(Buffer.from(check), Buffer.from(key)) !== 0) return { ok: false, problem: 'undecryptable' };
  store.write(wrapped);
  return { ok: true, key, created: true };
}

/** The wrapped key as a file in the user data folder, written atomically with owner-only permissions. */
export function fileKeyStore(file: string): WrappedKeyStore {
  return {
    read: () => (fs.existsSync(file) ? fs.readFileSync(file) : null),
    write(blob) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.tmp`;
      fs.writeFileSync(temp, blob, { mode: 0o600 });
      fs.renameSync(temp, file);
    },
  };
}
