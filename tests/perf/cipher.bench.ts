/**
 * Encrypted vs plaintext on the same ingest (prepared inserts of the bench rows, one transaction, WAL +
 * synchronous=FULL as the app runs) and on a cold read (a new connection scanning every row), for every cipher
 * better-sqlite3-multiple-ciphers offers. The app's configuration (db/cipher.ts: AEGIS-256X2, raw 256-bit key) is the
 * headline metric; the others are for comparison. Each value is the slowdown (encrypted time ÷ plaintext time);
 * the plaintext rate is in the notes.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { CURRENT_CIPHER, LEGACY_CIPHER } from '../../db/cipher';
import { dataset } from './support/dataset';
import { benchDir } from './support/local-db';
import { metric, type BenchMetric } from './support/metrics';

interface CipherConfig {
  name: string;
  /** Pragmas before the key; null = plaintext. */
  pragmas: string[] | null;
  rawKey: boolean;
  note: string;
}

const KEY_HEX = '6b'.repeat(32);

const configs: CipherConfig[] = [
  { name: 'plaintext', pragmas: null, rawKey: false, note: 'no encryption' },
  { name: 'app', pragmas: [...CURRENT_CIPHER.pragmas], rawKey: true, note: `the app (db/cipher.ts): ${CURRENT_CIPHER.name}, authenticated, raw key` },
  { name: 'sqlcipher_v4', pragmas: [...LEGACY_CIPHER.pragmas], rawKey: true, note: 'the legacy cipher (before AEGIS): AES-256-CBC + HMAC-SHA512, 4 KiB pages, raw key' },
  { name: 'sqlcipher_v4_16k', pragmas: ["cipher = 'sqlcipher'", 'legacy = 4', 'legacy_page_size = 16384'], rawKey: true, note: 'sqlcipher v4 with 16 KiB pages' },
  { name: 'sqlcipher_v4_sha256', pragmas: ["cipher = 'sqlcipher'", 'legacy = 4', 'hmac_algorithm = 1', 'kdf_algorithm = 1'], rawKey: true, note: 'sqlcipher v4 with HMAC-SHA256' },
  { name: 'chacha20', pragmas: ["cipher = 'chacha20'"], rawKey: false, note: 'ChaCha20-Poly1305 (sqleet), authenticated' },
  { name: 'chacha20_16k', pragmas: ["cipher = 'chacha20'", 'page_size = 16384'], rawKey: false, note: 'ChaCha20-Poly1305, 16 KiB pages' },
  { name: 'ascon128', pragmas: ["cipher = 'ascon128'"], rawKey: false, note: 'Ascon-128, authenticated' },
  { name: 'aegis', pragmas: ["cipher = 'aegis'"], rawKey: false, note: 'AEGIS-256, authenticated (AES-NI)' },
  { name: 'aegis_128l', pragmas: ["cipher = 'aegis'", "algorithm = 'aegis-128l'"], rawKey: false, note: 'AEGIS-128L, authenticated (AES-NI)' },
  { name: 'aes256cbc', pragmas: ["cipher = 'aes256cbc'"], rawKey: false, note: 'wxSQLite3 AES-256-CBC, NO page authentication' },
  { name: 'aes128cbc', pragmas: ["cipher = 'aes128cbc'"], rawKey: false, note: 'wxSQLite3 AES-128-CBC, NO page authentication' },
  { name: 'rc4', pragmas: ["cipher = 'rc4'"], rawKey: false, note: 'RC4: broken, for reference only' },
];

interface Timing {
  write: number;
  coldRead: number;
}

function openKeyed(file: string, config: CipherConfig): Database.Database {
  const db = new Database(file);
  if (config.pragmas) {
    for (const p of config.pragmas) db.pragma(p);
    // Passphrase ciphers run their KDF once per open; it does not change the per-page cost measured here.
    db.pragma(config.rawKey ? `key = "x'${KEY_HEX}'"` : `key = '${KEY_HEX}'`);
  }
  return db;
}

/**
 * Seconds to insert `rows` in one transaction into a fresh DB with `config`, and to read them all back through a new
 * connection (an empty page cache: every page decrypted), or an error text.
 */
function timings(config: CipherConfig, rows: Array<[string, string]>): Timing | string {
  const file = path.join(benchDir(`cipher-${config.name}`), 'bench.db');
  let db: Database.Database | null = null;
  try {
    db = openKeyed(file, config);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE bench_rows (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
    const stmt = db.prepare('INSERT INTO bench_rows (id, data) VALUES (?, ?)');
    const started = performance.now();
    db.transaction(() => rows.forEach((r) => stmt.run(...r)))();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const write = (performance.now() - started) / 1000;
    db.close();
    db = openKeyed(file, config);
    const readStarted = performance.now();
    const read = db.prepare('SELECT count(*) AS n, sum(length(data)) AS bytes FROM bench_rows').get() as { n: number };
    if (read.n !== rows.length) throw new Error(`read ${read.n} rows back, wrote ${rows.length}`);
    return { write, coldRead: (performance.now() - readStarted) / 1000 };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

function ratioMetric(name: string, value: number, notes: string): BenchMetric {
  return metric({ metric: name, value, unit: 'x', target: { op: '<=', value: 1.5 }, notes });
}

export function benchCiphers(opts: { quick: boolean }): BenchMetric[] {
  const data = dataset(opts.quick ? 10_000 : 50_000);
  const rows = [...data.contracts, ...data.documents].map((r): [string, string] => [r.id, JSON.stringify(r)]);
  // Round-robin repetitions, best time per config: on a shared machine the minimum is the least disturbed run.
  const best = new Map<string, Timing | string>();
  for (let round = 0; round < (opts.quick ? 2 : 3); round++) {
    for (const config of configs) {
      const t = timings(config, rows);
      const previous = best.get(config.name);
      if (typeof t !== 'string') {
        best.set(config.name, typeof previous === 'object' ? { write: Math.min(previous.write, t.write), coldRead: Math.min(previous.coldRead, t.coldRead) } : t);
      } else if (previous === undefined) best.set(config.name, t);
    }
  }
  const plain = best.get('plaintext');
  if (typeof plain !== 'object') throw new Error(`plaintext ingest failed: ${String(plain)}`);
  const plainRate = rows.length / plain.write;
  const out: BenchMetric[] = [];
  for (const config of configs.slice(1)) {
    const t = best.get(config.name)!;
    const app = config.name === 'app';
    const writeName = app ? 'encrypted_vs_plaintext_ingest' : `cipher_${config.name}_vs_plaintext`;
    const readName = app ? 'encrypted_vs_plaintext_cold_read' : `cipher_${config.name}_cold_read_vs_plaintext`;
    if (typeof t === 'string') {
      for (const name of [writeName, readName]) {
        out.push({ metric: name, value: Number.NaN, unit: 'x', target: '<= 1.5 x', baseline: null, ratio: null, meets: false, notes: `${config.note}: not available (${t})` });
      }
      continue;
    }
    out.push(
      ratioMetric(writeName, t.write / plain.write, `${config.note}: ${Math.round(rows.length / t.write)} rows/s vs ${Math.round(plainRate)} plaintext rows/s (${rows.length} rows, one transaction + checkpoint, best of the rounds)`),
      ratioMetric(readName, t.coldRead / plain.coldRead, `${config.note}: full scan through a new connection ${(t.coldRead * 1000).toFixed(1)} ms vs ${(plain.coldRead * 1000).toFixed(1)} ms plaintext (best of the rounds)`),
    );
  }
  return out;
}
