/** The sync status line: online/offline, last synced, pending, bootstrap and download progress, Needs attention. */
import { ActionIcon, Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCloudUp, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatTime as time } from '../../../../domain/kazakhstan-time';
import { useApi } from '../../api/ApiProvider';
import type { Language } from '../../../../domain/i18n-languages';
import { isRevocationRefusalCode, revocationRefusalTexts } from '../../../../domain/revocation-texts';
import { useSyncStatus } from './useSyncStatus';
import './i18n';

const percent = (p: { done: number; total: number | null }) => (p.total ? Math.min(100, (p.done / p.total) * 100) : 0);

export function SyncFooter() {
  const { t } = useTranslation('sync');
  const { t: tCommon, i18n } = useTranslation();
  const lang = (['kk', 'ru', 'en'].includes(i18n.language) ? i18n.language : 'ru') as Language;
  const api = useApi();
  const status = useSyncStatus();
  if (!status) {
    return (
      <Group h="100%" px="md" role="status" aria-label={tCommon('sync.footer')}>
        <Text size="sm" c="dimmed">{tCommon('sync.footer')}</Text>
      </Group>
    );
  }
  const downloading = status.downloads.total !== null && status.downloads.total > 0 && status.downloads.done < status.downloads.total;
  return (
    <Group h="100%" px="md" gap="lg" role="status" aria-label={tCommon('sync.footer')} wrap="nowrap" data-online={status.online} data-pending={status.pending} data-attention={status.attention}>
      {/* The reason in the UI language first; the transport's own words only as a detail for support. */}
      <Tooltip
        label={
          <div data-testid="sync-offline-hint">
            <div>{t('offlineHint')}{status.nextRetryAt ? ` ${t('nextAttempt', { time: time(status.nextRetryAt) })}` : ''}</div>
            <Text size="xs" c="dimmed">{t('technical', { message: status.lastError ?? '' })}</Text>
          </div>
        }
        disabled={!status.lastError || status.online}
        multiline
        w={360}
      >
        <Group gap={6} wrap="nowrap">
          <span style={{ width: 10, height: 10, borderRadius: 5, background: `var(--mantine-color-${status.online ? 'teal' : status.lastError ? 'gray' : 'yellow'}-6)`, display: 'inline-block' }} />
          {/* Before the first answer there is no failure yet: «connecting», not «offline». */}
          <Text size="sm">{status.online ? t('online') : status.lastError ? t('offline') : t('connecting')}</Text>
        </Group>
      </Tooltip>
      <Text size="sm" c="dimmed">{status.lastSyncedAt ? t('lastSynced', { time: time(status.lastSyncedAt) }) : t('never')}</Text>
      {status.phase !== 'idle' && <Text size="sm" c="dimmed">{t(`phase.${status.phase}`)}</Text>}
      {status.bootstrap && (
        <Group gap={6} wrap="nowrap">
          <Text size="xs">{t('bootstrap')}</Text>
          <Progress w={120} value={percent(status.bootstrap)} animated aria-label={t('bootstrap')} />
        </Group>
      )}
      {downloading && (
        <Group gap={6} wrap="nowrap">
          <Text size="xs">{t('downloads', { done: status.downloads.done, total: status.downloads.total })}</Text>
          <Progress w={100} value={percent(status.downloads)} aria-label={t('downloads', { done: status.downloads.done, total: status.downloads.total })} />
        </Group>
      )}
      {status.pending > 0 && (
        <Badge color="blue" variant="light" leftSection={<IconCloudUp size={12} />} data-testid="sync-pending">{t('pending', { count: status.pending })}</Badge>
      )}
      {status.attention > 0 && (
        <Badge component="a" href="#/attention" color="red" leftSection={<IconAlertTriangle size={12} />} style={{ cursor: 'pointer' }} data-testid="sync-attention">
          {t('attention', { count: status.attention })}
        </Badge>
      )}
      {status.needsLogin && <Badge color="orange">{t('needsLogin')}</Badge>}
      {isRevocationRefusalCode(status.lastErrorCode) && (
        <Tooltip label={revocationRefusalTexts[status.lastErrorCode][lang]} multiline w={360}>
          <Badge color="orange" variant="light" data-testid="sync-refusal">{t('waitingForCheck')}</Badge>
        </Tooltip>
      )}
      {status.updateRequired && <Badge color="red">{t('updateRequired')}</Badge>}
      <Tooltip label={t('syncNow')}>
        <ActionIcon variant="subtle" ml="auto" aria-label={t('syncNow')} onClick={() => void api['sync.now']({}).catch(() => undefined)} loading={status.phase !== 'idle'}>
          <IconRefresh size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
