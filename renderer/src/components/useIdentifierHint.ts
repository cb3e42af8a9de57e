import { useTranslation } from 'react-i18next';
import { isMistypedIdentifier } from '../../../domain/identifiers';
import './i18n';

/** The hint under a search field when what is typed looks like an IIN/BIN but cannot be one. */
export function useIdentifierHint(typed: string): string | undefined {
  const { t } = useTranslation('components');
  return isMistypedIdentifier(typed) ? t('search.mistypedIdentifier') : undefined;
}
