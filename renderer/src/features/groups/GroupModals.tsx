/** The head's signed group decisions: a new group, a new capacity, closing at the end of the year. */
import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../../../domain/api/groups';
import { correctionTypes, type CorrectionType } from '../../../../domain/catalogue-ids';
import { correctionTypeLabels, teachingLanguageLabels } from '../../../../domain/catalogues';
import {
  ageGroupLabels,
  DEFAULT_SPECIAL_NEEDS_LIMIT,
  groupKinds,
  groupKindLabels,
  groupNameIn,
  MAX_GROUP_AGE,
  MAX_GROUP_CAPACITY,
  MIN_GROUP_AGE,
  type GroupKind,
} from '../../../../domain/groups';
import { useApi } from '../../api/ApiProvider';
import { useLanguage } from '../../components/useLanguage';
import { DecisionModal } from '../contracts/DecisionModal';
import { useDecision } from '../contracts/useDecision';
import './i18n';

const ages = Array.from({ length: MAX_GROUP_AGE - MIN_GROUP_AGE + 1 }, (_, i) => MIN_GROUP_AGE + i);
const toInt = (v: string | number) => (typeof v === 'number' ? v : Number.parseInt(v, 10));

export function CreateGroupModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('groups');
  const lang = useLanguage();
  const api = useApi();
  const { busy, run } = useDecision();
  const [nameKk, setNameKk] = useState('');
  const [nameRu, setNameRu] = useState('');
  const [ageYears, setAgeYears] = useState('4');
  const [language, setLanguage] = useState<'kk' | 'ru'>('kk');
  const [kind, setKind] = useState<GroupKind>('ordinary');
  const [correctionType, setCorrectionType] = useState<CorrectionType | null>(null);
  const [capacity, setCapacity] = useState<number>(25);
  const [limit, setLimit] = useState<number>(DEFAULT_SPECIAL_NEEDS_LIMIT);
  const valid =
    nameKk.trim() !== '' && nameRu.trim() !== '' && capacity >= 1 && capacity <= MAX_GROUP_CAPACITY && limit >= 0 && limit <= capacity &&
    (kind === 'special') === (correctionType !== null);
  const submit = async () => {
    const args = { nameKk: nameKk.trim(), nameRu: nameRu.trim(), ageYears: Number(ageYears), teachingLanguage: language, kind, correctionType, capacity, specialNeedsLimit: limit };
    if (await run(() => api['groups.create'](args))) onClose();
  };
  return (
    <DecisionModal opened onClose={onClose} title={t('form.title')} confirmLabel={t('form.confirm')} onConfirm={() => void submit()} canConfirm={valid} busy={busy}>
      <SimpleGrid cols={2}>
        <TextInput label={t('form.nameKk')} value={nameKk} onChange={(e) => setNameKk(e.currentTarget.value)} required maxLength={100} data-autofocus />
        <TextInput label={t('form.nameRu')} value={nameRu} onChange={(e) => setNameRu(e.currentTarget.value)} required maxLength={100} />
      </SimpleGrid>
      <Select
        label={t('form.age')}
        description={t('form.ageHint')}
        value={ageYears}
        onChange={(v) => v && setAgeYears(v)}
        data={ages.map((a) => ({ value: String(a), label: ageGroupLabels[a]?.[lang] ?? String(a) }))}
        allowDeselect={false}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="group-language-label">{t('form.language')}</Text>
        <SegmentedControl
          aria-labelledby="group-language-label"
          value={language}
          onChange={(v) => setLanguage(v as 'kk' | 'ru')}
          data={(['kk', 'ru'] as const).map((l) => ({ value: l, label: teachingLanguageLabels[l][lang] }))}
        />
      </Stack>
      <SimpleGrid cols={2}>
        <Select
          label={t('form.kind')}
          value={kind}
          onChange={(v) => {
            if (!v) return;
            setKind(v as GroupKind);
            if (v !== 'special') setCorrectionType(null);
          }}
          data={groupKinds.map((k) => ({ value: k, label: groupKindLabels[k][lang] }))}
          allowDeselect={false}
        />
        <Select
          label={t('form.correctionType')}
          value={correctionType}
          onChange={(v) => setCorrectionType(v as CorrectionType | null)}
          disabled={kind !== 'special'}
          required={kind === 'special'}
          data={correctionTypes.map((c) => ({ value: c, label: correctionTypeLabels[c][lang] }))}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <NumberInput label={t('form.capacity')} value={capacity} onChange={(v) => setCapacity(toInt(v))} min={1} max={MAX_GROUP_CAPACITY} required allowDecimal={false} />
        <NumberInput label={t('form.specialNeedsLimit')} value={limit} onChange={(v) => setLimit(toInt(v))} min={0} max={capacity} allowDecimal={false} />
      </SimpleGrid>
    </DecisionModal>
  );
}

export function CapacityModal({ group, onClose }: { group: GroupView; onClose: () => void }) {
  const { t } = useTranslation('groups');
  const lang = useLanguage();
  const api = useApi();
  const { busy, run } = useDecision();
  const [capacity, setCapacity] = useState<number>(group.places.capacity);
  const [limit, setLimit] = useState<number>(group.specialNeedsLimit);
  const held = group.places.enrolled + group.places.reserved;
  const valid = capacity >= Math.max(1, held) && capacity <= MAX_GROUP_CAPACITY && limit >= 0 && limit <= capacity;
  const submit = async () => {
    if (await run(() => api['groups.update']({ groupId: group.id, capacity, specialNeedsLimit: limit }))) onClose();
  };
  return (
    <DecisionModal opened onClose={onClose} title={t('capacityTitle', { name: groupNameIn(group, lang) })} confirmLabel={t('capacityConfirm')} onConfirm={() => void submit()} canConfirm={valid} busy={busy} size="md">
      <NumberInput label={t('form.capacity')} value={capacity} onChange={(v) => setCapacity(toInt(v))} min={Math.max(1, held)} max={MAX_GROUP_CAPACITY} allowDecimal={false} data-autofocus />
      <NumberInput label={t('form.specialNeedsLimit')} value={limit} onChange={(v) => setLimit(toInt(v))} min={0} max={capacity} allowDecimal={false} />
    </DecisionModal>
  );
}

export function CloseGroupModal({ group, onClose }: { group: GroupView; onClose: () => void }) {
  const { t } = useTranslation('groups');
  const lang = useLanguage();
  const api = useApi();
  const { busy, run } = useDecision();
  const submit = async () => {
    if (await run(() => api['groups.close']({ groupId: group.id }))) onClose();
  };
  return (
    <DecisionModal opened onClose={onClose} title={t('closeTitle', { name: groupNameIn(group, lang) })} confirmLabel={t('closeConfirm')} onConfirm={() => void submit()} canConfirm busy={busy} size="md" color="red">
      <Text size="sm">{t('closeText')}</Text>
    </DecisionModal>
  );
}
