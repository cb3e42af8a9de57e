/**
 * The inbox: tabs with counts, search (FTS5 in the backend), sort, filters and a virtualised table. ↑/↓ and
 * Enter work in the table; «/» focuses the search.
 */
import { Badge, Chip, Group, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractListRow, ContractSort, DirectionListRow, InboxTab } from '../../../../domain/api/contracts';
import { MAX_REWORK_ATTEMPTS } from '../../../../domain/rules';
import { contractStatusLabels } from '../../../../domain/texts';
import { useApi } from '../../api/ApiProvider';
import { useIdentifierHint } from '../../components/useIdentifierHint';
import { useQuery } from '../../api/useQuery';
import { formatDate } from '../../../../domain/kazakhstan-time';
import { DeadlineCell } from '../../components/DeadlineCell';
import { SyncStateBadge } from '../../components/SyncStateBadge';
import { useLanguage } from '../../components/useLanguage';
import { usePagedList } from '../../components/usePagedList';
import { useShortcuts } from '../../components/useShortcuts';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { contractStatusColors } from './status-colors';
import { GroupFilter } from '../groups/GroupFilter';
import './i18n';

const TABLES = ['contracts', 'directions', 'outbox'];
const tabs: InboxTab[] = ['review', 'rework', 'signed', 'archive', 'directions'];
type Filters = { voucherOnly: boolean; overdueOnly: boolean; withDecisionsOnly: boolean };

