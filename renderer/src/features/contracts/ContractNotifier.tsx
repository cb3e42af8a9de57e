/**
 * Desktop notifications (the browser's Notification API; the Electron shell maps it to a native one): new contracts
 * to review, and a decision the server refused. Clicking opens the item. Nothing is shown on the first load.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { useSyncStatus } from '../sync/useSyncStatus';
import './i18n';

function notify(title: string, body: string, onClick: () => void): void {
  if (typeof Notification === 'undefined') return;
  const show = () => {
    const n = new Notification(title, { body, tag: body });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  };
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default') void Notification.requestPermission().then((p) => p === 'granted' && show());
}

export function ContractNotifier({ navigate }: { navigate: (path: string) => void }) {
  const { t } = useTranslation('contracts');
  const api = useApi();
  const counts = useQuery(() => api['contracts.counts']({ search: '' }), [], ['contracts']);
  const status = useSyncStatus();
  const lastReview = useRef<number | null>(null);
  const lastAttention = useRef<number | null>(null);

  const review = counts.data?.review;
  useEffect(() => {
    if (review === undefined) return;
    const before = lastReview.current;
    lastReview.current = review;
    if (before === null || review <= before) return;
    notify('Qabyl', t('notify.newContracts', { count: review - before }), () => {
      void api['contracts.list']({ tab: 'review', sort: 'submittedAt', dir: 'desc', limit: 1 }).then((page) => {
        const newest = page.rows[0];
        navigate(newest ? `contracts/view/${encodeURIComponent(newest.id)}` : 'contracts/list/review');
      });
    });
  }, [review, api, navigate, t]);

  const attention = status?.attention;
  useEffect(() => {
    if (attention === undefined) return;
    const before = lastAttention.current;
    lastAttention.current = attention;
    if (before === null || attention <= before) return;
    notify('Qabyl', t('notify.refused'), () => navigate('attention'));
  }, [attention, navigate, t]);
  return null;
}
