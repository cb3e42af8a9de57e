/**
 * Generated seed bytes (PDFs, JPEGs) keyed by their recipe: on disk, so the demo restarts in seconds, and the most
 * recent ones in memory, so a resubmission signing the same contract data does not render its PDF twice.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

const RECENT_IN_MEMORY = 32;

export class SeedCache {
  private readonly recent = new Map<string, Promise<Uint8Array>>();

  constructor(private readonly dir: string | null) {}

  get(recipe: unknown, make: () => Promise<Uint8Array> | Uint8Array): Promise<Uint8Array> {
    const key = createHash('sha256').update(JSON.stringify(recipe)).digest('hex');
    let bytes = this.recent.get(key);
    if (!bytes) {
      bytes = this.load(key, make);
      bytes.catch(() => this.recent.delete(key));
      this.recent.set(key, bytes);
      if (this.recent.size > RECENT_IN_MEMORY) this.recent.delete(this.recent.keys().next().value!);
    }
    return bytes;
  }

  private async load(key: string, make: () => Promise<Uint8Array> | Uint8Array): Promise<Uint8Array> {
    if (!this.dir) return make();
    const file = path.join(this.dir, key);
    const hit = await readFile(file).catch(() => null);
    if (hit) return new Uint8Array(hit);
    const bytes = await make();
    await mkdir(this.dir, { recursive: true });
    await writeFile(`${file}.tmp`, bytes);
    await rename(`${file}.tmp`, file);
    return bytes;
  }
}
