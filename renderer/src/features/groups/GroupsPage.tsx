/** «Топтар / Группы»: the kindergarten's groups with their places, the head's decisions, and the bulletin. */
import { ActionIcon, Badge, Button, Card, Group as Row, Stack, Table, Title, Tooltip } from '@mantine/core';
import { IconLock, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../../../domain/api/groups';
import { correctionTypeLabels, teachingLanguageLabels } from '../../../../domain/catalogues';
import { ageGroupLabels, groupKindLabels, groupNameIn } from '../../../../domain/groups';
import { mayDecide } from '../../../../domain/signing-policy';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { useSession } from '../../app/SessionProvider';
import { formatDate } from '../../../../domain/kazakhstan-time';
import { useLanguage } from '../../components/useLanguage';
import { useShortcuts } from '../../components/useShortcuts';
import { BulletinCard } from './BulletinCard';
import { CapacityModal, CloseGroupModal, CreateGroupModal } from './GroupModals';
import './i18n';

type Dialog = { kind: 'create' } | { kind: 'capacity' | 'close'; group: GroupView } | null;

export function GroupsPage() {
  const { t } = useTranslation('groups');
  const lang = useLanguage();
  const api = useApi();
  const { session } = useSession();
  const groups = useQuery(() => api['groups.list']({}), [], ['groups', 'outbox']);
  const [dialog, setDialog] = useState<Dialog>(null);
  const mayManage = mayDecide(session?.user ?? null, 'group.create');
  useShortcuts({ n: () => setDialog({ kind: 'create' }) }, mayManage && dialog === null);
  const stateOf = (g: GroupView) => {
    if (g.sync) return <Badge color={g.sync === 'attention' ? 'red' : 'yellow'} variant="light">{t(g.sync)}</Badge>;
    if (g.status === 'closed') return <Badge color="gray" variant="light">{t('closed', { date: g.closedOn ? formatDate(g.closedOn) : '' })}</Badge>;
    return <Badge color="teal" variant="light">{t('open')}</Badge>;
  };
  return (
    <Stack gap="md">
      <Row justify="space-between">
        <Title order={2}>{t('title')}</Title>
        {mayManage && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setDialog({ kind: 'create' })} aria-keyshortcuts="N">
            {t('create')}
          </Button>
        )}
      </Row>
      <Card withBorder padding="sm" radius="md">
        <Table striped highlightOnHover aria-label={t('list')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.name')}</Table.Th>
              <Table.Th>{t('columns.age')}</Table.Th>
              <Table.Th>{t('columns.language')}</Table.Th>
              <Table.Th>{t('columns.kind')}</Table.Th>
              <Table.Th>{t('columns.capacity')}</Table.Th>
              <Table.Th>{t('columns.enrolled')}</Table.Th>
              <Table.Th>{t('columns.reserved')}</Table.Th>
              <Table.Th>{t('columns.free')}</Table.Th>
              <Table.Th>{t('columns.state')}</Table.Th>
              {mayManage && <Table.Th>{t('columns.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.data?.map((g) => {
              const name = groupNameIn(g, lang);
              const editable = mayManage && g.status === 'open' && g.sync === null && g.version > 0;
              return (
                <Table.Tr key={g.id} aria-label={name}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>{ageGroupLabels[g.ageYears]?.[lang] ?? g.ageYears}</Table.Td>
                  <Table.Td>{teachingLanguageLabels[g.teachingLanguage][lang]}</Table.Td>
                  <Table.Td>{groupKindLabels[g.kind][lang]}{g.correctionType ? ` · ${correctionTypeLabels[g.correctionType][lang]}` : ''}</Table.Td>
                  <Table.Td>{g.places.capacity}</Table.Td>
                  <Table.Td>{g.places.enrolled}</Table.Td>
                  <Table.Td>{g.places.reserved}</Table.Td>
                  <Table.Td fw={600} data-testid="free-places">{g.places.free}</Table.Td>
                  <Table.Td>{stateOf(g)}</Table.Td>
                  {mayManage && (
                    <Table.Td>
                      <Row gap={4} wrap="nowrap">
                        <Tooltip label={t('editCapacity')}>
                          <ActionIcon variant="subtle" aria-label={`${t('editCapacity')}: ${name}`} disabled={!editable} onClick={() => setDialog({ kind: 'capacity', group: g })}>
                            <IconPencil size={18} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('close')}>
                          <ActionIcon variant="subtle" color="red" aria-label={`${t('close')}: ${name}`} disabled={!editable} onClick={() => setDialog({ kind: 'close', group: g })}>
                            <IconLock size={18} />
                          </ActionIcon>
                        </Tooltip>
                      </Row>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      <BulletinCard />
      {dialog?.kind === 'create' && <CreateGroupModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'capacity' && <CapacityModal group={dialog.group} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'close' && <CloseGroupModal group={dialog.group} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
