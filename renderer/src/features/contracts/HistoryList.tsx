/** The rounds and decisions of the contract, oldest first. */
import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../../../../domain/entities';
import { formatDateTime as when } from '../../../../domain/kazakhstan-time';
import './i18n';


export function HistoryList({ events }: { events: readonly HistoryEvent[] }) {
  const { t } = useTranslation('contracts');
  return (
    <Card withBorder padding="sm" radius="md">
      <Title order={5} mb="xs">{t('history.title')}</Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">{t('history.empty')}</Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={events.length - 1}>
          {events.map((e) => (
            <Timeline.Item key={e.id} title={<Text size="sm" fw={600}>{t(`historyKinds.${e.kind}`, { defaultValue: e.kind })}</Text>}>
              <Text size="xs" c="dimmed">
                {when(e.at)} · {e.actorName}
                {e.round !== null ? ` · ${t('history.round', { round: e.round })}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
