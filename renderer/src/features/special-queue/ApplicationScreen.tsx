/**
 * One application: the PMPK conclusion in the viewer next to the child's and parent's data, the requested correction
 * type, kindergartens and language, the parent's signature verdict and the history; «Подтвердить» / «Отклонить»
 * with the shortcuts of contract review (Ctrl+Enter, R, J/K, ?).
 */
import { Alert, Badge, Button, Card, Grid, Group, ScrollArea, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconChevronDown, IconChevronUp, IconKeyboard } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpecialQueueDetail, SpecialQueueTab } from '../../../../domain/api/special-queue';
import { correctionTypeLabels, specialQueueRejectReasonLabels, teachingLanguageLabels } from '../../../../domain/catalogues';
import { catalogueText } from '../../i18n/catalogue';
import { specialQueueStatusLabels } from '../../../../domain/texts';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { formatDate, formatDateTime as dateTime } from '../../../../domain/kazakhstan-time';
import { DocumentViewer } from '../../components/DocumentViewer';
import { ShortcutSheet } from '../../components/ShortcutSheet';
import { SignatureVerdict } from '../../components/SignatureVerdict';
import { StatusBadge } from '../../components/StatusBadge';
import { useLanguage } from '../../components/useLanguage';
import { useShortcuts } from '../../components/useShortcuts';
import { ConfirmDialog, RejectDialog } from './DecisionDialogs';
import { AgeLimitBadge } from './AgeLimitBadge';
import { todayInKazakhstan } from '../../../../domain/calendar';
import { waitsPastQueueAgeLimit } from '../../../../domain/queue-places';
import { SPECIAL_QUEUE_TABLES } from './SpecialQueueList';
import './i18n';

const DETAIL_TABLES = [...SPECIAL_QUEUE_TABLES, 'history_events', 'organisations'];
const statusColors = { awaiting_confirmation: 'yellow', confirmed: 'teal', rejected: 'red', archived: 'gray' } as const;
/** While the conclusion downloads, the signature cannot be checked yet: ask again shortly. */
const DOWNLOAD_POLL_MS = 1500;


function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w="42%">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" component="div">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text fw={700} size="sm" mb={4}>
        {title}
      </Text>
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Card>
  );
}

export function ApplicationScreen({ id, tab, search, onBack, onOpen }: { id: string; tab: SpecialQueueTab; search: string; onBack: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation('specialQueue');
  const lang = useLanguage();
  const api = useApi();
  const detail = useQuery(() => api['specialQueue.get']({ id }), [id], DETAIL_TABLES);
  const neighbours = useQuery(() => api['specialQueue.neighbours']({ id, tab, search }), [id, tab, search], SPECIAL_QUEUE_TABLES);
  const [dialog, setDialog] = useState<'confirm' | 'reject' | 'help' | null>(null);
  const data = detail.data;

  const downloading = !!data && !data.conclusion.downloaded;
  const { reload } = detail;
  useEffect(() => {
    if (!downloading) return;
    const timer = setTimeout(reload, DOWNLOAD_POLL_MS);
    return () => clearTimeout(timer);
  }, [downloading, reload, data]);

  const canDecide = !!data?.canDecide && data.application.id === id;
  const go = (target: string | null | undefined) => target && onOpen(target);
  useShortcuts(
    {
      'ctrl+enter': () => canDecide && setDialog('confirm'),
      r: () => canDecide && setDialog('reject'),
      j: () => go(neighbours.data?.nextId),
      k: () => go(neighbours.data?.previousId),
      '?': () => setDialog('help'),
    },
    dialog === null,
  );

  if (detail.error && !data) {
    return (
      <Stack>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} w="fit-content">
          {t('back')}
        </Button>
        <Alert color="red">{detail.error.message}</Alert>
      </Stack>
    );
  }
  if (!data) return null;
  const a = data.application;

  return (
    <Stack gap="sm" data-application-id={a.id} data-status={a.status}>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('back')}
          </Button>
          <Tooltip label={`${t('previous')} (K)`}>
            <Button variant="default" size="xs" aria-label={t('previous')} disabled={!neighbours.data?.previousId} onClick={() => go(neighbours.data?.previousId)}>
              <IconChevronUp size={16} />
            </Button>
          </Tooltip>
          <Tooltip label={`${t('next')} (J)`}>
            <Button variant="default" size="xs" aria-label={t('next')} disabled={!neighbours.data?.nextId} onClick={() => go(neighbours.data?.nextId)}>
              <IconChevronDown size={16} />
            </Button>
          </Tooltip>
          <Title order={3}>{t('application', { number: a.number })}</Title>
          <StatusBadge status={a.status} labels={specialQueueStatusLabels} colors={statusColors} />
          {a.queuePlace !== null && (
            <Badge size="lg" color="teal" data-queue-place={a.queuePlace} style={{ textTransform: 'none' }}>
              {t('queuePlace', { place: a.queuePlace })}
            </Badge>
          )}
          {waitsPastQueueAgeLimit(a, todayInKazakhstan(new Date())) && <AgeLimitBadge size="lg" />}
        </Group>
        <Group gap="xs">
          <Tooltip label={t('shortcutsButton')}>
            <Button variant="subtle" size="xs" aria-label={t('shortcutsButton')} onClick={() => setDialog('help')}>
              <IconKeyboard size={18} />
            </Button>
          </Tooltip>
          <Button color="red" variant="light" disabled={!canDecide} onClick={() => setDialog('reject')}>
            {t('reject')} (R)
          </Button>
          <Button color="teal" disabled={!canDecide} onClick={() => setDialog('confirm')}>
            {t('confirm')} (Ctrl+Enter)
          </Button>
        </Group>
      </Group>
      {data.decision && (
        <Alert color={data.decision.overlay === 'pending' ? 'blue' : 'red'} variant="light" data-decision={data.decision.overlay}>
          {data.decision.overlay === 'pending' ? t('pending') : t('attention', { message: catalogueText(data.decision, lang) })}
        </Alert>
      )}
      <Grid gap="sm">
        <Grid.Col span={7}>
          <DocumentViewer
            sha256={data.conclusion.sha256}
            title={t('conclusionTitle', { number: a.conclusionNumber, date: formatDate(a.conclusionDate) })}
            height="calc(100vh - 260px)"
          />
        </Grid.Col>
        <Grid.Col span={5}>
          <ScrollArea h="calc(100vh - 220px)" offsetScrollbars>
            <ApplicationFacts detail={data} />
          </ScrollArea>
        </Grid.Col>
      </Grid>
      {data.application.status === 'awaiting_confirmation' && (
        <>
          <ConfirmDialog key={`c-${a.id}`} opened={dialog === 'confirm'} onClose={() => setDialog(null)} applicationId={a.id} requested={a.correctionType} />
          <RejectDialog key={`r-${a.id}`} opened={dialog === 'reject'} onClose={() => setDialog(null)} applicationId={a.id} />
        </>
      )}
      <ShortcutSheet
        opened={dialog === 'help'}
        onClose={() => setDialog(null)}
        shortcuts={[
          { keys: ['Ctrl', 'Enter'], label: t('shortcuts.confirm') },
          { keys: ['R'], label: t('shortcuts.reject') },
          { keys: ['J'], label: t('shortcuts.next') },
          { keys: ['K'], label: t('shortcuts.previous') },
          { keys: ['?'], label: t('shortcuts.help') },
        ]}
      />
    </Stack>
  );
}

