/** A disk cache of generated seed bytes (PDFs, JPEGs) keyed by their recipe, so the demo restarts in seconds. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class SeedCache {
  constructor(private readonly dir: string | null) {}

  async get(recipe: unknown, make: () => Promise<Uint8Array> | Uint8Array): Promise<Uint8Array> {
    if (!this.dir) return make();
    const file = path.join(this.dir, createHash('sha256').update(JSON.stringify(recipe)).digest('hex'));
    const hit = await readFile(file).catch(() => null);
    if (hit) return new Uint8Array(hit);
    const bytes = await make();
    await mkdir(this.dir, { recursive: true });
    await writeFile(`${file}.tmp`, bytes);
    await rename(`${file}.tmp`, file);
    return bytes;
  }
}
