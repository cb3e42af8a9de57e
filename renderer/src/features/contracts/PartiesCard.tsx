/** The parties' data from the contract, as the parent entered it. */
import { Alert, Card, Divider, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../../../domain/entities';
import { teachingLanguageLabels } from '../../../../domain/catalogues';
import { MAX_REWORK_ATTEMPTS } from '../../../../domain/rules';
import { contractDataHints } from '../../../../domain/data-hints';
import { groupNameIn } from '../../../../domain/groups';
import { formatDate } from '../../../../domain/kazakhstan-time';
import { useLanguage } from '../../components/useLanguage';
import './i18n';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{value || '—'}</Text>
    </Stack>
  );
}

export function PartiesCard({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const lang = useLanguage();
  const { child, parent } = contract;
  const hints = contractDataHints(contract);
  return (
    <Card withBorder padding="sm" radius="md">
      {hints.length > 0 && (
        <Alert color="yellow" variant="light" title={t('dataHints.title')} mb="xs" p="xs" role="note" aria-label={t('dataHints.title')}>
          <List size="sm" spacing={2}>
            {hints.map((hint) => (
              <List.Item key={hint}>{t(`dataHints.${hint}`)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Title order={5} mb={6}>{t('parties.child')}</Title>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
        <Field label={t('parties.iin')} value={child.iin} />
        <Field label={t('parties.birthDate')} value={formatDate(child.birthDate)} />
        <Field label={t('parties.sex')} value={t(`parties.sexValues.${child.sex}`)} />
      </SimpleGrid>
      <Divider my="xs" />
      <Title order={5} mb={6}>{t('parties.parent')}</Title>
      <Stack gap={6}>
        <Field label="" value={parent.fullName} />
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
          <Field label={t('parties.iin')} value={parent.iin} />
          <Field label={t('parties.idDocument')} value={parent.idDocumentNumber} />
          <Field label={t('parties.phone')} value={parent.phone} />
          <Field label={t('parties.workplace')} value={[parent.workplace, parent.position].filter(Boolean).join(', ')} />
        </SimpleGrid>
        <Field label={t('parties.address')} value={parent.address} />
        {contract.bank && <Field label={t('parties.bank')} value={`${contract.bank.iban} · ${contract.bank.bic} · ${contract.bank.bankName}`} />}
      </Stack>
      <Divider my="xs" />
      <Title order={5} mb={6}>{t('parties.contract')}</Title>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
        <Field label={t('parties.group')} value={groupNameIn(contract.group, lang)} />
        <Field label={t('parties.language')} value={teachingLanguageLabels[contract.teachingLanguage][lang]} />
        <Field label={t('parties.startDate')} value={formatDate(contract.startDate)} />
        <Field label={t('parties.reworks')} value={t('reworkOf', { count: contract.reworkCount, max: MAX_REWORK_ATTEMPTS })} />
      </SimpleGrid>
    </Card>
  );
}
