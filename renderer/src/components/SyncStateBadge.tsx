import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCloudUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import './i18n';

/** A queued decision's state on a row: pending (not confirmed yet) or needs attention (refused). */
export function SyncStateBadge({ state }: { state: 'pending' | 'attention' | null }) {
  const { t } = useTranslation('components');
  if (!state) return null;
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
