/**
 * One contract: parties, the parent's signature verdict, the document strip and a large viewer with per-document
 * review, history, and the decisions. Keyboard: J/K documents, A approve, F flag, Ctrl+Enter main action, ? help.
 */
import { Alert, Badge, Button, Card, Grid, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowLeft, IconCheck, IconDownload, IconFlag, IconSignature, IconUserMinus, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail, ReviewDocument } from '../../../../domain/api/contracts';
import type { FlagReason } from '../../../../domain/catalogue-ids';
import { documentKindLabels, flagReasonLabels } from '../../../../domain/catalogues';
import { contractStateOf, transitionContract } from '../../../../domain/contract-machine';
import { contractStatusLabels } from '../../../../domain/texts';
import { contractRefusalText } from '../../../../domain/text/machine-refusals';
import { catalogueText } from '../../i18n/catalogue';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { DeadlineCell } from '../../components/DeadlineCell';
import { DocumentViewer } from '../../components/DocumentViewer';
import { isReasonValid, ReasonPicker, type ReasonValue } from '../../components/ReasonPicker';
import { ShortcutSheet } from '../../components/ShortcutSheet';
import { SignatureVerdict } from '../../components/SignatureVerdict';
import { StatusBadge } from '../../components/StatusBadge';
import { SyncStateBadge } from '../../components/SyncStateBadge';
import { useLanguage } from '../../components/useLanguage';
import { useShortcuts } from '../../components/useShortcuts';
import { ArchiveModal } from './ArchiveModal';
import { DocumentStrip } from './DocumentStrip';
import { HistoryList } from './HistoryList';
import { PartiesCard } from './PartiesCard';
import { RejectModal } from './RejectModal';
import { ReworkModal } from './ReworkModal';
import { SignModal } from './SignModal';
import { contractStatusColors } from './status-colors';
import { useDecision } from './useDecision';
import './i18n';

const TABLES = ['contracts', 'contract_documents', 'history_events', 'outbox', 'organisations'];
type Dialog = 'rework' | 'sign' | 'reject' | 'archive' | 'help' | null;

