import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AboutPage } from '../features/about/AboutPage';
import { AttentionPage } from '../features/attention/AttentionPage';
import { ContractNotifier } from '../features/contracts/ContractNotifier';
import { ContractsPage } from '../features/contracts/ContractsPage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncNotifier } from '../features/sync/SyncNotifier';
import { SpecialQueuePage } from '../features/special-queue/SpecialQueuePage';
import { AppShellLayout } from './AppShellLayout';
import { useSession } from './SessionProvider';
import { useHashRoute } from './useHashRoute';

/** Sections that show synced data need a session; Settings and About work signed out too. */
const needsSession = new Set(['contracts', 'groups', 'special-queue', 'attention']);

export function App({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const [route, navigate] = useHashRoute();
  const { session } = useSession();
  const current = route[0] ?? 'contracts';
  let page;
  if (needsSession.has(current) && !session) {
    page = (
      <Center mih="50vh">
        <Loader aria-label={t('appName')} />
      </Center>
    );
  } else if (needsSession.has(current) && !session?.user) {
    page = <LoginPage />;
  } else {
    switch (current) {
      case 'about':
        page = <AboutPage />;
        break;
      case 'settings':
        page = <SettingsPage />;
        break;
      case 'special-queue':
        page = <SpecialQueuePage applicationId={route[1]} navigate={navigate} />;
        break;
      case 'groups':
        page = <GroupsPage />;
        break;
      case 'attention':
        page = <AttentionPage navigate={navigate} />;
        break;
      default:
        page = <ContractsPage route={route.slice(1)} navigate={navigate} />;
    }
  }
  return (
    <AppShellLayout section={current} navigate={navigate} demo={demo}>
      {session?.user && <ContractNotifier navigate={navigate} />}
      {session?.user && <SyncNotifier />}
      {page}
    </AppShellLayout>
  );
}
