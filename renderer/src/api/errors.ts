/**
 * Turns a failed call into the sentence a person should read, in their language: NCALayer failures get the guidance
 * from domain/ncalayer-errors, errors that carry a catalogue text (details.text) render it, known codes have i18n keys.
 */
import type { TFunction } from 'i18next';
import type { Language } from '../../../domain/i18n-languages';
import { displayText } from '../../../domain/text/catalogue';
import { textOfDetails } from '../../../domain/text/text-error';
import { isQuietNcaLayerFailure, ncaLayerFailureSchema, ncaLayerErrorMessage } from '../../../domain/ncalayer-errors';
import { ApiCallError } from './client';

function ncaLayerFailure(error: unknown) {
  if (!(error instanceof ApiCallError) || error.code !== 'NCALAYER') return null;
  const parsed = ncaLayerFailureSchema.safeParse((error.details as { ncalayer?: unknown } | undefined)?.ncalayer);
  return parsed.success ? parsed.data : null;
}

/** True for outcomes that are not errors to the person (they cancelled the NCALayer dialog). */
export function isQuietError(error: unknown): boolean {
  const failure = ncaLayerFailure(error);
  return !!failure && isQuietNcaLayerFailure(failure.kind);
}

export function errorMessage(error: unknown, t: TFunction, language: string): string {
  const lang = (['kk', 'ru', 'en'].includes(language) ? language : 'ru') as Language;
  const failure = ncaLayerFailure(error);
  if (failure) return ncaLayerErrorMessage(failure, lang);
  if (error instanceof ApiCallError) {
    const ref = textOfDetails(error.details);
    if (ref) return displayText(ref, lang, error.message);
    const key = `errors.${error.code}`;
    const known = t(key);
    if (known !== key) return known;
    return t('errors.generic', { message: error.message });
  }
  return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}
