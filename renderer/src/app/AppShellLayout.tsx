import { Alert, AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileCertificate, IconInfoCircle, IconLayoutGrid, IconSettings, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SyncFooter } from '../features/sync/SyncFooter';
import { UserBadge } from '../features/auth/UserBadge';
import { useSession } from './SessionProvider';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
}

export function AppShellLayout({ section, navigate, demo, children }: { section: string; navigate: (p: string) => void; demo: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useSession().session?.user ?? null;
  // Sections follow the user's organisations: kindergarten staff never see the special queue and vice versa.
  const hasOrg = (kind: 'kindergarten' | 'pmpk') => !!user?.orgs.some((o) => o.kind === kind);
  const items: NavItem[] = [
    ...(!user || hasOrg('kindergarten') ? [{ path: 'contracts', label: t('nav.contracts'), icon: <IconFileCertificate size={18} /> }] : []),
    ...(hasOrg('kindergarten') ? [{ path: 'groups', label: t('nav.groups'), icon: <IconLayoutGrid size={18} /> }] : []),
    ...(hasOrg('pmpk') ? [{ path: 'special-queue', label: t('nav.specialQueue'), icon: <IconUsersGroup size={18} /> }] : []),
    ...(user ? [{ path: 'attention', label: t('nav.attention'), icon: <IconAlertTriangle size={18} /> }] : []),
    { path: 'settings', label: t('nav.settings'), icon: <IconSettings size={18} /> },
    { path: 'about', label: t('nav.about'), icon: <IconInfoCircle size={18} /> },
  ];
  return (
    <AppShell header={{ height: demo ? 96 : 56 }} navbar={{ width: 240, breakpoint: 0 }} footer={{ height: 36 }} padding="md">
      <AppShell.Header>
        {demo && (
          <Alert color="yellow" radius={0} py={6} role="status" aria-label={t('demoBanner')}>
            <Text size="sm">{t('demoBanner')}</Text>
          </Alert>
        )}
        <Group h={56} px="md" justify="space-between">
          <Title order={3}>{t('appName')}</Title>
          <UserBadge />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        {items.map((item) => (
          <NavLink
            key={item.path}
            href={`#/${item.path}`}
            label={item.label}
            leftSection={item.icon}
            active={section === item.path}
            aria-current={section === item.path ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(item.path);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
      <AppShell.Footer>
        <SyncFooter />
      </AppShell.Footer>
    </AppShell>
  );
}
