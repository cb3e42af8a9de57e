import { Button, Group, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiProvider';
import { useSession } from '../../app/SessionProvider';
import './i18n';

/** Who is signed in: name, IIN, organisation and role — shown in the header. */
export function UserBadge() {
  const { t, i18n } = useTranslation('auth');
  const api = useApi();
  const { session, setSession } = useSession();
  const user = session?.user;
  if (!user) return null;
  const org = user.orgs[0];
  return (
    <Group gap="sm" wrap="nowrap" aria-label={t('user')} role="group">
      <Stack gap={0} align="flex-end">
        <Text size="sm" fw={600} data-testid="session-user">
          {user.fullName}
        </Text>
        <Text size="xs" c="dimmed">
          {t('iin')} {user.iin} · {org ? `${t(`orgKinds.${org.kind}`)}: ${org.name}` : ''} · {user.roles.map((r) => t(`roles.${r}`)).join(', ')}
        </Text>
      </Stack>
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconLogout size={16} />}
        onClick={() => void api['auth.logout']({}).then(setSession)}
        lang={i18n.language}
      >
        {t('logout')}
      </Button>
    </Group>
  );
}
