import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Placeholder({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Text c="dimmed">{t('placeholder')}</Text>
    </Stack>
  );
}
