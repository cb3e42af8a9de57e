/**
 * «Подтвердить» (optionally correcting the correction type to the conclusion's, with a required note) and
 * «Отклонить» (reason from the catalogue + comment, required for «Другое»). Ctrl+Enter submits either dialog.
 */
import { Alert, Button, Group, Loader, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { correctionTypes, type CorrectionType, type SpecialQueueRejectReason } from '../../../../domain/catalogue-ids';
import { correctionTypeLabels, specialQueueRejectReasonLabels } from '../../../../domain/catalogues';
import { useApi } from '../../api/ApiProvider';
import { isReasonValid, ReasonPicker, type ReasonValue } from '../../components/ReasonPicker';
import { useLanguage } from '../../components/useLanguage';
import { useConfirmKey } from '../../components/useShortcuts';
import { useDecision } from '../contracts/useDecision';
import './i18n';

interface DialogProps {
  opened: boolean;
  onClose: () => void;
  applicationId: string;
}

function DecisionModal(props: { opened: boolean; onClose: () => void; title: string; text: string; busy: boolean; canSubmit: boolean; submitLabel: string; color: string; onSubmit: () => void; children: ReactNode }) {
  const { t } = useTranslation('specialQueue');
  useConfirmKey(props.opened, () => props.canSubmit && !props.busy && props.onSubmit());
  return (
    <Modal opened={props.opened} onClose={props.busy ? () => undefined : props.onClose} title={props.title} size="lg">
      <Stack>
        <Text size="sm">{props.text}</Text>
        {props.children}
        {props.busy && (
          <Alert color="blue" variant="light" icon={<Loader size="xs" />}>
            {t('signing')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={props.busy}>
            {t('cancel')}
          </Button>
          <Button color={props.color} onClick={props.onSubmit} disabled={!props.canSubmit} loading={props.busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ConfirmDialog({ opened, onClose, applicationId, requested }: DialogProps & { requested: CorrectionType }) {
  const { t } = useTranslation('specialQueue');
  const lang = useLanguage();
  const api = useApi();
  const { busy, run } = useDecision();
  const [type, setType] = useState<CorrectionType>(requested);
  const [note, setNote] = useState('');
  const corrected = type !== requested;
  const canSubmit = !corrected || note.trim().length > 0;
  const submit = async () => {
    const done = await run(() => api['specialQueue.confirm']({ applicationId, correctionType: corrected ? type : null, note: note.trim() || null }));
    if (done) onClose();
  };
  return (
    <DecisionModal
      opened={opened}
      onClose={onClose}
      title={t('confirmDialog.title')}
      text={t('confirmDialog.text')}
      busy={busy}
      canSubmit={canSubmit}
      submitLabel={t('confirmDialog.submit')}
      color="teal"
      onSubmit={() => void submit()}
    >
      <Select
        label={t('confirmDialog.correctionType')}
        data={correctionTypes.map((id) => ({ value: id, label: correctionTypeLabels[id][lang] }))}
        value={type}
        onChange={(v) => v && setType(v as CorrectionType)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {corrected && (
        <Text size="sm" c="orange">
          {t('confirmDialog.corrected')}
        </Text>
      )}
      <Textarea
        label={t('confirmDialog.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        required={corrected}
        error={corrected && note.trim() === '' ? t('confirmDialog.noteRequired') : undefined}
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
      />
    </DecisionModal>
  );
}

export function RejectDialog({ opened, onClose, applicationId }: DialogProps) {
  const { t } = useTranslation('specialQueue');
  const api = useApi();
  const { busy, run } = useDecision();
  const [value, setValue] = useState<ReasonValue<SpecialQueueRejectReason>>({ reason: null, comment: '' });
  const canSubmit = isReasonValid(value);
  const submit = async () => {
    if (!value.reason || !canSubmit) return;
    const reason = value.reason;
    const done = await run(() => api['specialQueue.reject']({ applicationId, reason, comment: value.comment.trim() || null }));
    if (done) onClose();
  };
  return (
    <DecisionModal
      opened={opened}
      onClose={onClose}
      title={t('rejectDialog.title')}
      text={t('rejectDialog.text')}
      busy={busy}
      canSubmit={canSubmit}
      submitLabel={t('rejectDialog.submit')}
      color="red"
      onSubmit={() => void submit()}
    >
      <ReasonPicker labels={specialQueueRejectReasonLabels} value={value} onChange={setValue} onSubmit={() => void submit()} />
    </DecisionModal>
  );
}