function ApplicationFacts({ detail }: { detail: SpecialQueueDetail }) {
  const { t } = useTranslation('specialQueue');
  const lang = useLanguage();
  const a = detail.application;
  return (
    <Stack gap="sm">
      <Section title={t('child')}>
        <Field label={t('fields.fullName')}>{a.child.fullName}</Field>
        <Field label={t('fields.iin')}>{a.child.iin}</Field>
        <Field label={t('fields.birthDate')}>{formatDate(a.child.birthDate)}</Field>
        <Field label={t('fields.sex')}>{t(`sex.${a.child.sex}`)}</Field>
      </Section>
      <Section title={t('parent')}>
        <Field label={t('fields.fullName')}>{a.parentFullName}</Field>
        <Field label={t('fields.iin')}>
          <span data-testid="parent-iin">{a.parentIin}</span>
        </Field>
        <Field label={t('fields.phone')}>{a.parentPhone}</Field>
      </Section>
      <SignatureVerdict verdict={detail.parentSignature ?? undefined} />
      <Section title={t('fields.conclusion')}>
        <Field label={t('fields.requestedType')}>{correctionTypeLabels[a.correctionType][lang]}</Field>
        {a.confirmedCorrectionType && <Field label={t('fields.confirmedType')}>{correctionTypeLabels[a.confirmedCorrectionType][lang]}</Field>}
        <Field label={t('fields.conclusion')}>
          № {a.conclusionNumber}, {formatDate(a.conclusionDate)}
        </Field>
        <Field label={t('fields.locality')}>{a.locality}</Field>
        <Field label={t('fields.kindergartens')}>
          {detail.kindergartens.map((k) => (
            <div key={k.id}>{k.name ? k.name[lang === 'kk' ? 'kk' : 'ru'] : k.id}</div>
          ))}
        </Field>
        <Field label={t('fields.language')}>{teachingLanguageLabels[a.teachingLanguage][lang]}</Field>
        <Field label={t('fields.submitted')}>{dateTime(a.submittedAt)}</Field>
        <Field label={t('fields.waiting')}>{t('waitingDays', { count: detail.waitingWorkingDays })}</Field>
      </Section>
      {a.decidedAt && (
        <Section title={t('fields.status')}>
          <Field label={t('fields.status')}>{specialQueueStatusLabels[a.status][lang]}</Field>
          {a.decidedByFullName && <Field label={t('fields.decidedBy')}>{a.decidedByFullName}</Field>}
          <Field label={t('fields.decidedAt')}>{dateTime(a.decidedAt)}</Field>
          {a.rejectReason && <Field label={t('fields.rejectReason')}>{specialQueueRejectReasonLabels[a.rejectReason][lang]}</Field>}
          {a.rejectComment && <Field label={t('fields.comment')}>{a.rejectComment}</Field>}
          {a.note && <Field label={t('fields.note')}>{a.note}</Field>}
        </Section>
      )}
      {detail.history.length > 0 && (
        <Section title={t('history')}>
          {detail.history.map((h) => (
            <Field key={h.id} label={dateTime(h.at)}>
              {t(`historyKinds.${h.kind}`, { defaultValue: h.kind })} — {h.actorName}
            </Field>
          ))}
        </Section>
      )}
    </Stack>
  );
}
