/**
 * Reads the contract fonts (DejaVu Sans regular + bold, see resources/fonts/LICENSE-DejaVu.txt) for the pure
 * renderer in domain/contract-pdf. The server imports this too. In a packaged app the fonts live under the
 * app's resources folder, so the caller passes that folder; the default is the source tree's resources/fonts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContractFonts } from '../domain/contract-pdf';

export const DEFAULT_FONTS_DIR = fileURLToPath(new URL('../resources/fonts/', import.meta.url));

const cache = new Map<string, Promise<ContractFonts>>();

async function readFonts(dir: string): Promise<ContractFonts> {
  const [regular, bold] = await Promise.all([
    readFile(path.join(dir, 'DejaVuSans.ttf')),
    readFile(path.join(dir, 'DejaVuSans-Bold.ttf')),
  ]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}

/** The font bytes, read once per folder. */
export function loadContractFonts(dir: string = DEFAULT_FONTS_DIR): Promise<ContractFonts> {
  let fonts = cache.get(dir);
  if (!fonts) {
    fonts = readFonts(dir);
    cache.set(dir, fonts);
    // A failed read must not be cached forever (e.g. the folder appears after an update).
    fonts.catch(() => cache.delete(dir));
  }
  return fonts;
}