export function InboxPage({ tab, onTab, onOpen, onOpenDirection }: { tab: InboxTab; onTab: (tab: InboxTab) => void; onOpen: (id: string) => void; onOpenDirection: (id: string) => void }) {
  const { t } = useTranslation('contracts');
  const api = useApi();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ key: ContractSort; dir: 'asc' | 'desc' }>({ key: 'dueOn', dir: 'asc' });
  const [filters, setFilters] = useState<Filters>({ voucherOnly: false, overdueOnly: false, withDecisionsOnly: false });
  const [groupId, setGroupId] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const counts = useQuery(() => api['contracts.counts']({ search }), [search], TABLES);

  useShortcuts({ '/': () => searchRef.current?.focus() });
  const tableRef = useRef<HTMLDivElement>(null);
  const onSearch = useCallback((value: string) => {
    setSearch(value);
    setSelected(0);
  }, []);

  return (
    <Stack gap="sm" ref={tableRef}>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('title')}</Title>
        <SearchField inputRef={searchRef} label={t('search')} onSearch={onSearch} toList={() => tableRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus()} />
      </Group>
      <Tabs value={tab} onChange={(v) => v && onTab(v as InboxTab)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((id) => (
            <Tabs.Tab key={id} value={id} rightSection={<Badge size="sm" variant={id === tab ? 'filled' : 'light'} color={id === 'review' ? 'teal' : 'gray'} data-testid={`count-${id}`}>{counts.data?.[id] ?? '…'}</Badge>}>
              {t(`tabs.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab !== 'directions' && (
        <Group gap="xs">
          {(Object.keys(filters) as (keyof Filters)[]).map((f) => (
            <Chip key={f} size="xs" checked={filters[f]} onChange={(v) => setFilters((prev) => ({ ...prev, [f]: v }))}>
              {t(`filters.${f}`)}
            </Chip>
          ))}
          <GroupFilter value={groupId} onChange={setGroupId} />
        </Group>
      )}
      {tab === 'directions' ? (
        <DirectionTable search={search} selected={selected} onSelect={setSelected} onOpen={onOpenDirection} />
      ) : (
        <ContractTable tab={tab} search={search} sort={sort} onSort={(key) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))} filters={filters} groupId={groupId} selected={selected} onSelect={setSelected} onOpen={onOpen} />
      )}
    </Stack>
  );
}

/**
 * The search field keeps what is typed to itself, so a key press re-renders only the field; the list hears the text
 * after a pause in typing. ↓ or Enter goes on to the list (Enter there opens the selected row).
 */
function SearchField({ inputRef, label, onSearch, toList }: { inputRef: RefObject<HTMLInputElement | null>; label: string; onSearch: (value: string) => void; toList: () => void }) {
  const [text, setText] = useState('');
  const hint = useIdentifierHint(text);
  const [settled] = useDebouncedValue(text.trim(), 200);
  useEffect(() => onSearch(settled), [settled, onSearch]);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'Enter') return;
    e.preventDefault();
    toList();
  };
  return (
    <TextInput ref={inputRef} w={420} leftSection={<IconSearch size={16} />} placeholder={label} aria-label={label} error={hint} value={text} onKeyDown={onKeyDown} onChange={(e) => setText(e.currentTarget.value)} />
  );
}

const TABLE_HEIGHT = 'calc(100vh - 330px)';

/** The status as a coloured dot and wrapping text: long Kazakh labels stay readable in a narrow column. */
function StatusLabel({ status }: { status: ContractListRow['status'] }) {
  const lang = useLanguage();
  return (
    <Group gap={6} wrap="nowrap">
      <span style={{ flex: '0 0 8px', height: 8, borderRadius: 4, background: `var(--mantine-color-${contractStatusColors[status] ?? 'gray'}-6)` }} />
      <Text size="xs" lineClamp={2}>{contractStatusLabels[status][lang]}</Text>
    </Group>
  );
}

function ContractTable(props: {
  tab: Exclude<InboxTab, 'directions'>;
  search: string;
  sort: { key: ContractSort; dir: 'asc' | 'desc' };
  onSort: (key: ContractSort) => void;
  filters: Filters;
  groupId: string | null;
  selected: number;
  onSelect: (i: number) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('contracts');
  const api = useApi();
  const { tab, search, sort, filters, groupId } = props;
  const fetchPage = useCallback(
    (offset: number, limit: number) => api['contracts.list']({ tab, search, sort: sort.key, dir: sort.dir, filter: { ...filters, groupId }, offset, limit }),
    [api, tab, search, sort, filters, groupId],
  );
  const list = usePagedList<ContractListRow>(fetchPage, JSON.stringify([tab, search, sort, filters, groupId]), TABLES);
  const columns = useMemo<Column<ContractListRow>[]>(
    () => [
      {
        key: 'child', header: t('columns.child'), width: '2.2fr', sortKey: 'childName',
        render: (r) => (
          <Stack gap={0}>
            <Text size="sm" fw={600} lineClamp={1} title={r.childName}>{r.childName}</Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">{r.number}</Text>
              {r.isVoucher && <Badge size="xs" variant="outline">{t('voucher')}</Badge>}
            </Group>
          </Stack>
        ),
      },
      { key: 'iin', header: t('columns.childIin'), width: '122px', render: (r) => <Text size="sm" ff="monospace">{r.childIin}</Text> },
      { key: 'parent', header: t('columns.parent'), width: '1.6fr', sortKey: 'parentName', render: (r) => <Text size="sm" lineClamp={2}>{r.parentName}</Text> },
      { key: 'status', header: t('columns.status'), width: '1.4fr', render: (r) => <StatusLabel status={r.status} /> },
      { key: 'submitted', header: t('columns.submitted'), width: '100px', sortKey: 'submittedAt', render: (r) => <Text size="sm">{formatDate(r.submittedAt)}</Text> },
      { key: 'deadline', header: t('columns.deadline'), width: '150px', sortKey: 'dueOn', render: (r) => <DeadlineCell dueOn={r.dueOn} daysLeft={r.workingDaysLeft} provisional={r.dueProvisional} /> },
      {
        key: 'rework', header: t('columns.rework'), width: '96px', sortKey: 'reworkCount',
        render: (r) => <Text size="sm" c={r.reworkCount >= MAX_REWORK_ATTEMPTS ? 'orange' : undefined}>{t('reworkOf', { count: r.reworkCount, max: MAX_REWORK_ATTEMPTS })}</Text>,
      },
      { key: 'sync', header: t('columns.sync'), width: '64px', render: (r) => <SyncStateBadge state={r.sync} compact /> },
    ],
    [t],
  );
  return (
    <VirtualTable
      label={t(`tabs.${tab}`)}
      columns={columns}
      rowCount={list.total}
      getRow={list.getRow}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ 'data-contract-id': r.id, 'data-sync': r.sync ?? undefined })}
      onVisibleRange={list.onVisibleRange}
      selectedIndex={props.selected}
      onSelect={props.onSelect}
      onOpen={(r) => props.onOpen(r.id)}
      sort={sort}
      onSort={(k) => props.onSort(k as ContractSort)}
      height={TABLE_HEIGHT}
      loading={list.loading}
    />
  );
}

function DirectionTable(props: { search: string; selected: number; onSelect: (i: number) => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation('contracts');
  const api = useApi();
  const { search } = props;
  const fetchPage = useCallback((offset: number, limit: number) => api['directions.list']({ search, offset, limit }), [api, search]);
  const list = usePagedList<DirectionListRow>(fetchPage, search, TABLES);
  const columns = useMemo<Column<DirectionListRow>[]>(
    () => [
      {
        key: 'child', header: t('columns.child'), width: '2fr',
        render: (r) => (
          <Stack gap={0}>
            <Text size="sm" fw={600} lineClamp={1} title={r.childName}>{r.childName}</Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">{r.number}</Text>
              {r.isVoucher && <Badge size="xs" variant="outline">{t('voucher')}</Badge>}
            </Group>
          </Stack>
        ),
      },
      { key: 'iin', header: t('columns.childIin'), width: '130px', render: (r) => <Text size="sm" ff="monospace">{r.childIin}</Text> },
      { key: 'parent', header: t('columns.parent'), width: '1.8fr', render: (r) => <Text size="sm" lineClamp={1}>{r.parentName}</Text> },
      { key: 'issued', header: t('columns.issued'), width: '110px', render: (r) => <Text size="sm">{formatDate(r.issuedOn)}</Text> },
      { key: 'due', header: t('columns.offerDue'), width: '180px', render: (r) => <DeadlineCell dueOn={r.offerDueOn} daysLeft={r.workingDaysLeft} provisional={r.dueProvisional} /> },
      { key: 'sync', header: t('columns.sync'), width: '64px', render: (r) => <SyncStateBadge state={r.sync} compact /> },
    ],
    [t],
  );
  return (
    <VirtualTable
      label={t('tabs.directions')}
      columns={columns}
      rowCount={list.total}
      getRow={list.getRow}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ 'data-direction-id': r.id, 'data-sync': r.sync ?? undefined })}
      onVisibleRange={list.onVisibleRange}
      selectedIndex={props.selected}
      onSelect={props.onSelect}
      onOpen={(r) => props.onOpen(r.id)}
      height={TABLE_HEIGHT}
      loading={list.loading}
    />
  );
}
