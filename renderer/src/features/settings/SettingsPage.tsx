import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../../domain/i18n-languages';
import { useApi } from '../../api/ApiProvider';
import { SupportExport } from './SupportExport';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const change = async (language: Language) => {
    try {
      const saved = await api['settings.set']({ language });
      await i18n.changeLanguage(saved.language);
      // `t` of this render is bound to the old language: say it in the new one.
      notifications.show({ message: i18n.getFixedT(saved.language)('settings.saved'), color: 'green' });
    } catch (e) {
      notifications.show({ message: t('errors.generic', { message: (e as Error).message }), color: 'red' });
    }
  };
  return (
    <Stack maw={480}>
      <Title order={2}>{t('settings.title')}</Title>
      <Text id="language-label" fw={500}>
        {t('settings.language')}
      </Text>
      <SegmentedControl
        aria-labelledby="language-label"
        value={i18n.language}
        onChange={(v) => void change(v as Language)}
        data={languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      />
      <SupportExport />
    </Stack>
  );
}
