/**
 * i18next set-up. Common strings live in i18n/{kk,ru,en}.ts; each feature registers its own bundle
 * (features/<name>/i18n.ts) with `registerBundle`, so features do not edit one shared file.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, type Language } from '../../../domain/i18n-languages';
import { catalogueBundles } from './catalogue';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type Bundle = Record<string, unknown>;

/** Bundles registered before init (feature modules register at import time). */
const pending: Array<[string, Record<Language, Bundle>]> = [];

export function initI18n(language: Language = defaultLanguage) {
  const catalogueTexts = catalogueBundles();
  const resources: Record<Language, Record<string, Bundle>> = {
    kk: { common: kk, catalogue: catalogueTexts.kk },
    ru: { common: ru, catalogue: catalogueTexts.ru },
    en: { common: en, catalogue: catalogueTexts.en },
  };
  for (const [namespace, bundles] of pending.splice(0)) {
    for (const lng of Object.keys(bundles) as Language[]) resources[lng][namespace] = bundles[lng];
  }
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'ru',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Adds a feature's strings under its own namespace. */
export function registerBundle(namespace: string, bundles: Record<Language, Bundle>): void {
  if (!i18next.isInitialized) {
    pending.push([namespace, bundles]);
    return;
  }
  for (const [lng, bundle] of Object.entries(bundles)) i18next.addResourceBundle(lng, namespace, bundle, true, true);
}

export { i18next };
