/** «Отчислить» a signed contract: leaving date and reason, signed. */
import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInKazakhstan } from '../../../../domain/calendar';
import type { ArchiveReason } from '../../../../domain/catalogue-ids';
import { archiveReasonLabels } from '../../../../domain/catalogues';
import { useApi } from '../../api/ApiProvider';
import { isReasonValid, ReasonPicker, type ReasonValue } from '../../components/ReasonPicker';
import { DecisionModal } from './DecisionModal';
import { useDecision } from './useDecision';
import './i18n';

export function ArchiveModal({ contractId, opened, onClose }: { contractId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('contracts');
  const api = useApi();
  const { busy, run } = useDecision();
  const [date, setDate] = useState(() => todayInKazakhstan(new Date()));
  const [value, setValue] = useState<ReasonValue<ArchiveReason>>({ reason: null, comment: '' });
  const valid = isReasonValid(value) && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const submit = async () => {
    if (!value.reason) return;
    if (await run(() => api['contracts.archive']({ contractId, archivedOn: date, reason: value.reason!, comment: value.comment.trim() || null }))) onClose();
  };
  return (
    <DecisionModal opened={opened} onClose={onClose} title={t('archive.title')} confirmLabel={t('archive.confirm')} onConfirm={() => void submit()} canConfirm={valid} busy={busy} size="md">
      <TextInput type="date" label={t('archive.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
      <ReasonPicker labels={archiveReasonLabels} value={value} onChange={setValue} />
    </DecisionModal>
  );
}
