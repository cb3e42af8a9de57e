import { Center, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupState } from './startup-state';

/** Shown until the backend answers: a loader, or the re-encryption's progress while it runs. */
export function StartupScreen({ startup }: { startup: StartupState }) {
  const { t } = useTranslation();
  const event = useSyncExternalStore(startup.listen, startup.get);
  if (event?.state !== 'reencrypting') {
    return (
      <Center h="100vh">
        <Loader aria-label={t('startup.loading')} />
      </Center>
    );
  }
  const label = t('startup.reencryptFile', { fileNumber: event.fileNumber, files: event.files });
  return (
    <Center h="100vh" p="md">
      <Paper withBorder p="xl" maw={520} w="100%">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('startup.reencryptTitle')}
          </Title>
          <Text>{t('startup.reencryptBody')}</Text>
          <Progress value={event.percent} size="lg" aria-label={label} animated />
          <Text size="sm" c="dimmed" aria-live="polite">
            {label}: {event.percent} %
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
