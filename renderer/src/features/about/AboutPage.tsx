import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/useQuery';

export function AboutPage() {
  const { t } = useTranslation();
  const api = useApi();
  const info = useQuery(() => api['app.info']({}), []);
  return (
    <Stack maw={720}>
      <Title order={2}>{t('about.title')}</Title>
      <Text>{t('about.description')}</Text>
      {info.loading && !info.data && <Loader aria-label={t('about.title')} />}
      {info.error && <Alert color="red">{t('errors.generic', { message: info.error.message })}</Alert>}
      {info.data && (
        <Table aria-label={t('about.title')} withRowBorders>
          <Table.Tbody>
            {(
              [
                ['appVersion', info.data.appVersion],
                ['dbSchemaVersion', String(info.data.dbSchemaVersion)],
                ['protocolVersion', String(info.data.protocolVersion)],
                ['mode', t(`about.modes.${info.data.mode}`)],
                ['server', info.data.serverUrl],
                ['dataDir', info.data.dataDir],
              ] as const
            ).map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{t(`about.${key}`)}</Table.Th>
                <Table.Td data-testid={`about-${key}`}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
