/**
 * Thumbnails of the contract's documents with their review state; the replaced ones carry a «changed» mark. Compact
 * (one row, about 60 px) so the document itself keeps the height; the full name is in two lines and the tooltip.
 */
import { Badge, Box, Group, Image, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCircleCheck, IconFileTypePdf, IconFlag, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReviewDocument } from '../../../../domain/api/contracts';
import { documentKindLabels } from '../../../../domain/catalogues';
import { useDocumentBytes } from '../../components/useDocumentBytes';
import { useLanguage } from '../../components/useLanguage';
import './i18n';

const stateColor = { approved: 'teal', flagged: 'red', pending: 'gray' } as const;

function Thumb({ doc }: { doc: ReviewDocument }) {
  const state = useDocumentBytes(doc.mime === 'image/jpeg' ? doc.sha256 : null);
  if (doc.mime === 'application/pdf') return <IconFileTypePdf size={34} color="var(--mantine-color-red-7)" style={{ flex: '0 0 auto' }} />;
  return state.status === 'ready' ? <Image src={state.doc.url} alt="" h={44} w={36} fit="cover" radius="sm" style={{ flex: '0 0 auto' }} /> : <Box h={44} w={36} bg="gray.2" style={{ borderRadius: 4, flex: '0 0 auto' }} />;
}

export function DocumentStrip({ documents, current, onSelect }: { documents: readonly ReviewDocument[]; current: number; onSelect: (i: number) => void }) {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  return (
    <Group gap={6} wrap="nowrap" style={{ overflowX: 'auto', flex: 1, minWidth: 0 }} role="tablist" aria-label={t('documents.title')} pb={2}>
      {documents.map((d, i) => {
        const color = stateColor[d.effectiveStatus];
        const label = documentKindLabels[d.kind][lang];
        return (
          <Tooltip key={d.id} label={label} openDelay={400} events={{ hover: true, focus: false, touch: false }}>
          <UnstyledButton
            role="tab"
            aria-selected={i === current}
            data-document-id={d.id}
            data-review={d.effectiveStatus}
            data-changed={d.changedSinceLastRound || undefined}
            onClick={() => onSelect(i)}
            aria-label={label}
            px={6}
            py={4}
            style={{
              borderRadius: 8, width: 196, flex: '0 0 auto',
              border: `2px solid var(--mantine-color-${i === current ? 'teal-6' : d.changedSinceLastRound ? 'yellow-5' : 'gray-3'})`,
              background: d.changedSinceLastRound ? 'var(--mantine-color-yellow-0)' : 'var(--mantine-color-body)',
            }}
          >
            <Group gap={6} wrap="nowrap" align="center">
              <Thumb doc={d} />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="xs" fw={600} lineClamp={2} lh={1.25}>{label}</Text>
                <Group gap={2} wrap="nowrap">
                  {d.effectiveStatus === 'approved' ? <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" /> : d.effectiveStatus === 'flagged' ? <IconFlag size={14} color="var(--mantine-color-red-6)" /> : <IconPoint size={14} color={`var(--mantine-color-${color}-6)`} />}
                  {d.sync && <Badge size="xs" variant="dot" color={d.sync === 'pending' ? 'blue' : 'red'}>{d.sync === 'pending' ? '…' : '!'}</Badge>}
                  {d.changedSinceLastRound && <Badge size="xs" color="yellow" variant="filled">{t('documents.changed')}</Badge>}
                </Group>
              </Stack>
            </Group>
          </UnstyledButton>
          </Tooltip>
        );
      })}
    </Group>
  );
}
