/**
 * i18next set-up. Common strings live in i18n/{kk,ru,en}.ts; each feature registers its own bundle
 * (features/<name>/i18n.ts) with `registerBundle`, so features do not edit one shared file.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, type Language } from '../../../domain/i18n-languages';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type Bundle = Record<string, unknown>;

export function initI18n(language: Language = defaultLanguage) {
  void i18next.use(initReactI18next).init({
    resources: { kk: { common: kk }, ru: { common: ru }, en: { common: en } },
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
  for (const [lng, bundle] of Object.entries(bundles)) i18next.addResourceBundle(lng, namespace, bundle, true, true);
}

export { i18next };
