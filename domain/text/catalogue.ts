/**
 * The one catalogue of user-facing texts that cross a process boundary or are shown by more than one process:
 * code → kk/ru/en template. The renderer's i18next keeps the UI chrome; everything a backend, the server or main
 * says to a person is a code of this catalogue with parameters, rendered in the reader's language by `renderText`.
 */
import { regenerationMessages } from '../contract-pdf/regenerate';
import type { Language, Localized } from '../i18n-languages';
import { contractStatusLabels, directionStatusLabels, documentReviewStatusLabels, parentTexts, specialQueueStatusLabels, voucherStatusLabels } from '../texts';
import { documentKindLabels } from '../catalogues';
import { refusalTexts } from './refusals';
import { revocationRefusalTexts } from '../revocation-texts';
import { shellTexts } from './shell';
import { fillTemplate, type TextRef } from './text-ref';

const prefixed = <K extends string>(prefix: string, entries: Readonly<Record<K, Localized>>): Record<string, Localized> =>
  Object.fromEntries(Object.entries<Localized>(entries).map(([key, value]) => [`${prefix}.${key}`, value]));

export const catalogue: Readonly<Record<string, Localized>> = {
  ...refusalTexts,
  ...revocationRefusalTexts,
  ...prefixed('CONTRACT_PDF', regenerationMessages),
  ...prefixed('contractStatus', contractStatusLabels),
  ...prefixed('specialQueueStatus', specialQueueStatusLabels),
  ...prefixed('directionStatus', directionStatusLabels),
  ...prefixed('documentReviewStatus', documentReviewStatusLabels),
  ...prefixed('documentKind', documentKindLabels),
  ...prefixed('voucherStatus', voucherStatusLabels),
  ...prefixed('parent', parentTexts),
  ...prefixed('shell', shellTexts),
};

export const hasText = (code: string): boolean => Object.hasOwn(catalogue, code);

/** The text in `lang`, or null when the catalogue does not know the code (an older app, a newer server). */
export function renderText(ref: TextRef, lang: Language): string | null {
  const entry = Object.hasOwn(catalogue, ref.code) ? catalogue[ref.code] : undefined;
  if (!entry) return null;
  return fillTemplate(entry[lang], ref.params, (inner) => renderText(inner, lang) ?? inner.code);
}

/** What to show: the catalogue's text, else the sender's fallback, else the bare code. */
export function displayText(ref: TextRef, lang: Language, fallback?: string | null): string {
  return renderText(ref, lang) ?? (fallback || ref.code);
}

/** Every language at once (e.g. a notification stored for a parent whose language the server does not know). */
export function inEveryLanguage(ref: TextRef): Localized {
  return { kk: displayText(ref, 'kk'), ru: displayText(ref, 'ru'), en: displayText(ref, 'en') };
}
