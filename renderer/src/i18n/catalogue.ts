/**
 * The domain's text catalogue in the renderer: `useCatalogueText()` renders a code + params (from the backend, the
 * server or the state machines) in the UI language with the same renderer every process uses; the catalogue is
 * also an i18next namespace (`catalogue:<code>`), so UI chrome can name a catalogue text as a key.
 */
import { useCallback } from 'react';
import { catalogue, displayText } from '../../../domain/text/catalogue';
import type { TextParams } from '../../../domain/text/text-ref';
import { languages, type Language } from '../../../domain/i18n-languages';
import { useLanguage } from '../components/useLanguage';
import type { Bundle } from './index';

/** A stored refusal or error: a catalogue code with its parameters, and the sender's fallback message. */
export interface CatalogueMessage {
  code: string | null;
  params?: TextParams | null | undefined;
  message?: string | null | undefined;
}

export function catalogueText(item: CatalogueMessage, lang: Language): string {
  if (!item.code) return item.message ?? '';
  return displayText(item.params ? { code: item.code, params: item.params } : { code: item.code }, lang, item.message);
}

export function useCatalogueText(): (item: CatalogueMessage) => string {
  const lang = useLanguage();
  return useCallback((item: CatalogueMessage) => catalogueText(item, lang), [lang]);
}

/** i18next spells placeholders {{name}}; the catalogue spells them {name}. */
export function catalogueBundles(): Record<Language, Bundle> {
  const bundle = (lang: Language): Bundle =>
    Object.fromEntries(Object.entries(catalogue).map(([code, texts]) => [code, texts[lang].replace(/\{(\w+)\}/g, '{{$1}}')]));
  return Object.fromEntries(languages.map((lang) => [lang, bundle(lang)])) as Record<Language, Bundle>;
}
