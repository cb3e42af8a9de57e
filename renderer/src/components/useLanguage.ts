import { useTranslation } from 'react-i18next';
import { languageSchema, type Language } from '../../../domain/i18n-languages';

/** The UI language as the domain's Language (for catalogue labels and domain texts). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const parsed = languageSchema.safeParse(i18n.language);
  return parsed.success ? parsed.data : 'ru';
}
