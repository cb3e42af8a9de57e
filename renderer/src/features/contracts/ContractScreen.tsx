/**
 * One contract: parties, the parent's signature verdict, the document strip and a large viewer with per-document
 * review, history, and the decisions. Keyboard: J/K documents, A approve, F flag, Ctrl+Enter main action, ? help.
 */
import { ActionIcon, Alert, Badge, Box, Button, Card, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconArrowLeft, IconCheck, IconColumns, IconDownload, IconFlag, IconKeyboard, IconSignature, IconUserMinus, IconX } from '@tabler/icons-react';
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
  // A replaced document is compared with the one it replaced unless the person hides the previous version.
  const [comparing, setComparing] = useState(true);
  const reasonRef = useRef<HTMLInputElement>(null);
  const { busy, run } = useDecision();
  const verdict = useQuery(() => api['contracts.signatureVerdict']({ contractId: contract.id }), [contract.id, contract.pdfSha256, contract.parentSignature?.signedAt], []);
  const headSigned = contract.headSignature !== null;
  const headVerdict = useQuery(
    () => (headSigned ? api['contracts.signatureVerdict']({ contractId: contract.id, party: 'head' }) : Promise.resolve(undefined)),
    [contract.id, contract.pdfSha256, contract.headSignature?.signedAt],
    [],
  );
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
  const previous = doc?.previousId ? detail.previousDocuments.find((p) => p.id === doc.previousId) ?? null : null;
  const reviewButtons = actions.review && doc ? (
    <Group gap="xs" wrap="nowrap" style={{ flex: '0 0 auto' }}>
      {previous && (
        <Button size="xs" variant={comparing ? 'filled' : 'default'} leftSection={<IconColumns size={16} />} onClick={() => setComparing((c) => !c)} aria-pressed={comparing}>
          {t('documents.previous')}
        </Button>
      )}
      <Button size="xs" color="teal" variant={doc.effectiveStatus === 'approved' ? 'filled' : 'light'} leftSection={<IconCheck size={16} />} onClick={() => void approve()} aria-keyshortcuts="A">
        {t('documents.approve')}
      </Button>
      <Button size="xs" color="red" variant={doc.effectiveStatus === 'flagged' ? 'filled' : 'light'} leftSection={<IconFlag size={16} />} onClick={startFlag} aria-keyshortcuts="F">
        {t('documents.flag')}
      </Button>
    </Group>
  ) : undefined;
  // The screen fills the main area exactly: the document takes what the header, the actions and the strip leave,
  // and the side column scrolls on its own, so the page itself never scrolls.
  return (
    <Stack gap={8} data-contract-status={contract.status} data-contract-round={contract.round} style={{ height: 'var(--qabyl-main-height)', minHeight: 480, overflow: 'hidden' }}>
      <Group justify="space-between" wrap="nowrap" align="center" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Tooltip label={t('back')}>
            <ActionIcon variant="subtle" size="lg" onClick={onBack} aria-label={t('back')}><IconArrowLeft size={18} /></ActionIcon>
          </Tooltip>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={4} lineClamp={1} title={contract.child.fullName}>{contract.child.fullName}</Title>
            <Group gap="xs" wrap="nowrap">
              <StatusBadge status={contract.status} labels={contractStatusLabels} colors={contractStatusColors} />
              <SyncStateBadge state={detail.sync} />
              {contract.isVoucher && <Badge variant="outline">{t('voucher')}</Badge>}
              <Text size="xs" c="dimmed" lineClamp={1}>{contract.number}</Text>
            </Group>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {(actions.review || contract.status === 'submitted' || contract.status === 'resubmitted') && (
            <>
              <Tooltip label={reworkBlocked ?? t('actions.rework')} multiline w={300}>
                <Button size="sm" color="orange" variant="light" leftSection={<IconArrowBackUp size={18} />} disabled={!actions.returnForRework} onClick={() => setDialog('rework')} aria-label={t('actions.rework')}>
                  {/* Below 1408 px the child's name needs the room: the icon stays, the words go to the tooltip. */}
                  <Box component="span" visibleFrom="xl">{t('actions.rework')}</Box>
                </Button>
              </Tooltip>
              <Tooltip label={signBlocked} disabled={!signBlocked} multiline w={300}>
                <Button size="sm" leftSection={<IconSignature size={18} />} disabled={!actions.sign} onClick={() => setDialog('sign')} aria-keyshortcuts="Control+Enter">
                  {t('actions.sign')}
                </Button>
              </Tooltip>
              <Tooltip label={t('actions.reject')}>
                <ActionIcon size="lg" color="red" variant="subtle" disabled={!actions.reject} onClick={() => setDialog('reject')} aria-label={t('actions.reject')}>
                  <IconX size={18} />
                </ActionIcon>
              </Tooltip>
            </>
          )}
          {(contract.status === 'signed' || contract.status === 'archived') && (
            <>
              {contract.status === 'signed' && (
                <Button size="sm" variant="light" leftSection={<IconUserMinus size={18} />} disabled={!actions.archive} onClick={() => setDialog('archive')}>
                  {t('actions.archive')}
                </Button>
              )}
              <Button size="sm" variant="default" leftSection={<IconDownload size={18} />} onClick={downloadCopy} loading={busy}>
                {t('actions.download')}
              </Button>
            </>
          )}
          <DeadlineCell dueOn={contract.dueOn} daysLeft={detail.workingDaysLeft} provisional={detail.dueProvisional} compact />
          <Tooltip label={t('shortcutsHint')} multiline w={320}>
            <ActionIcon variant="subtle" size="lg" onClick={() => setDialog('help')} aria-label={tc('shortcuts.title')} aria-keyshortcuts="Shift+Slash">
              <IconKeyboard size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>

      {detail.pendingDecisions.map((p) => (
        <Alert key={p.id} color={p.state === 'pending' ? 'blue' : 'red'} variant="light" py={4}>
          {p.state === 'pending' ? t('pendingDecision', { name: t(`decisionNames.${p.name}`) }) : t('attentionDecision', { message: catalogueText(p, lang) })}
        </Alert>
      ))}

      <Group gap="sm" align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Stack gap={6} style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          <Group gap="xs" wrap="nowrap" align="center">
            <DocumentStrip documents={documents} current={current} onSelect={(i) => { setFlagging(null); setCurrent(i); }} />
            <Text size="xs" c="dimmed" style={{ flex: '0 0 auto' }}>{t('documents.reviewed', { done: reviewed, total: documents.length })}</Text>
          </Group>
          {doc && (
            <Group gap="xs" wrap="nowrap" align="stretch" style={{ flex: 1, minHeight: 0 }} data-testid="document-area">
              {previous && comparing && (
                <DocumentViewer sha256={previous.sha256} title={`${t('documents.previous')}: ${documentKindLabels[previous.kind][lang]}`} fill />
              )}
              <DocumentViewer sha256={doc.sha256} title={documentKindLabels[doc.kind][lang]} fill toolbar={reviewButtons} />
            </Group>
          )}
          {doc && doc.effectiveStatus === 'flagged' && !flagging && doc.effectiveReason && (
            <Alert color="red" variant="light" py={4} icon={<IconFlag size={16} />}>
              {flagReasonLabels[doc.effectiveReason][lang]}
              {doc.effectiveComment ? ` — ${doc.effectiveComment}` : ''}
            </Alert>
          )}
          {flagging && (
            <Card withBorder padding="sm" radius="md" style={{ borderColor: 'var(--mantine-color-red-4)', flex: '0 0 auto' }} aria-label={t('documents.flagTitle')}>
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
        <Box style={{ width: 'clamp(260px, 24vw, 420px)', flex: '0 0 auto', overflowY: 'auto', minHeight: 0 }} aria-label={t('parties.contract')}>
          <Stack gap="sm">
            <SignatureVerdict verdict={verdict.data} />
            {headSigned && <SignatureVerdict verdict={headVerdict.data} party="head" />}
            <PartiesCard contract={contract} />
            <HistoryList events={detail.history} />
          </Stack>
        </Box>
      </Group>

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
