import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataPaths, eraseLocalData } from '../../../electron/main/data-paths';
import { fileKeyStore, isKeyWrappingSecure, loadOrCreateDbKey, type SafeStorageLike, type WrappedKeyStore } from '../../../electron/main/db-key';
import { askToStartOver } from '../../../electron/main/key-recovery';
import { shellTexts } from '../../../domain/text/shell';

const TAG = Buffer.from('DPAPI');
const xorWrap = (plain: string, userByte: number) => Buffer.concat([TAG, Buffer.from(plain, 'utf8').map((b) => b ^ userByte)]);

/** A safeStorage fake that really transforms the text (XOR with a per-"user" byte) and tags its blobs. */
function fakeSafeStorage(userByte = 0x5a, available = true, shouldReEncrypt = false): SafeStorageLike {
  return {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (plain) => xorWrap(plain, userByte),
    decryptStringAsync: async (blob) => {
      if (!blob.subarray(0, TAG.length).equals(TAG)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync');
      return { result: Buffer.from(blob.subarray(TAG.length).map((b) => b ^ userByte)).toString('utf8'), shouldReEncrypt };
    },
  };
}

function memoryStore(initial: Buffer | null = null): WrappedKeyStore & { blob: Buffer | null } {
  const store = {
    blob: initial,
    read: () => store.blob,
    write: (blob: Buffer) => {
      store.blob = blob;
    },
  };
  return store;
}

const fixedRandom = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7 + 3) & 0xff);

describe('DB key wrapping', () => {
  it('creates a 256-bit key, stores only the wrapped blob, and unwraps the same key next start', async () => {
    const safeStorage = fakeSafeStorage();
    const store = memoryStore();
    const first = await loadOrCreateDbKey({ safeStorage, store, databaseExists: () => false, random: fixedRandom });
    expect(first).toMatchObject({ ok: true, created: true });
    if (!first.ok) throw new Error('unreachable');
    expect(first.key).toHaveLength(32);
    const hex = Buffer.from(first.key).toString('hex');
    expect(store.blob!.toString('latin1')).not.toContain(hex);
    expect(store.blob!.includes(Buffer.from(first.key))).toBe(false);
    const second = await loadOrCreateDbKey({ safeStorage, store, databaseExists: () => true });
    expect(second).toEqual({ ok: true, key: first.key, created: false });
  });

  it('uses fresh randomness for each new key', async () => {
    const a = await loadOrCreateDbKey({ safeStorage: fakeSafeStorage(), store: memoryStore(), databaseExists: () => false });
    const b = await loadOrCreateDbKey({ safeStorage: fakeSafeStorage(), store: memoryStore(), databaseExists: () => false });
    expect(a.ok && b.ok && Buffer.compare(Buffer.from(a.key), Buffer.from(b.key))).not.toBe(0);
  });

  it('reports a blob wrapped by another user (DPAPI after a password reset) as undecryptable, without writing', async () => {
    const store = memoryStore();
    await loadOrCreateDbKey({ safeStorage: fakeSafeStorage(0x11), store, databaseExists: () => false });
    const before = Buffer.from(store.blob!);
    const write = vi.spyOn(store, 'write');
    expect(await loadOrCreateDbKey({ safeStorage: fakeSafeStorage(0x22), store, databaseExists: () => true })).toEqual({ ok: false, problem: 'undecryptable' });
    expect(write).not.toHaveBeenCalled();
    expect(store.blob).toEqual(before);
  });

  it('reports garbage and truncated blobs as undecryptable', async () => {
    for (const blob of [Buffer.from('garbage'), Buffer.alloc(0), Buffer.from('DPAPI'), Buffer.from('DPAPI\u0000\u0001')]) {
      expect(await loadOrCreateDbKey({ safeStorage: fakeSafeStorage(), store: memoryStore(blob), databaseExists: () => true })).toEqual({ ok: false, problem: 'undecryptable' });
    }
  });

  it('never falls back to plaintext when safeStorage is unavailable', async () => {
    const store = memoryStore();
    const safeStorage = fakeSafeStorage(0x5a, false);
    const encrypt = vi.spyOn(safeStorage, 'encryptStringAsync');
    expect(await loadOrCreateDbKey({ safeStorage, store, databaseExists: () => false })).toEqual({ ok: false, problem: 'encryption-unavailable' });
    expect(store.blob).toBeNull();
    expect(encrypt).not.toHaveBeenCalled();
  });

  it("treats Linux's basic_text backend (a password hard-coded in Chromium) as unavailable", async () => {
    const withBackend = (backend: string): SafeStorageLike => ({ ...fakeSafeStorage(), getSelectedStorageBackend: () => backend });
    const store = memoryStore();
    const basic = withBackend('basic_text');
    const encrypt = vi.spyOn(basic, 'encryptStringAsync');
    expect(await loadOrCreateDbKey({ safeStorage: basic, store, databaseExists: () => false, platform: 'linux' })).toEqual({ ok: false, problem: 'encryption-unavailable' });
    expect(encrypt).not.toHaveBeenCalled();
    expect(store.blob).toBeNull();
    // An existing wrapped key is not unwrapped through basic_text either.
    const wrapped = memoryStore(xorWrap('00'.repeat(32), 0x5a));
    expect(await loadOrCreateDbKey({ safeStorage: basic, store: wrapped, databaseExists: () => true, platform: 'linux' })).toEqual({ ok: false, problem: 'encryption-unavailable' });
    for (const backend of ['gnome_libsecret', 'kwallet6']) {
      expect(await isKeyWrappingSecure(withBackend(backend), 'linux')).toBe(true);
      expect((await loadOrCreateDbKey({ safeStorage: withBackend(backend), store: memoryStore(), databaseExists: () => false, platform: 'linux' })).ok).toBe(true);
    }
    // The backend question exists on Linux only; elsewhere availability alone decides.
    expect(await isKeyWrappingSecure(basic, 'win32')).toBe(true);
  });

  it('re-wraps the same key when safeStorage reports a rotated wrapping key', async () => {
    const store = memoryStore();
    const first = await loadOrCreateDbKey({ safeStorage: fakeSafeStorage(0x33), store, databaseExists: () => false });
    const oldBlob = Buffer.from(store.blob!);
    // The rotated encryptor still reads the old blob but wraps with its new key (another XOR byte here).
    const rotated: SafeStorageLike = {
      ...fakeSafeStorage(0x44),
      decryptStringAsync: async (blob) => (blob.equals(oldBlob) ? fakeSafeStorage(0x33, true, true) : fakeSafeStorage(0x44)).decryptStringAsync(blob),
    };
    const second = await loadOrCreateDbKey({ safeStorage: rotated, store, databaseExists: () => true });
    expect(second).toEqual({ ok: true, key: first.ok && first.key, created: false });
    expect(store.blob!.equals(oldBlob)).toBe(false);
    expect(await loadOrCreateDbKey({ safeStorage: fakeSafeStorage(0x44), store, databaseExists: () => true })).toEqual(second);
  });

  it('does not replace a missing key when a database exists', async () => {
    const store = memoryStore();
    expect(await loadOrCreateDbKey({ safeStorage: fakeSafeStorage(), store, databaseExists: () => true })).toEqual({ ok: false, problem: 'missing-key-for-existing-db' });
    expect(store.blob).toBeNull();
  });

  it('refuses a safeStorage whose wrapping does not round-trip', async () => {
    const broken: SafeStorageLike = { isAsyncEncryptionAvailable: async () => true, encryptStringAsync: async (s) => Buffer.from(s), decryptStringAsync: async () => ({ result: 'x', shouldReEncrypt: false }) };
    const store = memoryStore();
    expect(await loadOrCreateDbKey({ safeStorage: broken, store, databaseExists: () => false })).toEqual({ ok: false, problem: 'undecryptable' });
    expect(store.blob).toBeNull();
  });
});

