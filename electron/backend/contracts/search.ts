import { searchForms } from '../../../domain/name-search';

const SEARCHED_COLUMNS = 'number child_name child_iin parent_name parent_iin';

/**
 * Turns what the user typed into an FTS5 MATCH expression over the folded index: every word must match as a prefix
 * (IIN digits, parts of a name or a contract number) in one of its search forms (as typed, or transliterated from
 * Latin letters). Words are quoted, so FTS syntax characters typed by the user are plain text.
 */
export function ftsMatchExpression(search: string): string | null {
  const words = search
    .normalize('NFC')
    .split(/[\s,;]+/)
    .map((w) => w.replace(/"/g, '').trim())
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  // Only the typed-text columns: an index may hold other tokens (the contracts' inbox tab).
  return `{${SEARCHED_COLUMNS}} : (${words.map((w) => `(${searchForms(w).map((form) => `"${form}"*`).join(' OR ')})`).join(' AND ')})`;
}

/** A LIKE pattern (with `\` as escape) for small tables without an FTS index. */
export function likePattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
