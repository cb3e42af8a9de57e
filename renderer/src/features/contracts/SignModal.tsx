/**
 * «Подписать и зачислить»: the backend regenerates the contract PDF and checks its hash against the one the parent
 * signed; the preview shows exactly those bytes; signing goes through NCALayer and is verified before queuing.
 */
import { Alert, Group, Loader, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail } from '../../../../domain/api/contracts';
import { useApi } from '../../api/ApiProvider';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/useQuery';
import { DocumentViewer } from '../../components/DocumentViewer';
import { DecisionModal } from './DecisionModal';
import { useDecision } from './useDecision';
import './i18n';

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function SignModal({ detail, opened, onClose }: { detail: ContractDetail; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('contracts');
  const api = useApi();
  const { busy, run } = useDecision();
  const id = detail.contract.id;
  const pdf = useQuery(() => (opened ? api['contracts.pdf']({ contractId: id }) : Promise.resolve(null)), [opened, id, detail.contract.version], []);
  const inline = useMemo(() => {
    if (!pdf.data) return undefined;
    const bytes = decodeBase64(pdf.data.base64);
    return { bytes, mime: 'application/pdf', url: URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/pdf' })) };
  }, [pdf.data]);
  useEffect(() => () => inline && URL.revokeObjectURL(inline.url), [inline]);
  const submit = async () => {
    if (await run(() => api['contracts.sign']({ contractId: id }))) onClose();
  };
  return (
    <DecisionModal opened={opened} onClose={onClose} title={t('sign.title')} confirmLabel={t('sign.confirm')} onConfirm={() => void submit()} canConfirm={!!pdf.data} busy={busy} size="80rem">
      {pdf.error ? (
        <Alert color="red">{errorMessage(pdf.error, t, i18n.language)}</Alert>
      ) : !pdf.data ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('sign.checking')}</Text>
        </Group>
      ) : (
        <Alert color="teal" variant="light" icon={<IconShieldCheck size={20} />} p="xs">
          <Text size="sm">{t('sign.hashOk')}</Text>
          <Text size="xs" ff="monospace" c="dimmed">SHA-256 {pdf.data.sha256}</Text>
        </Alert>
      )}
      {inline && <DocumentViewer sha256={null} inline={inline} title={detail.contract.number} height="58vh" />}
      <Text size="sm" c="dimmed">{t('sign.hint')}</Text>
    </DecisionModal>
  );
}
