/** The specialist's three tabs with counts, a search box and a virtualised window over up to 100k applications. */
import { Badge, Group, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { specialQueueTabs, type SpecialQueueRow, type SpecialQueueTab } from '../../../../domain/api/special-queue';
import { correctionTypeLabels } from '../../../../domain/catalogues';
import { useApi } from '../../api/ApiProvider';
import { useIdentifierHint } from '../../components/useIdentifierHint';
import { useQuery } from '../../api/useQuery';
import { formatDate } from '../../../../domain/kazakhstan-time';
import { shortcutOf } from '../../components/physical-keys';
import { SyncStateBadge } from '../../components/SyncStateBadge';
import { useLanguage } from '../../components/useLanguage';
import { usePagedList } from '../../components/usePagedList';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import './i18n';
import { AgeLimitBadge } from './AgeLimitBadge';

/** Tables whose changes can alter what the list shows. */
export const SPECIAL_QUEUE_TABLES = ['special_queue_applications', 'outbox'] as const;

export interface ListState {
  tab: SpecialQueueTab;
  search: string;
  selected: number;
}

export function SpecialQueueList({ state, onChange, onOpen }: { state: ListState; onChange: (s: ListState) => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation('specialQueue');
  const api = useApi();
  const lang = useLanguage();
  const [typed, setTyped] = useState(state.search);
  const searchHint = useIdentifierHint(typed);
  const searchRef = useRef<HTMLInputElement>(null);

  // Search after a short pause in typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => typed !== state.search && onChange({ ...state, search: typed, selected: 0 }), 250);
    return () => clearTimeout(timer);
  }, [typed, state, onChange]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if (shortcutOf(e) === '/' && !inField) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const counts = useQuery(() => api['specialQueue.counts']({ search: state.search }), [state.search], SPECIAL_QUEUE_TABLES);
  const fetchPage = useCallback(
    (offset: number, limit: number) => api['specialQueue.list']({ tab: state.tab, search: state.search, offset, limit }),
    [api, state.tab, state.search],
  );
  const list = usePagedList<SpecialQueueRow>(fetchPage, `${state.tab}|${state.search}`, SPECIAL_QUEUE_TABLES);

  const columns = useMemo<Column<SpecialQueueRow>[]>(
    () => [
      { key: 'number', header: t('columns.number'), width: '130px', render: (r) => <Text size="sm">{r.number}</Text> },
      {
        key: 'child',
        header: t('columns.child'),
        width: '2fr',
        render: (r) => (
          <Stack gap={0}>
            <Text size="sm" fw={600} lineClamp={1}>
              {r.childFullName}
            </Text>
            <Text size="xs" c="dimmed">
              {r.childIin}
            </Text>
          </Stack>
        ),
      },
      { key: 'type', header: t('columns.correctionType'), width: '1.5fr', render: (r) => <Text size="sm" lineClamp={2}>{correctionTypeLabels[r.correctionType][lang]}</Text> },
      { key: 'locality', header: t('columns.locality'), width: '1fr', render: (r) => <Text size="sm">{r.locality}</Text> },
      { key: 'submitted', header: t('columns.submitted'), width: '110px', render: (r) => <Text size="sm">{formatDate(r.submittedAt)}</Text> },
      {
        key: 'waiting',
        header: t('columns.waiting'),
        width: '120px',
        render: (r) => <Text size="sm">{t('waitingDays', { count: r.waitingWorkingDays })}</Text>,
      },
      {
        key: 'state',
        header: t('columns.state'),
        width: '190px',
        render: (r) => (
          <Group gap={4}>
            {r.queuePlace !== null && (
              <Badge variant="light" color="teal" data-queue-place={r.queuePlace} style={{ textTransform: 'none' }}>
                {t('queuePlace', { place: r.queuePlace })}
              </Badge>
            )}
            {r.reachesAgeLimit && <AgeLimitBadge />}
            <SyncStateBadge state={r.overlay} />
          </Group>
        ),
      },
    ],
    [t, lang],
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <TextInput
          ref={searchRef}
          w={360}
          leftSection={<IconSearch size={16} />}
          placeholder={t('search')}
          aria-label={t('search')}
          error={searchHint}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
      </Group>
      <Tabs value={state.tab} onChange={(v) => v && onChange({ ...state, tab: v as SpecialQueueTab, selected: 0 })}>
        <Tabs.List>
          {specialQueueTabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab} rightSection={<Badge variant="light" size="sm" data-count={counts.data?.[tab] ?? ''}>{counts.data?.[tab] ?? '…'}</Badge>}>
              {t(`tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <VirtualTable
        label={t('list')}
        columns={columns}
        rowCount={list.total}
        getRow={list.getRow}
        rowKey={(r) => r.id}
        onVisibleRange={list.onVisibleRange}
        selectedIndex={state.selected}
        onSelect={(selected) => onChange({ ...state, selected })}
        onOpen={(r) => onOpen(r.id)}
        height="calc(100vh - 290px)"
        loading={list.loading}
        rowProps={(r) => ({ 'data-application-id': r.id, 'data-status': r.status })}
      />
    </Stack>
  );
}
