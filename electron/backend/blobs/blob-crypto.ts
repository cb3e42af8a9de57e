/**
 * Encryption of documents at rest. Finished files: AES-256-GCM with a random key and nonce per file (the tag
 * makes tampering detectable). Partial downloads: AES-256-CTR, which is seekable, so a download resumes at any
 * byte offset without plaintext ever touching the disk.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const GCM_TAG_BYTES = 16;
export const KEY_BYTES = 32;

export const newKey = (): Buffer => randomBytes(KEY_BYTES);

/** `count` independent keys from one draw of the generator (one call and one allocation instead of `count`). */
export function newKeys(count: number): Buffer[] {
  const pool = randomBytes(KEY_BYTES * count);
  return Array.from({ length: count }, (_, i) => pool.subarray(i * KEY_BYTES, (i + 1) * KEY_BYTES));
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function sealGcm(plain: Uint8Array): { key: Buffer; nonce: Buffer; sealed: Buffer } {
  const key = newKey();
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { key, nonce, sealed: Buffer.concat([body, cipher.getAuthTag()]) };
}

/** Throws when the file was altered (GCM authentication fails). */
export function openGcm(sealed: Uint8Array, key: Uint8Array, nonce: Uint8Array): Buffer {
  if (sealed.length < GCM_TAG_BYTES) throw new Error('sealed file too short');
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.length);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(buf.subarray(buf.length - GCM_TAG_BYTES));
  return Buffer.concat([decipher.update(buf.subarray(0, buf.length - GCM_TAG_BYTES)), decipher.final()]);
}

/** AES-256-CTR keystream applied from byte `offset` (encryption and decryption are the same operation). */
export function ctrAt(key: Uint8Array, offset: number, data: Uint8Array): Buffer {
  const block = Math.floor(offset / 16);
  const iv = Buffer.alloc(16);
  iv.writeBigUInt64BE(BigInt(block), 8);
  const cipher = createCipheriv('aes-256-ctr', key, iv);
  const skip = offset % 16;
  if (skip) cipher.update(Buffer.alloc(skip));
  return cipher.update(data);
}

/** A stored document's plaintext, or null when the file was altered (GCM tag) or is not the document (SHA-256). */
export function openVerified(sealed: Uint8Array, key: Uint8Array, nonce: Uint8Array, sha256: string): Uint8Array | null {
  let plain: Buffer;
  try {
    plain = openGcm(sealed, key, nonce);
  } catch {
    return null;
  }
  return sha256Hex(plain) === sha256 ? new Uint8Array(plain.buffer, plain.byteOffset, plain.length) : null;
}
