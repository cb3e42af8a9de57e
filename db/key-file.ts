/**
 * Key provider for plain Node (dev:web, tests): a random 256-bit key in a 0600 file next to the DB.
 * The Electron app wraps its key with safeStorage instead (electron/main); this file is the non-Electron fallback
 * and says so in the log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DB_KEY_BYTES } from './cipher';

export function loadOrCreateKeyFile(file: string, warn: (message: string) => void): Uint8Array {
  if (fs.existsSync(file)) {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`The key file ${path.basename(file)} is damaged.`);
    return Uint8Array.from(Buffer.from(hex, 'hex'));
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(DB_KEY_BYTES);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  warn('The database key is kept in a file with 0600 permissions (no OS key store outside Electron).');
  return Uint8Array.from(key);
}
