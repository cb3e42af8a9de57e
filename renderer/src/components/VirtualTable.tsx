/**
 * A virtualised, keyboard-driven table: only the visible rows are in the DOM, so 100k rows scroll smoothly. Rows
 * may be missing while their page loads (`getRow` returns undefined). A click opens a row; ↑/↓ (or J/K) move the
 * selection, Enter opens, Home/End jump; headers with a sort key toggle the sort.
 */
import { Box, Group, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';
import { shortcutOf } from './physical-keys';

export interface Column<Row> {
  key: string;
  header: string;
  /** A CSS grid track, e.g. `2fr` or `140px`. */
  width: string;
  render: (row: Row) => ReactNode;
  sortKey?: string;
}

export interface VirtualTableProps<Row> {
  columns: readonly Column<Row>[];
  rowCount: number;
  getRow: (index: number) => Row | undefined;
  rowKey: (row: Row) => string;
  onVisibleRange?: (start: number, end: number) => void;
  selectedIndex: number;
  onSelect: (index: number) => void;
  onOpen: (row: Row, index: number) => void;
  sort?: { key: string; dir: 'asc' | 'desc' };
  onSort?: (key: string) => void;
  rowHeight?: number;
  height: string;
  label: string;
  loading?: boolean;
  rowProps?: (row: Row) => Record<string, string | undefined>;
}

export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const { columns, rowCount, getRow, selectedIndex, onSelect, onOpen, rowHeight = 56 } = props;
  const { t } = useTranslation('components');
  const scrollRef = useRef<HTMLDivElement>(null);
  // Flexible tracks may shrink below their content (long Russian headers), so the table never scrolls sideways.
  const template = columns.map((c) => (c.width.endsWith('fr') ? `minmax(0, ${c.width})` : c.width)).join(' ');
  // The virtualizer re-renders through its own state; this component is not compiled by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { onVisibleRange } = props;

  useEffect(() => {
    if (rowCount > 0) onVisibleRange?.(first, last);
  }, [first, last, rowCount, onVisibleRange]);

  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < rowCount) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, rowCount, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const key = shortcutOf(e.nativeEvent);
    const move = (to: number) => {
      e.preventDefault();
      onSelect(Math.max(0, Math.min(rowCount - 1, to)));
    };
    if (e.key === 'ArrowDown' || key === 'j') move(selectedIndex + 1);
    else if (e.key === 'ArrowUp' || key === 'k') move(selectedIndex - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rowCount - 1);
    else if (e.key === 'PageDown') move(selectedIndex + 10);
    else if (e.key === 'PageUp') move(selectedIndex - 10);
    else if (key === 'enter') {
      const row = getRow(selectedIndex);
      if (row) {
        e.preventDefault();
        onOpen(row, selectedIndex);
      }
    }
  };

  return (
    <Box
      role="grid"
      aria-label={props.label}
      aria-rowcount={rowCount}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, outline: 'none', background: 'var(--mantine-color-body)' }}
    >
      <div role="row" style={{ display: 'grid', gridTemplateColumns: template, background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {columns.map((c) => (
          <Box key={c.key} role="columnheader" px="sm" py={8} style={{ minWidth: 0, overflow: 'hidden' }} title={c.header} aria-sort={props.sort?.key === c.sortKey ? (props.sort?.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
            {c.sortKey && props.onSort ? (
              <UnstyledButton onClick={() => props.onSort?.(c.sortKey!)}>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                    {c.header}
                  </Text>
                  {props.sort?.key !== c.sortKey ? <IconSelector size={14} /> : props.sort.dir === 'asc' ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
                </Group>
              </UnstyledButton>
            ) : (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {c.header}
              </Text>
            )}
          </Box>
        ))}
      </div>
      <div ref={scrollRef} style={{ height: props.height, overflow: 'auto' }}>
        {rowCount === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {props.loading ? t('table.loading') : t('table.empty')}
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = getRow(item.index);
              const selected = item.index === selectedIndex;
              return (
                <div
                  key={row ? props.rowKey(row) : `loading-${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 1}
                  aria-selected={selected}
                  {...(row && props.rowProps ? props.rowProps(row) : {})}
                  onClick={() => {
                    onSelect(item.index);
                    if (row) onOpen(row, item.index);
                  }}
                  style={{
                    position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)`,
                    display: 'grid', gridTemplateColumns: template, alignItems: 'center', cursor: 'pointer',
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    background: selected ? 'var(--mantine-color-teal-0)' : undefined,
                    boxShadow: selected ? 'inset 3px 0 0 var(--mantine-color-teal-6)' : undefined,
                  }}
                >
                  {columns.map((c) => (
                    <Box key={c.key} role="gridcell" px="sm" style={{ overflow: 'hidden' }}>
                      {row ? c.render(row) : <Skeleton height={12} width="70%" />}
                    </Box>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </Box>
  );
}
