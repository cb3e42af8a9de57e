/**
 * Turns what the user typed into a safe FTS5 query: every word must match the start of a token (IIN digits, name
 * parts, the application number). Quotes and operators typed by the user are never passed to FTS5 as syntax.
 */
export function ftsPrefixQuery(search: string): string | null {
  const words = search
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
