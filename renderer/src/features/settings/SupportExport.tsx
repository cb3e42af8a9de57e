import { Alert, Button, Code, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_EXPORT_MIN_PASSPHRASE, type SupportExport as ExportResult } from '../../../../domain/api/app';
import { useApi } from '../../api/ApiProvider';
import { errorMessage } from '../../api/errors';

/**
 * The support export: the app's own files use a cipher standard tools cannot read, so support receives one file in
 * SQLCipher 4's format, opened with the passphrase the user tells them (never stored by the app).
 */
export function SupportExport() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tooShort = passphrase.length > 0 && passphrase.length < SUPPORT_EXPORT_MIN_PASSPHRASE;

  const run = async () => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api['support.exportDatabase']({ passphrase }));
      setPassphrase('');
    } catch (e) {
      setError(errorMessage(e, t, i18n.language));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Stack component="section" aria-labelledby="support-export-title" gap="sm">
      <Title order={3} id="support-export-title">
        {t('supportExport.title')}
      </Title>
      <Text size="sm">{t('supportExport.description')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!running && passphrase.length >= SUPPORT_EXPORT_MIN_PASSPHRASE) void run();
        }}
      >
        <Stack gap="sm">
          <PasswordInput
            label={t('supportExport.passphrase')}
            description={t('supportExport.passphraseHint', { min: SUPPORT_EXPORT_MIN_PASSPHRASE })}
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={tooShort ? t('supportExport.tooShort', { min: SUPPORT_EXPORT_MIN_PASSPHRASE }) : undefined}
            autoComplete="new-password"
          />
          <Button type="submit" loading={running} disabled={passphrase.length < SUPPORT_EXPORT_MIN_PASSPHRASE} w="fit-content">
            {t('supportExport.run')}
          </Button>
        </Stack>
      </form>
      {running && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('supportExport.running')}
        </Text>
      )}
      {result && (
        <Alert color="green" title={t('supportExport.doneTitle')}>
          <Text size="sm">{t('supportExport.done', { rows: result.rows })}</Text>
          <Code block>{`${result.folder}\n${result.fileName}`}</Code>
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
