/**
 * How main shows the catalogue's `shell.*` texts. The DB holds the user's language but cannot be read without the
 * key, so main's own dialogs show Kazakh and Russian together (plus English for an English system locale).
 */
import { displayText } from '../../domain/text/catalogue';
import type { shellTexts } from '../../domain/text/shell';
import { text, type TextParams, type TextRef } from '../../domain/text/text-ref';

export type KeyProblem = 'encryption-unavailable' | 'undecryptable' | 'missing-key-for-existing-db' | 'db-rejects-key';

export const shellText = (key: keyof typeof shellTexts, params?: TextParams): TextRef => text(`shell.${key}`, params);

/** Kazakh first, then Russian (both required); English is added for an English system locale. */
export function bilingual(ref: TextRef, systemLocale = ''): string {
  const parts = [displayText(ref, 'kk'), displayText(ref, 'ru')];
  if (systemLocale.toLowerCase().startsWith('en')) parts.push(displayText(ref, 'en'));
  return parts.join('\n\n');
}

/** Button captions stay short: «Шығу / Выйти». */
export function bilingualCaption(ref: TextRef): string {
  return `${displayText(ref, 'kk')} / ${displayText(ref, 'ru')}`;
}
