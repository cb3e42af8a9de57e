/**
 * The document model the template produces and the layout engine consumes. Inside any text, `**…**` switches
 * to the bold face (used for the filled-in data so it stands out from the template wording).
 */
export type Block =
  /** Centered bold title. */
  | { kind: 'title'; text: string }
  /** Centered regular line under a title. */
  | { kind: 'subtitle'; text: string }
  /** Bold section heading; kept on the same page as the text that follows it. */
  | { kind: 'heading'; text: string }
  /** Justified paragraph with a first-line indent. */
  | { kind: 'para'; text: string }
  /** Numbered clause: the number in bold, then justified text. */
  | { kind: 'clause'; num: string; text: string }
  /** Label → value rows (requisites, personal data). */
  | { kind: 'fields'; rows: ReadonlyArray<readonly [string, string]> }
  /** Ruled table; `columns` are relative widths. The header repeats after a page break. */
  | { kind: 'table'; columns: readonly number[]; header: readonly string[]; rows: ReadonlyArray<readonly string[]> }
  /** Two side-by-side columns of left-aligned paragraphs (place/date line, the parties' signatures). */
  | { kind: 'columns'; left: readonly string[]; right: readonly string[] }
  /** Ruled lines a person fills in by hand (forms in the annexes). */
  | { kind: 'ruled'; label: string; lines: number }
  | { kind: 'space'; height: number }
  | { kind: 'pageBreak' };
