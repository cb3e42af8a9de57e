/** The kindergarten's own free-places bulletin, as the parent portal shows it (same numbers as /v1/bulletin). */
import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { correctionTypeLabels, teachingLanguageLabels } from '../../../../domain/catalogues';
import { ageGroupLabels, groupKindLabels } from '../../../../domain/groups';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { useLanguage } from '../../components/useLanguage';
import './i18n';

export function BulletinCard() {
  const { t } = useTranslation('groups');
  const lang = useLanguage();
  const api = useApi();
  const bulletin = useQuery(() => api['groups.bulletin']({}), [], ['groups', 'outbox']);
  const lines = bulletin.data?.lines ?? [];
  return (
    <Card withBorder padding="sm" radius="md" component="section" aria-labelledby="bulletin-title">
      <Title order={4} id="bulletin-title">{t('bulletin.title')}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t('bulletin.hint')}</Text>
      {lines.length === 0 ? (
        <Text size="sm">{t('bulletin.empty')}</Text>
      ) : (
        <Table striped aria-label={t('bulletin.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.age')}</Table.Th>
              <Table.Th>{t('columns.language')}</Table.Th>
              <Table.Th>{t('columns.kind')}</Table.Th>
              <Table.Th>{t('bulletin.groups')}</Table.Th>
              <Table.Th>{t('columns.capacity')}</Table.Th>
              <Table.Th>{t('columns.free')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={`${l.ageYears}-${l.teachingLanguage}-${l.kind}-${l.correctionType ?? ''}`}>
                <Table.Td>{ageGroupLabels[l.ageYears]?.[lang] ?? l.ageYears}</Table.Td>
                <Table.Td>{teachingLanguageLabels[l.teachingLanguage][lang]}</Table.Td>
                <Table.Td>{groupKindLabels[l.kind][lang]}{l.correctionType ? ` · ${correctionTypeLabels[l.correctionType][lang]}` : ''}</Table.Td>
                <Table.Td>{l.groups}</Table.Td>
                <Table.Td>{l.capacity}</Table.Td>
                <Table.Td fw={600}>{l.free}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