export function ContractScreen({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation('contracts');
  const api = useApi();
  const detail = useQuery(() => api['contracts.get']({ id }), [id], TABLES);
  if (detail.error && !detail.data) return <Alert color="red">{detail.error.message}</Alert>;
  // A reload keeps the previous answer; never show (or act on) another contract's data under this id.
  if (!detail.data || detail.data.contract.id !== id) return <Loader m="xl" aria-label={t('documents.title')} />;
  return <ContractView key={id} detail={detail.data} onBack={onBack} />;
}

/** Why the action is not available now, in the user's language (null when it is). */
function useBlockedReason(detail: ContractDetail, action: 'sign' | 'returnForRework'): string | null {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  const code = action === 'sign' ? detail.actions.signBlockedBy : detail.actions.reworkBlockedBy;
  if (!code) return null;
  if (code === 'DECISION_PENDING' || code === 'ROLE_NOT_ALLOWED') return t(`blocked.${code}`);
  const state = contractStateOf(detail.contract, detail.documents.map((d) => ({ id: d.id, kind: d.kind, current: true, reviewStatus: d.effectiveStatus })));
  const result = transitionContract(state, action === 'sign' ? { type: 'sign' } : { type: 'returnForRework' });
  return result.ok ? null : catalogueText(contractRefusalText(result.refusal), lang);
}

function ContractView({ detail, onBack }: { detail: ContractDetail; onBack: () => void }) {
  const { t } = useTranslation('contracts');
  const { t: tc } = useTranslation('components');
  const lang = useLanguage();
  const api = useApi();
  const { contract, documents, actions } = detail;
  const [current, setCurrent] = useState(() => Math.max(0, documents.findIndex((d) => d.effectiveStatus === 'pending')));
  const [flagging, setFlagging] = useState<ReasonValue<FlagReason> | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const { busy, run } = useDecision();
  const verdict = useQuery(() => api['contracts.signatureVerdict']({ contractId: contract.id }), [contract.id, contract.pdfSha256, contract.parentSignature?.signedAt], []);
  const doc: ReviewDocument | undefined = documents[Math.min(current, documents.length - 1)];
  const signBlocked = useBlockedReason(detail, 'sign');
  const reworkBlocked = useBlockedReason(detail, 'returnForRework');

  const move = (delta: number) => {
    setFlagging(null);
    setCurrent((i) => Math.max(0, Math.min(documents.length - 1, i + delta)));
  };
  const approve = async () => {
    if (!doc || !actions.review) return;
    const ok = await run(() => api['contracts.markDocument']({ contractId: contract.id, documentId: doc.id, decision: 'approved' }), { announce: false });
    if (!ok) return;
    setFlagging(null);
    const next = documents.findIndex((d, i) => i > current && d.effectiveStatus === 'pending');
    if (next >= 0) setCurrent(next);
  };
  const startFlag = () => {
    if (!doc || !actions.review) return;
    setFlagging({ reason: doc.effectiveReason, comment: doc.effectiveComment ?? '' });
    setTimeout(() => reasonRef.current?.focus(), 0);
  };
  const saveFlag = async () => {
    if (!doc || !flagging || !isReasonValid(flagging)) return;
    const ok = await run(
      () => api['contracts.markDocument']({ contractId: contract.id, documentId: doc.id, decision: 'flagged', reason: flagging.reason, comment: flagging.comment.trim() || null }),
      { announce: false },
    );
    if (ok) setFlagging(null);
  };
  const mainAction = () => {
    if (actions.sign) setDialog('sign');
    else if (actions.returnForRework) setDialog('rework');
  };
  const downloadCopy = () =>
    void run(async () => {
      const copy = await api['contracts.signedCopy']({ contractId: contract.id });
      const link = document.createElement('a');
      link.href = `data:application/pdf;base64,${copy.base64}`;
      link.download = copy.fileName;
      link.click();
    }, { announce: false });

  useShortcuts(
    {
      j: () => move(1),
      k: () => move(-1),
      a: () => void approve(),
      f: startFlag,
      '?': () => setDialog('help'),
      'ctrl+enter': mainAction,
    },
    dialog === null,
  );

  const reviewed = documents.filter((d) => d.effectiveStatus !== 'pending').length;
  return (
    <Stack gap="sm" data-contract-status={contract.status} data-contract-round={contract.round}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>{t('back')}</Button>
          <Stack gap={0}>
            <Group gap="xs">
              <Title order={3}>{contract.child.fullName}</Title>
              <StatusBadge status={contract.status} labels={contractStatusLabels} colors={contractStatusColors} />
              <SyncStateBadge state={detail.sync} />
              {contract.isVoucher && <Badge variant="outline">{t('voucher')}</Badge>}
            </Group>
            <Text size="sm" c="dimmed">{contract.number} · {contract.parent.fullName}</Text>
          </Stack>
        </Group>
        <DeadlineCell dueOn={contract.dueOn} daysLeft={detail.workingDaysLeft} />
      </Group>

      {detail.pendingDecisions.map((p) => (
        <Alert key={p.id} color={p.state === 'pending' ? 'blue' : 'red'} variant="light" py={6}>
          {p.state === 'pending' ? t('pendingDecision', { name: t(`decisionNames.${p.name}`) }) : t('attentionDecision', { message: catalogueText(p, lang) })}
        </Alert>
      ))}

      <Card withBorder padding="xs" radius="md">
        <Group justify="space-between">
          <Group gap="xs">
            {(actions.review || contract.status === 'submitted' || contract.status === 'resubmitted') && (
              <>
                <Tooltip label={reworkBlocked} disabled={!reworkBlocked} multiline w={300}>
                  <Button color="orange" variant="light" leftSection={<IconArrowBackUp size={18} />} disabled={!actions.returnForRework} onClick={() => setDialog('rework')}>
                    {t('actions.rework')}
                  </Button>
                </Tooltip>
                <Tooltip label={signBlocked} disabled={!signBlocked} multiline w={300}>
                  <Button leftSection={<IconSignature size={18} />} disabled={!actions.sign} onClick={() => setDialog('sign')}>
                    {t('actions.sign')}
                  </Button>
                </Tooltip>
                <Button color="red" variant="subtle" leftSection={<IconX size={18} />} disabled={!actions.reject} onClick={() => setDialog('reject')}>
                  {t('actions.reject')}
                </Button>
              </>
            )}
            {contract.status === 'signed' && (
              <>
                <Button variant="light" leftSection={<IconUserMinus size={18} />} disabled={!actions.archive} onClick={() => setDialog('archive')}>
                  {t('actions.archive')}
                </Button>
                <Button variant="default" leftSection={<IconDownload size={18} />} onClick={downloadCopy} loading={busy}>
                  {t('actions.download')}
                </Button>
              </>
            )}
          </Group>
          <Text size="xs" c="dimmed">{t('shortcutsHint')}</Text>
        </Group>
      </Card>

      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={5}>{t('documents.title')}</Title>
              <Text size="sm" c="dimmed">{t('documents.reviewed', { done: reviewed, total: documents.length })}</Text>
            </Group>
            <DocumentStrip documents={documents} current={current} onSelect={(i) => { setFlagging(null); setCurrent(i); }} />
            {doc && (
              <DocumentViewer
                sha256={doc.sha256}
                title={documentKindLabels[doc.kind][lang]}
                height="calc(100vh - 470px)"
                toolbar={
                  actions.review ? (
                    <Group gap="xs">
                      <Button size="xs" color="teal" variant={doc.effectiveStatus === 'approved' ? 'filled' : 'light'} leftSection={<IconCheck size={16} />} onClick={() => void approve()} aria-keyshortcuts="A">
                        {t('documents.approve')}
                      </Button>
                      <Button size="xs" color="red" variant={doc.effectiveStatus === 'flagged' ? 'filled' : 'light'} leftSection={<IconFlag size={16} />} onClick={startFlag} aria-keyshortcuts="F">
                        {t('documents.flag')}
                      </Button>
                    </Group>
                  ) : undefined
                }
              />
            )}
            {doc && doc.effectiveStatus === 'flagged' && !flagging && doc.effectiveReason && (
              <Alert color="red" variant="light" py={6} icon={<IconFlag size={16} />}>
                {flagReasonLabels[doc.effectiveReason][lang]}
                {doc.effectiveComment ? ` — ${doc.effectiveComment}` : ''}
              </Alert>
            )}
            {flagging && (
              <Card withBorder padding="sm" radius="md" style={{ borderColor: 'var(--mantine-color-red-4)' }} aria-label={t('documents.flagTitle')}>
                <Stack gap="xs">
                  <Text fw={600} size="sm">{t('documents.flagTitle')}</Text>
                  <ReasonPicker ref={reasonRef} labels={flagReasonLabels} value={flagging} onChange={setFlagging} onSubmit={() => void saveFlag()} />
                  <Group justify="flex-end">
                    <Button variant="default" size="xs" onClick={() => setFlagging(null)}>{t('documents.cancel')}</Button>
                    <Button color="red" size="xs" disabled={!isReasonValid(flagging)} loading={busy} onClick={() => void saveFlag()}>{t('documents.flagSave')}</Button>
                  </Group>
                </Stack>
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            <SignatureVerdict verdict={verdict.data} />
            <PartiesCard contract={contract} />
            <HistoryList events={detail.history} />
          </Stack>
        </Grid.Col>
      </Grid>

      {dialog === 'rework' && <ReworkModal detail={detail} opened onClose={() => setDialog(null)} />}
      {dialog === 'sign' && <SignModal detail={detail} opened onClose={() => setDialog(null)} />}
      {dialog === 'reject' && <RejectModal contractId={contract.id} opened onClose={() => setDialog(null)} />}
      {dialog === 'archive' && <ArchiveModal contractId={contract.id} opened onClose={() => setDialog(null)} />}
      <ShortcutSheet
        opened={dialog === 'help'}
        onClose={() => setDialog(null)}
        shortcuts={[
          { keys: ['J'], label: tc('shortcuts.next') },
          { keys: ['K'], label: tc('shortcuts.prev') },
          { keys: ['A'], label: tc('shortcuts.approve') },
          { keys: ['F'], label: tc('shortcuts.flag') },
          { keys: ['Enter'], label: tc('shortcuts.confirm') },
          { keys: ['Ctrl', 'Enter'], label: tc('shortcuts.main') },
          { keys: ['?'], label: tc('shortcuts.help') },
        ]}
      />
    </Stack>
  );
}
