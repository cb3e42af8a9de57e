import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCloudUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import './i18n';

/** A queued decision's state on a row: pending (not confirmed yet) or needs attention (refused). `compact`: icon only. */
export function SyncStateBadge({ state, compact = false }: { state: 'pending' | 'attention' | null; compact?: boolean }) {
  const { t } = useTranslation('components');
  if (!state) return null;
  if (compact) {
    const label = t(`sync.${state}`);
    return (
      <Tooltip label={label}>
        <Badge circle size="lg" color={state === 'pending' ? 'blue' : 'red'} variant="light" aria-label={label} data-sync={state}>
          {state === 'pending' ? <IconCloudUp size={14} /> : <IconAlertTriangle size={14} />}
        </Badge>
      </Tooltip>
    );
  }
  return state === 'pending' ? (
    <Badge color="blue" variant="light" leftSection={<IconCloudUp size={12} />} data-sync="pending">
      {t('sync.pending')}
    </Badge>
  ) : (
    <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} />} data-sync="attention">
      {t('sync.attention')}
    </Badge>
  );
}
