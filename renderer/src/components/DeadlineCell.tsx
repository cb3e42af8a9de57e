import { Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/kazakhstan-time';
import './i18n';

/** The mark of a deadline on a day a decree may still move (its year's calendar is not confirmed). */
function ProvisionalMark() {
  const { t } = useTranslation('components');
  return (
    <Tooltip label={t('deadline.provisionalHint')} multiline w={280}>
      <Text component="span" size="xs" c="yellow.8" fs="italic" data-provisional>
        {t('deadline.provisional')}
      </Text>
    </Tooltip>
  );
}

/**
 * A deadline with the working days left; overdue in red, the last day in orange, «алдын ала / предварительно» when
 * a decree may still move it. `compact`: one line (date · days), for a crowded header.
 */
export function DeadlineCell({ dueOn, daysLeft, provisional, compact }: { dueOn: string | null; daysLeft: number | null; provisional?: boolean; compact?: boolean }) {
  const { t } = useTranslation('components');
  if (!dueOn || daysLeft === null) return <Text c="dimmed">—</Text>;
  const color = daysLeft < 0 ? 'red' : daysLeft <= 1 ? 'orange' : 'dimmed';
  const label = daysLeft < 0 ? t('deadline.overdue', { count: -daysLeft }) : daysLeft === 0 ? t('deadline.dueToday') : t('deadline.daysLeft', { count: daysLeft });
  if (compact) {
    return (
      <Text size="xs" c={color} style={{ whiteSpace: 'nowrap' }} data-overdue={daysLeft < 0 || undefined}>
        {formatDate(dueOn)} · {label}
        {provisional && <> · <ProvisionalMark /></>}
      </Text>
    );
  }
  return (
    <Stack gap={0} data-overdue={daysLeft < 0 || undefined}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={daysLeft < 0 ? 600 : undefined} c={daysLeft < 0 ? 'red' : undefined}>
          {formatDate(dueOn)}
        </Text>
        {provisional && <ProvisionalMark />}
      </Group>
      <Text size="xs" c={color}>
        {label}
      </Text>
    </Stack>
  );
}
