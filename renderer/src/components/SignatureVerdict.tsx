/** A signature verdict (the parent's, or the head's own): valid / IIN matches / signer / time — or what is wrong, in
 *  plain words — and the «signature details» panel (algorithm, certificate, chain of trust, revocation). */
import { Accordion, Alert, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconId } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SignatureParty, SignatureVerdict as Verdict } from '../../../domain/api/contracts';
import { formatDate, formatDateTime } from '../../../domain/kazakhstan-time';
import './i18n';

function SignatureDetails({ details }: { details: NonNullable<Verdict['details']> }) {
  const { t } = useTranslation('components');
  const row = (label: string, value: string) => (
    <Text size="sm">
      <Text span c="dimmed">{label}: </Text>
      {value}
    </Text>
  );
  return (
    <Accordion variant="default" chevronPosition="left">
      <Accordion.Item value="details">
        <Accordion.Control>{t('verdict.details.title')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap={2}>
            {row(t('verdict.details.algorithm'), details.algorithm ? t(`verdict.details.algorithms.${details.algorithm}`) : '—')}
            {row(t('verdict.details.certificate'), details.certificateSerial)}
            {row(t('verdict.details.validity'), `${formatDate(details.validFrom)} — ${formatDate(details.validTo)}`)}
            {details.organisation && row(t('verdict.details.organisation'), `${details.organisation}${details.bin ? ` (${details.bin})` : ''}`)}
            {details.chain.length > 0 && (
              <>
                <Text size="sm" c="dimmed">{t('verdict.details.chain')}:</Text>
                <List size="sm" type="ordered">
                  {details.chain.map((name) => <List.Item key={name}>{name}</List.Item>)}
                </List>
              </>
            )}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}


export function SignatureVerdict({ verdict, party = 'parent' }: { verdict: Verdict | undefined; party?: SignatureParty }) {
  const { t } = useTranslation('components');
  if (!verdict) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('verdict.checking')}
        </Text>
      </Group>
    );
  }
  const good = verdict.valid && verdict.iinMatches;
  return (
    <Alert
      color={good ? 'teal' : 'red'}
      variant="light"
      p="sm"
      icon={good ? <IconCircleCheck size={20} /> : <IconCircleX size={20} />}
      title={t(party === 'head' ? 'verdict.headTitle' : 'verdict.title')}
      data-verdict={good ? 'valid' : 'invalid'}
      data-party={party}
    >
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {verdict.valid ? t('verdict.valid') : t('verdict.invalid')}
          {verdict.problem && verdict.problem !== 'WRONG_SIGNER' ? ` — ${t(`verdict.problems.${verdict.problem}`)}` : ''}
        </Text>
        {verdict.signerIin && party === 'parent' && (
          <Group gap={4}>
            <IconId size={14} />
            <Text size="sm">{verdict.iinMatches ? t('verdict.iinMatches') : t('verdict.iinMismatch')}</Text>
          </Group>
        )}
        {verdict.signerName && (
          <Text size="sm">
            {t('verdict.signer')}: {verdict.signerName}
            {verdict.signerIin ? ` (${verdict.signerIin})` : ''}
          </Text>
        )}
        {verdict.revocation && (
          <Text size="sm" c={verdict.revocation.status === 'good' ? 'dimmed' : 'orange.8'} data-revocation={verdict.revocation.status}>
            {t(`verdict.revocation.${verdict.revocation.status}`, {
              method: verdict.revocation.method?.toUpperCase() ?? '',
              time: formatDateTime(verdict.revocation.checkedAt),
            })}
          </Text>
        )}
        {verdict.signedAt && (
          <Text size="sm" c="dimmed">
            {t('verdict.signedAt')}: {formatDateTime(verdict.signedAt)}
          </Text>
        )}
        {verdict.details && <SignatureDetails details={verdict.details} />}
      </Stack>
    </Alert>
  );
}
