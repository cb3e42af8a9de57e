import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Sync status line; filled in by the sync feature. */
export function SyncFooter() {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" role="status" aria-label={t('sync.footer')}>
      <Text size="sm" c="dimmed">
        {t('sync.footer')}
      </Text>
    </Group>
  );
}
