/** Thumbnails of the contract's documents with their review state; the replaced ones carry a «changed» mark. */
import { Badge, Box, Group, Image, Stack, Text, UnstyledButton } from '@mantine/core';
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
  if (doc.mime === 'application/pdf') return <IconFileTypePdf size={40} color="var(--mantine-color-red-7)" />;
  return state.status === 'ready' ? <Image src={state.doc.url} alt="" h={64} w={56} fit="cover" radius="sm" /> : <Box h={64} w={56} bg="gray.2" style={{ borderRadius: 4 }} />;
}

export function DocumentStrip({ documents, current, onSelect }: { documents: readonly ReviewDocument[]; current: number; onSelect: (i: number) => void }) {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  return (
    <Group gap="xs" wrap="nowrap" style={{ overflowX: 'auto' }} role="tablist" aria-label={t('documents.title')} pb={4}>
      {documents.map((d, i) => {
        const color = stateColor[d.effectiveStatus];
        return (
          <UnstyledButton
            key={d.id}
            role="tab"
            aria-selected={i === current}
            data-document-id={d.id}
            data-review={d.effectiveStatus}
            data-changed={d.changedSinceLastRound || undefined}
            onClick={() => onSelect(i)}
            p={6}
            style={{
              borderRadius: 8, width: 150, flex: '0 0 auto',
              border: `2px solid var(--mantine-color-${i === current ? 'teal-6' : d.changedSinceLastRound ? 'yellow-5' : 'gray-3'})`,
              background: d.changedSinceLastRound ? 'var(--mantine-color-yellow-0)' : 'var(--mantine-color-body)',
            }}
          >
            <Group gap={8} wrap="nowrap" align="flex-start">
              <Thumb doc={d} />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="xs" fw={600} lineClamp={3}>{documentKindLabels[d.kind][lang]}</Text>
                <Group gap={2}>
                  {d.effectiveStatus === 'approved' ? <IconCircleCheck size={14} color="var(--mantine-color-teal-6)" /> : d.effectiveStatus === 'flagged' ? <IconFlag size={14} color="var(--mantine-color-red-6)" /> : <IconPoint size={14} color={`var(--mantine-color-${color}-6)`} />}
                  {d.sync && <Badge size="xs" variant="dot" color={d.sync === 'pending' ? 'blue' : 'red'}>{d.sync === 'pending' ? '…' : '!'}</Badge>}
                </Group>
                {d.changedSinceLastRound && <Badge size="xs" color="yellow" variant="filled">{t('documents.changed')}</Badge>}
              </Stack>
            </Group>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}
