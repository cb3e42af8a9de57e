/**
 * The database key: 32 random bytes, stored only wrapped by Electron's safeStorage (DPAPI on Windows) in the user
 * data folder, unwrapped at start. Electron 45 deprecates the synchronous safeStorage calls, so only the
 * asynchronous ones are used; a blob whose wrapping key rotated is re-wrapped when safeStorage asks for it. There is no plaintext fallback: when the key cannot be unwrapped the caller gets a
 * problem to show the user (see key-recovery.ts), never a fresh key over an existing database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { KeyProblem } from './messages';

const KEY_HEX = /^[0-9a-f]{64}$/;
const KEY_BYTES = 32;

export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  /** Linux only (Electron's API is absent elsewhere): which secret store wraps the key. */
  getSelectedStorageBackend?(): string;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
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
  platform?: NodeJS.Platform;
}

async function unwrap(safeStorage: SafeStorageLike, blob: Buffer): Promise<{ key: Uint8Array; shouldReEncrypt: boolean } | null> {
  try {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(blob);
    return KEY_HEX.test(result) ? { key: Uint8Array.from(Buffer.from(result, 'hex')), shouldReEncrypt } : null;
  } catch {
    return null;
  }
}

/** Wraps the key and proves the wrapping round-trips before the blob is stored. */
async function wrapVerified(safeStorage: SafeStorageLike, key: Uint8Array): Promise<Buffer | null> {
  const wrapped = await safeStorage.encryptStringAsync(Buffer.from(key).toString('hex'));
  const check = await unwrap(safeStorage, wrapped);
  return check && Buffer.compare(Buffer.from(check.key), Buffer.from(key)) === 0 ? wrapped : null;
}

/**
 * On Linux without a keyring Electron falls back to `basic_text`, which wraps with a password hard-coded in
 * Chromium: anyone with the file can unwrap it, so it counts as no protection at all.
 */
const UNPROTECTED_BACKENDS = new Set(['basic_text']);

export async function isKeyWrappingSecure(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  if (platform !== 'linux' || !safeStorage.getSelectedStorageBackend) return true;
  return !UNPROTECTED_BACKENDS.has(safeStorage.getSelectedStorageBackend());
}

export async function loadOrCreateDbKey(deps: DbKeyDeps): Promise<DbKeyResult> {
  const { safeStorage, store } = deps;
  if (!(await isKeyWrappingSecure(safeStorage, deps.platform))) return { ok: false, problem: 'encryption-unavailable' };
  const blob = store.read();
  if (blob) {
    const unwrapped = await unwrap(safeStorage, blob);
    if (!unwrapped) return { ok: false, problem: 'undecryptable' };
    if (unwrapped.shouldReEncrypt) {
      // The OS rotated its wrapping key: store the key under the new one; the old blob still works if this fails.
      const rewrapped = await wrapVerified(safeStorage, unwrapped.key);
      if (rewrapped) store.write(rewrapped);
    }
    return { ok: true, key: unwrapped.key, created: false };
  }
  if (deps.databaseExists()) return { ok: false, problem: 'missing-key-for-existing-db' };
  const key = Uint8Array.from((deps.random ?? randomBytes)(KEY_BYTES));
  const wrapped = await wrapVerified(safeStorage, key);
  if (!wrapped) return { ok: false, problem: 'undecryptable' };
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
