import { Badge } from '@mantine/core';
import type { Localized } from '../../../domain/i18n-languages';
import { useLanguage } from './useLanguage';

/** A status label from a domain label table, coloured by the caller's mapping. */
export function StatusBadge<S extends string>({ status, labels, colors }: { status: S; labels: Readonly<Record<S, Localized>>; colors: Partial<Record<S, string>> }) {
  const lang = useLanguage();
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light" radius="sm" style={{ textTransform: 'none' }}>
      {labels[status][lang]}
    </Badge>
  );
}