describe('key files on disk and starting over', () => {
  let dir: string;
  afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the wrapped key atomically with owner-only permissions and erases only data + key', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-key-'));
    const paths = dataPaths(dir);
    const store = fileKeyStore(paths.wrappedKeyFile);
    const created = await loadOrCreateDbKey({ safeStorage: fakeSafeStorage(), store, databaseExists: () => fs.existsSync(paths.databaseFile) });
    expect(created.ok).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(paths.wrappedKeyFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${paths.wrappedKeyFile}.tmp`)).toBe(false);
    fs.mkdirSync(path.join(paths.dataDir, 'logs'), { recursive: true });
    fs.mkdirSync(path.join(paths.dataDir, 'blobs'), { recursive: true });
    for (const file of [paths.databaseFile, `${paths.databaseFile}-wal`, `${paths.databaseFile}-shm`, path.join(paths.dataDir, 'blobs', 'x'), path.join(paths.dataDir, 'logs', 'backend.log')]) {
      fs.writeFileSync(file, 'x');
    }
    eraseLocalData(paths);
    expect(fs.readdirSync(paths.dataDir)).toEqual(['logs']);
    expect(fs.existsSync(paths.wrappedKeyFile)).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(['data']);
  });
});

describe('key-loss dialog', () => {
  const fakeDialog = (answers: number[]) => {
    const shown: Array<{ message?: string; detail?: string; buttons?: string[]; defaultId?: number; cancelId?: number }> = [];
    return { shown, dialog: { showMessageBoxSync: (options: (typeof shown)[number]) => (shown.push(options), answers.shift() ?? 0) } };
  };

  it('explains the problem in Kazakh and Russian, warns about unsent decisions, and defaults to quitting', () => {
    const { dialog, shown } = fakeDialog([0]);
    expect(askToStartOver(dialog, 'undecryptable', 'ru-RU')).toBe(false);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message).toContain(shellTexts['keyProblem.undecryptable'].kk);
    expect(shown[0]!.message).toContain(shellTexts['keyProblem.undecryptable'].ru);
    expect(shown[0]!.detail).toContain(shellTexts.startOverExplained.kk);
    expect(shown[0]!.detail).toContain(shellTexts.startOverExplained.ru);
    expect(shown[0]).toMatchObject({ defaultId: 0, cancelId: 0 });
  });

  it('needs a second confirmation before starting over', () => {
    expect(askToStartOver(fakeDialog([1, 0]).dialog, 'encryption-unavailable', 'kk')).toBe(false);
    const confirmed = fakeDialog([1, 1]);
    expect(askToStartOver(confirmed.dialog, 'missing-key-for-existing-db', 'en-US')).toBe(true);
    expect(confirmed.shown).toHaveLength(2);
    expect(confirmed.shown[1]).toMatchObject({ defaultId: 0, cancelId: 0 });
    expect(confirmed.shown[0]!.message).toContain(shellTexts['keyProblem.missing-key-for-existing-db'].en);
  });
});
