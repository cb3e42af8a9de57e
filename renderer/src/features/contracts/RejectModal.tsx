/** «Отказать в заключении»: a reason from the catalogue and a comment, signed. */
import { Alert, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractRejectReason } from '../../../../domain/catalogue-ids';
import { contractRejectReasonLabels } from '../../../../domain/catalogues';
import { parentNotification } from '../../../../domain/texts';
import { useApi } from '../../api/ApiProvider';
import { isReasonValid, ReasonPicker, type ReasonValue } from '../../components/ReasonPicker';
import { useLanguage } from '../../components/useLanguage';
import { DecisionModal } from './DecisionModal';
import { useDecision } from './useDecision';
import './i18n';

export function RejectModal({ contractId, opened, onClose }: { contractId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  const api = useApi();
  const { busy, run } = useDecision();
  const [value, setValue] = useState<ReasonValue<ContractRejectReason>>({ reason: null, comment: '' });
  const valid = isReasonValid(value);
  const submit = async () => {
    if (!value.reason) return;
    if (await run(() => api['contracts.reject']({ contractId, reason: value.reason!, comment: value.comment.trim() || null }))) onClose();
  };
  return (
    <DecisionModal opened={opened} onClose={onClose} title={t('reject.title')} confirmLabel={t('reject.confirm')} onConfirm={() => void submit()} canConfirm={valid} busy={busy} color="red" size="md">
      <ReasonPicker labels={contractRejectReasonLabels} value={value} onChange={setValue} />
      {value.reason && (
        <Alert color="gray" variant="light" title={t('rework.parentSees')}>
          <Text size="sm">{parentNotification.contractRejected(contractRejectReasonLabels[value.reason][lang], lang)}</Text>
        </Alert>
      )}
    </DecisionModal>
  );
}
