/**
 * «Отправить договор» for a direction: the group (every open group is listed; those that cannot take the child say
 * why), the start date, signed. The teaching language is the group's.
 */
import { Badge, Group as Row, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teachingLanguageLabels } from '../../../../domain/catalogues';
import { groupMismatchTexts, groupNameIn } from '../../../../domain/groups';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { formatDate } from '../../../../domain/kazakhstan-time';
import { useLanguage } from '../../components/useLanguage';
import { DecisionModal } from './DecisionModal';
import { useDecision } from './useDecision';
import './i18n';

export function OfferModal({ directionId, onClose }: { directionId: string; onClose: () => void }) {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  const api = useApi();
  const { busy, run } = useDecision();
  const direction = useQuery(() => api['directions.get']({ id: directionId }), [directionId], ['directions', 'outbox']);
  const choices = useQuery(() => api['groups.forDirection']({ directionId }), [directionId], ['groups', 'outbox']);
  const [groupId, setGroupId] = useState('');
  const [startDate, setStartDate] = useState('');
  const fitting = choices.data?.some((c) => c.group.id === groupId && c.mismatches.length === 0) ?? false;
  const valid = fitting && /^\d{4}-\d{2}-\d{2}$/.test(startDate) && direction.data?.status === 'awaiting_offer' && !direction.data.sync;
  const submit = async () => {
    if (await run(() => api['contracts.offer']({ directionId, groupId, startDate }))) onClose();
  };
  const d = direction.data;
  return (
    <DecisionModal opened onClose={onClose} title={t('offer.title')} confirmLabel={t('offer.confirm')} onConfirm={() => void submit()} canConfirm={!!valid} busy={busy} size="lg">
      {d && (
        <Stack gap={2}>
          <Text fw={600}>{d.child.fullName} · {d.child.iin} · {formatDate(d.child.birthDate)}</Text>
          <Text size="sm" c="dimmed">{t('offer.direction')} {d.number} · {d.parentFullName}</Text>
          <Text size="sm">{t('offer.language')}: {teachingLanguageLabels[d.teachingLanguage][lang]} · {t('columns.offerDue')}: {formatDate(d.offerDueOn)}</Text>
        </Stack>
      )}
      <Radio.Group label={t('offer.group')} value={groupId} onChange={setGroupId} required>
        <Stack gap={6} mt={4}>
          {choices.data?.length === 0 && <Text size="sm" c="dimmed">{t('offer.noGroups')}</Text>}
          {choices.data?.map(({ group, mismatches }) => (
            <Stack key={group.id} gap={0}>
              <Radio
                value={group.id}
                disabled={mismatches.length > 0}
                label={
                  <Row gap={6}>
                    <Text size="sm">{groupNameIn(group, lang)}</Text>
                    <Badge variant="light" color={group.places.free > 0 ? 'teal' : 'gray'}>{t('offer.free', { count: group.places.free, capacity: group.places.capacity })}</Badge>
                    {mismatches.length === 0 && <Badge variant="outline" color="teal">{t('offer.fits')}</Badge>}
                  </Row>
                }
              />
              {mismatches.length > 0 && (
                <Text size="xs" c="dimmed" ml={30}>{mismatches.map((m) => groupMismatchTexts[m][lang]).join(' ')}</Text>
              )}
            </Stack>
          ))}
        </Stack>
      </Radio.Group>
      <TextInput type="date" label={t('offer.startDate')} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} required />
    </DecisionModal>
  );
}
