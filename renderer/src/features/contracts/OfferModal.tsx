/** «Отправить договор» for a direction: group, teaching language and start date, signed. */
import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teachingLanguageLabels } from '../../../../domain/catalogues';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { formatDate } from '../../../../domain/kazakhstan-time';
import { useLanguage } from '../../components/useLanguage';
import { DecisionModal } from './DecisionModal';
import { useDecision } from './useDecision';
import './i18n';

export function OfferModal({ directionId, onClose }: { directionId: string; onClose: () => void }) {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  const api = useApi();
  const { busy, run } = useDecision();
  const direction = useQuery(() => api['directions.get']({ id: directionId }), [directionId], ['directions', 'outbox']);
  const [group, setGroup] = useState('');
  const [language, setLanguage] = useState<'kk' | 'ru'>('kk');
  const [startDate, setStartDate] = useState('');
  const valid = group.trim().length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(startDate) && direction.data?.status === 'awaiting_offer' && !direction.data.sync;
  const submit = async () => {
    if (await run(() => api['contracts.offer']({ directionId, group: group.trim(), teachingLanguage: language, startDate }))) onClose();
  };
  const d = direction.data;
  return (
    <DecisionModal opened onClose={onClose} title={t('offer.title')} confirmLabel={t('offer.confirm')} onConfirm={() => void submit()} canConfirm={!!valid} busy={busy} size="md">
      {d && (
        <Stack gap={2}>
          <Text fw={600}>{d.child.fullName} · {d.child.iin}</Text>
          <Text size="sm" c="dimmed">{t('offer.direction')} {d.number} · {d.parentFullName}</Text>
          <Text size="sm">{t('columns.offerDue')}: {formatDate(d.offerDueOn)}</Text>
        </Stack>
      )}
      <TextInput label={t('offer.group')} value={group} onChange={(e) => setGroup(e.currentTarget.value)} required maxLength={100} data-autofocus />
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('offer.language')}</Text>
        <SegmentedControl value={language} onChange={(v) => setLanguage(v as 'kk' | 'ru')} data={(['kk', 'ru'] as const).map((l) => ({ value: l, label: teachingLanguageLabels[l][lang] }))} />
      </Stack>
      <TextInput type="date" label={t('offer.startDate')} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} required />
    </DecisionModal>
  );
}
