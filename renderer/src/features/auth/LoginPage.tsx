import { Alert, Button, Center, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconKey, IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../../domain/i18n-languages';
import { ncaLayerErrorMessage } from '../../../../domain/ncalayer-errors';
import { useApi } from '../../api/ApiProvider';
import { errorMessage, isQuietError } from '../../api/errors';
import { useQuery } from '../../api/useQuery';
import { useSession } from '../../app/SessionProvider';
import './i18n';

/** «Войти с ЭЦП»: checks that NCALayer runs, then signs the server's challenge with an authentication key. */
export function LoginPage() {
  const { t, i18n } = useTranslation('auth');
  const api = useApi();
  const { setSession } = useSession();
  const status = useQuery(() => api['ncalayer.status']({}), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language as Language;

  const login = async () => {
    setBusy(true);
    setError(null);
    try {
      setSession(await api['auth.login']({}));
    } catch (e) {
      if (!isQuietError(e)) setError(errorMessage(e, t, lang));
      status.reload();
    } finally {
      setBusy(false);
    }
  };

  const changeLanguage = async (language: Language) => {
    const saved = await api['settings.set']({ language });
    await i18n.changeLanguage(saved.language);
  };

  return (
    <Center mih="70vh">
      <Paper withBorder shadow="sm" p="xl" w={520} radius="lg">
        <Stack>
          <Group justify="space-between">
            <Title order={2}>{t('title')}</Title>
            <SegmentedControl
              size="xs"
              aria-label={t('common:settings.language')}
              value={lang}
              onChange={(v) => void changeLanguage(v as Language)}
              data={languages.map((l) => ({ value: l, label: l.toUpperCase() }))}
            />
          </Group>
          <Text c="dimmed">{t('subtitle')}</Text>
          {status.loading && !status.data ? (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">{t('ncalayerChecking')}</Text>
            </Group>
          ) : status.data?.running ? (
            <Alert color="teal" icon={<IconCircleCheck />} role="status">
              {t('ncalayerRunning', { version: status.data.version })}
            </Alert>
          ) : status.data ? (
            <Alert color="orange" icon={<IconPlugConnectedX />} role="alert" title="NCALayer">
              <Stack gap="xs">
                <Text size="sm">{ncaLayerErrorMessage(status.data.failure, lang)}</Text>
                <Button variant="light" size="xs" onClick={status.reload} w="fit-content">
                  {t('checkAgain')}
                </Button>
              </Stack>
            </Alert>
          ) : null}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Button size="md" leftSection={<IconKey size={18} />} loading={busy} onClick={() => void login()} disabled={!status.data?.running}>
            {t('login')}
          </Button>
          {busy && (
            <Text size="sm" c="dimmed">
              {t('signingIn')}
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
