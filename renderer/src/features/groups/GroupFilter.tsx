/** The inbox's group filter: every group of the kindergarten, or all of them. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { groupNameIn } from '../../../../domain/groups';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';
import { useLanguage } from '../../components/useLanguage';
import './i18n';

export function GroupFilter({ value, onChange }: { value: string | null; onChange: (groupId: string | null) => void }) {
  const { t } = useTranslation('groups');
  const lang = useLanguage();
  const api = useApi();
  const groups = useQuery(() => api['groups.list']({}), [], ['groups']);
  return (
    <Select
      size="xs"
      w={280}
      aria-label={t('filterLabel')}
      placeholder={t('filterAll')}
      clearable
      searchable
      value={value}
      onChange={onChange}
      data={(groups.data ?? []).filter((g) => g.version > 0).map((g) => ({ value: g.id, label: groupNameIn(g, lang) }))}
    />
  );
}
