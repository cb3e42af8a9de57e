import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/kazakhstan-time';
import './i18n';


/** A deadline with the working days left; overdue in red, the last day in orange. */
/** `compact`: one line (date · days), for a crowded header. */
export function DeadlineCell({ dueOn, daysLeft, compact }: { dueOn: string | null; daysLeft: number | null; compact?: boolean }) {
  const { t } = useTranslation('components');
  if (!dueOn || daysLeft === null) return <Text c="dimmed">—</Text>;
  const color = daysLeft < 0 ? 'red' : daysLeft <= 1 ? 'orange' : 'dimmed';
  const label = daysLeft < 0 ? t('deadline.overdue', { count: -daysLeft }) : daysLeft === 0 ? t('deadline.dueToday') : t('deadline.daysLeft', { count: daysLeft });
  if (compact) {
    return (
      <Text size="xs" c={color} style={{ whiteSpace: 'nowrap' }} data-overdue={daysLeft < 0 || undefined}>
        {formatDate(dueOn)} · {label}
      </Text>
    );
  }
  return (
    <Stack gap={0} data-overdue={daysLeft < 0 || undefined}>
      <Text size="sm" fw={daysLeft < 0 ? 600 : undefined} c={daysLeft < 0 ? 'red' : undefined}>
        {formatDate(dueOn)}
      </Text>
      <Text size="xs" c={color}>
        {label}
      </Text>
    </Stack>
  );
}
