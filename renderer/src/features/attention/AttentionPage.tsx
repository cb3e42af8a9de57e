/**
 * Needs attention: one card per contract or application whose decisions the server refused or found in conflict —
 * what happened there (who, when) in the user's language, which of her decisions were not applied, «Проверить снова»
 * to open it and one «Отменить» that drops all of the card's decisions after a confirmation.
 */
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconEye, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionItem } from '../../../../domain/api/sync';
import { contractSchema, directionSchema, specialQueueApplicationSchema } from '../../../../domain/entities';
import { formatDateTime as when } from '../../../../domain/kazakhstan-time';
import { surnameWithInitials } from '../../../../domain/person-name';
import { contractStatusLabels, directionStatusLabels, specialQueueStatusLabels } from '../../../../domain/texts';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { useLanguage } from '../../components/useLanguage';
import { useDecision } from '../contracts/useDecision';
import { decisionCounts, groupByTarget, type AttentionGroup } from './group';
import { catalogueText } from '../../i18n/catalogue';
import './i18n';

/** Where «Проверить снова» leads for each kind of target. */
export function itemPath(target: AttentionItem['target']): string {
  if (target.entity === 'contract') return `contracts/view/${encodeURIComponent(target.id)}`;
  if (target.entity === 'direction') return `contracts/offer/${encodeURIComponent(target.id)}`;
  if (target.entity === 'group') return 'groups';
  return `special-queue/${encodeURIComponent(target.id)}`;
}

const TABLES = ['outbox', 'contracts', 'directions', 'special_queue_applications'];

/** The target as the server has it now: who it is about, and what happened to it in the user's language. */
function useTargetStory(group: AttentionGroup): { title: string; happened: string | null } {
  const { t } = useTranslation('attention');
  const lang = useLanguage();
  const api = useApi();
  const first = group.items[0]!;
  const detail = useQuery(() => api['attention.get']({ id: first.id }), [first.id], TABLES);
  const current = detail.data?.current;
  const conflict = group.items.some((i) => i.status === 'conflict');
  const refused = group.items.find((i) => i.status === 'rejected');
  const refusal = refused ? catalogueText(refused, lang) : null;

  const contract = contractSchema.safeParse(current);
  if (contract.success) {
    const c = contract.data;
    const happened = !conflict
      ? refusal
      : c.status === 'withdrawn'
        ? t('happened.contractWithdrawn', { date: when(c.updatedAt) })
        : t('happened.contractChanged', { date: when(c.updatedAt), status: contractStatusLabels[c.status][lang] });
    return { title: `${c.child.fullName} · ${c.number}`, happened };
  }
  const application = specialQueueApplicationSchema.safeParse(current);
  if (application.success) {
    const a = application.data;
    const decidedBy = a.decidedByFullName && a.status !== 'awaiting_confirmation' ? surnameWithInitials(a.decidedByFullName) : null;
    const happened = !conflict
      ? refusal
      : decidedBy
        ? t(a.status === 'confirmed' ? 'happened.applicationConfirmed' : 'happened.applicationRejected', { name: decidedBy, date: when(a.decidedAt) })
        : t('happened.changed', { status: specialQueueStatusLabels[a.status][lang] });
    return { title: `${a.child.fullName} · ${a.number}`, happened };
  }
  const direction = directionSchema.safeParse(current);
  if (direction.success) {
    const d = direction.data;
    return { title: `${d.child.fullName} · ${d.number}`, happened: conflict ? t('happened.changed', { status: directionStatusLabels[d.status][lang] }) : refusal };
  }
  return { title: '…', happened: refusal };
}

function AttentionCard({ group, navigate, onDiscard }: { group: AttentionGroup; navigate: (path: string) => void; onDiscard: () => void }) {
  const { t } = useTranslation('attention');
  const story = useTargetStory(group);
  const conflict = group.items.some((i) => i.status === 'conflict');
  const list = decisionCounts(group)
    .map(({ name, count }) => (count > 1 ? `${t(`names.${name}`)} (${count})` : t(`names.${name}`)))
    .join(', ');
  return (
    <Card withBorder radius="md" padding="sm" data-attention-card={group.key} data-target-id={group.target.id} data-decisions={group.items.length}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <IconAlertTriangle size={18} color="var(--mantine-color-red-6)" />
            <Text fw={600}>{story.title}</Text>
            <Badge color={conflict ? 'orange' : 'red'} variant="light">{t(conflict ? 'conflict' : 'rejected')}</Badge>
          </Group>
          {story.happened && <Text size="sm">{story.happened}</Text>}
          <Text size="sm">{t('notApplied', { list })}</Text>
          <Text size="xs" c="dimmed">{t('decidedAt')}: {when(group.items[0]!.createdAt)}</Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="light" leftSection={<IconEye size={16} />} onClick={() => navigate(itemPath(group.target))}>{t('recheck')}</Button>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onDiscard}>{t('discard')}</Button>
        </Group>
      </Group>
    </Card>
  );
}

export function AttentionPage({ navigate }: { navigate: (path: string) => void }) {
  const { t } = useTranslation('attention');
  const api = useApi();
  const items = useQuery(() => api['attention.list']({}), [], ['outbox']);
  const groups = items.data ? groupByTarget(items.data) : undefined;
  const [confirming, setConfirming] = useState<AttentionGroup | null>(null);
  const { busy, run } = useDecision();
  const discard = async () => {
    if (!confirming) return;
    const ids = confirming.items.map((i) => i.id);
    const done = await run(async () => {
      for (const id of ids) await api['attention.discard']({ id });
    }, { announce: false });
    if (done) setConfirming(null);
  };
  return (
    <Stack gap="sm">
      <Title order={2}>{t('title')}</Title>
      <Text c="dimmed" size="sm">{t('intro')}</Text>
      {groups?.length === 0 && <Alert color="teal">{t('empty')}</Alert>}
      {groups?.map((group) => <AttentionCard key={group.key} group={group} navigate={navigate} onDiscard={() => setConfirming(group)} />)}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('confirmTitle')} size="sm">
        <Stack>
          <Text size="sm">{t('confirmText', { count: confirming?.items.length ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>{t('confirmNo')}</Button>
            <Button color="red" loading={busy} onClick={() => void discard()} data-autofocus>{t('confirmYes')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
