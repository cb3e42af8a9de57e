/**
 * The lines of an NDJSON byte stream, one batch per chunk. A newline byte never occurs inside a UTF-8 multi-byte
 * sequence, so each chunk is cut after its last newline and everything before the cut is decoded in one call, with
 * no decoder state carried between chunks; only the bytes after the cut wait for the next chunk.
 */
import { Buffer } from 'node:buffer';

/** Non-empty lines of `text`, each trimmed. */
function linesOf(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let nl: number;
  while ((nl = text.indexOf('\n', start)) >= 0) {
    const line = text.slice(start, nl).trim();
    start = nl + 1;
    if (line) lines.push(line);
  }
  const last = text.slice(start).trim();
  if (last) lines.push(last);
  return lines;
}

export async function* ndjsonLineBatches(body: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  // Bytes after the last newline seen so far: kept as a list, so a line longer than many chunks is joined once.
  let pending: Buffer[] = [];
  for await (const chunk of body) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const cut = bytes.lastIndexOf(0x0a);
    if (cut < 0) {
      pending.push(Buffer.from(bytes));
      continue;
    }
    const head = pending.length > 0 ? Buffer.concat([...pending, bytes.subarray(0, cut)]) : bytes.subarray(0, cut);
    pending = cut + 1 < bytes.length ? [Buffer.from(bytes.subarray(cut + 1))] : [];
    const batch = linesOf(head.toString('utf8'));
    if (batch.length > 0) yield batch;
  }
  const rest = linesOf(Buffer.concat(pending).toString('utf8'));
  if (rest.length > 0) yield rest;
}
