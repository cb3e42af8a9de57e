import { AppShell, Badge, Group, NavLink, Title, Tooltip } from '@mantine/core';
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

const HEADER_PX = 56;
const FOOTER_PX = 36;
const PADDING_PX = 12;

/**
 * The frame: one header row (the demo warning sits in it, so it costs no height), the navigation, the footer. The
 * main area's exact height is `--qabyl-main-height`, so a screen can fill it without a page scroll bar.
 */
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
    <AppShell header={{ height: HEADER_PX }} navbar={{ width: 220, breakpoint: 0 }} footer={{ height: FOOTER_PX }} padding={PADDING_PX}>
      <AppShell.Header>
        <Group h={HEADER_PX} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Title order={3}>{t('appName')}</Title>
            {demo && (
              <Tooltip label={t('demoBanner')} multiline w={420}>
                <Badge color="yellow" variant="filled" size="lg" radius="sm" role="status" aria-label={t('demoBanner')} style={{ textTransform: 'none', maxWidth: 520 }}>
                  {t('demoBanner')}
                </Badge>
              </Tooltip>
            )}
          </Group>
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
      <AppShell.Main style={{ ['--qabyl-main-height' as string]: `calc(100dvh - ${HEADER_PX + FOOTER_PX + 2 * PADDING_PX}px)` }}>{children}</AppShell.Main>
      <AppShell.Footer>
        <SyncFooter />
      </AppShell.Footer>
    </AppShell>
  );
}
