/** «Вернуть на доработку»: what the parent will see (the portal's text and the flagged documents), then sign. */
import { Alert, List, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail } from '../../../../domain/api/contracts';
import { documentKindLabels, flagReasonLabels } from '../../../../domain/catalogues';
import { MAX_REWORK_ATTEMPTS, reworkAttemptsLeft } from '../../../../domain/rules';
import { parentNotification, parentStatusTexts } from '../../../../domain/texts';
import { useApi } from '../../api/ApiProvider';
import { useLanguage } from '../../components/useLanguage';
import { DecisionModal } from './DecisionModal';
import { useDecision } from './useDecision';
import './i18n';

export function ReworkModal({ detail, opened, onClose }: { detail: ContractDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  const api = useApi();
  const { busy, run } = useDecision();
  const [message, setMessage] = useState('');
  const { contract } = detail;
  const flagged = detail.documents.filter((d) => d.effectiveStatus === 'flagged');
  const submit = async () => {
    if (await run(() => api['contracts.returnForRework']({ contractId: contract.id, message: message.trim() || null }))) onClose();
  };
  return (
    <DecisionModal opened={opened} onClose={onClose} title={t('rework.title')} confirmLabel={t('rework.confirm')} onConfirm={() => void submit()} canConfirm={flagged.length > 0} busy={busy} color="orange">
      <Text size="sm" c="dimmed">{t('rework.attempts', { used: contract.reworkCount + 1, max: MAX_REWORK_ATTEMPTS })}</Text>
      <Alert color="orange" variant="light" title={`${t('rework.parentSees')}: «${parentStatusTexts.rework[lang]}»`}>
        <Text size="sm" mb="xs">{parentNotification.reworkRequested(reworkAttemptsLeft(contract.reworkCount + 1), lang)}</Text>
        <Text size="sm" fw={600}>{t('rework.flagged')}:</Text>
        <List size="sm">
          {flagged.map((d) => (
            <List.Item key={d.id}>
              {documentKindLabels[d.kind][lang]} — {d.effectiveReason ? flagReasonLabels[d.effectiveReason][lang] : ''}
              {d.effectiveComment ? ` («${d.effectiveComment}»)` : ''}
            </List.Item>
          ))}
        </List>
        {message.trim() && <Text size="sm" mt="xs" fs="italic">{message.trim()}</Text>}
      </Alert>
      <Textarea label={t('rework.message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
    </DecisionModal>
  );
}
