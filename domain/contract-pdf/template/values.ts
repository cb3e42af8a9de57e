/** Helpers that put the parties' data into template text. */

/** A filled-in value, set in bold; `**` in the data cannot toggle the face, an empty value shows a dash. */
export function v(value: string): string {
  const clean = value.replaceAll('**', '').trim();
  return `**${clean === '' ? '—' : clean}**`;
}

/** Plain value for table cells and field rows (already set apart by the layout). */
export function plain(value: string): string {
  const clean = value.replaceAll('**', '').trim();
  return clean === '' ? '—' : clean;
}

/** Clauses numbered `prefix.1`, `prefix.2`, … */
export function numbered(prefix: string, texts: readonly string[]): Array<{ kind: 'clause'; num: string; text: string }> {
  return texts.map((text, i) => ({ kind: 'clause', num: `${prefix}.${i + 1}.`, text }));
}

