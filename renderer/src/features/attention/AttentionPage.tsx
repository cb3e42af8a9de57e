/**
 * Needs attention: decisions the server refused or found in conflict, with its reason and the item's current
 * state; «Проверить снова» opens the item, «Отменить» drops the decision after a confirmation.
 */
import { Alert, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconEye, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionItem } from '../../../../domain/api/sync';
import { contractSchema, directionSchema, specialQueueApplicationSchema } from '../../../../domain/entities';
import { contractStatusLabels, directionStatusLabels, specialQueueStatusLabels } from '../../../../domain/texts';
import { formatDateTime as when } from '../../../../domain/kazakhstan-time';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { useLanguage } from '../../components/useLanguage';
import { useDecision } from '../contracts/useDecision';
import { refusalText } from './refusal-text';
import './i18n';


/** Where «Проверить снова» leads for each kind of target. */
export function itemPath(target: AttentionItem['target']): string {
  if (target.entity === 'contract') return `contracts/view/${encodeURIComponent(target.id)}`;
  if (target.entity === 'direction') return `contracts/offer/${encodeURIComponent(target.id)}`;
  return `special-queue/${encodeURIComponent(target.id)}`;
}

function CurrentState({ id }: { id: number }) {
  const api = useApi();
  const lang = useLanguage();
  const detail = useQuery(() => api['attention.get']({ id }), [id], ['outbox', 'contracts', 'directions', 'special_queue_applications']);
  const current = detail.data?.current;
  const contract = contractSchema.safeParse(current);
  if (contract.success) return <Text size="sm">{contract.data.child.fullName} · {contract.data.number} — «{contractStatusLabels[contract.data.status][lang]}»</Text>;
  const direction = directionSchema.safeParse(current);
  if (direction.success) return <Text size="sm">{direction.data.child.fullName} · {direction.data.number} — «{directionStatusLabels[direction.data.status][lang]}»</Text>;
  const application = specialQueueApplicationSchema.safeParse(current);
  if (application.success) return <Text size="sm">{application.data.child.fullName} · {application.data.number} — «{specialQueueStatusLabels[application.data.status][lang]}»</Text>;
  return <Text size="sm" c="dimmed">—</Text>;
}

export function AttentionPage({ navigate }: { navigate: (path: string) => void }) {
  const { t } = useTranslation('attention');
  const lang = useLanguage();
  const api = useApi();
  const items = useQuery(() => api['attention.list']({}), [], ['outbox']);
  const [confirming, setConfirming] = useState<AttentionItem | null>(null);
  const { busy, run } = useDecision();
  const discard = async () => {
    if (!confirming) return;
    if (await run(() => api['attention.discard']({ id: confirming.id }), { announce: false })) setConfirming(null);
  };
  return (
    <Stack gap="sm">
      <Title order={2}>{t('title')}</Title>
      <Text c="dimmed" size="sm">{t('intro')}</Text>
      {items.data?.length === 0 && <Alert color="teal">{t('empty')}</Alert>}
      {items.data?.map((item) => (
        <Card key={item.id} withBorder radius="md" padding="sm" data-attention-id={item.id} data-target-id={item.target.id}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Group gap="xs">
                <IconAlertTriangle size={18} color="var(--mantine-color-red-6)" />
                <Text fw={600}>{t(`names.${item.name}`)}</Text>
                <Badge color={item.status === 'conflict' ? 'orange' : 'red'} variant="light">{t(item.status)}</Badge>
              </Group>
              <Text size="sm"><b>{t('reason')}:</b> {refusalText(item, lang)}</Text>
              <Group gap={4}><Text size="sm" fw={700}>{t('current')}:</Text><CurrentState id={item.id} /></Group>
              <Text size="xs" c="dimmed">{t('decidedAt')}: {when(item.createdAt)}</Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Button variant="light" leftSection={<IconEye size={16} />} onClick={() => navigate(itemPath(item.target))}>{t('recheck')}</Button>
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirming(item)}>{t('discard')}</Button>
            </Group>
          </Group>
        </Card>
      ))}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('confirmTitle')} size="sm">
        <Stack>
          <Text size="sm">{t('confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>{t('confirmNo')}</Button>
            <Button color="red" loading={busy} onClick={() => void discard()} data-autofocus>{t('confirmYes')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
