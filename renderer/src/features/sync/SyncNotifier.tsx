/**
 * Says when the server accepted decisions: the pending count went down and nothing new needs attention. A refused
 * decision is announced by ContractNotifier and shown under Needs attention instead.
 */
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from './useSyncStatus';
import './i18n';

export function SyncNotifier() {
  const { t } = useTranslation('sync');
  const status = useSyncStatus();
  const last = useRef<{ pending: number; attention: number } | null>(null);
  const pending = status?.pending;
  const attention = status?.attention;
  useEffect(() => {
    if (pending === undefined || attention === undefined) return;
    const before = last.current;
    last.current = { pending, attention };
    if (!before || pending >= before.pending) return;
    const accepted = before.pending - pending - Math.max(0, attention - before.attention);
    if (accepted > 0) notifications.show({ color: 'teal', message: t('accepted', { count: accepted }), autoClose: 3000 });
  }, [pending, attention, t]);
  return null;
}
