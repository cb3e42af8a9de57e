import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Placeholder } from '../components/Placeholder';
import { AboutPage } from '../features/about/AboutPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AppShellLayout } from './AppShellLayout';
import { useHashRoute } from './useHashRoute';

export function App({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const [route, navigate] = useHashRoute();
  const [section] = useState(() => route[0] ?? 'contracts');
  const current = route[0] ?? section;
  let page;
  switch (current) {
    case 'about':
      page = <AboutPage />;
      break;
    case 'settings':
      page = <SettingsPage />;
      break;
    case 'special-queue':
      page = <Placeholder title={t('nav.specialQueue')} />;
      break;
    case 'attention':
      page = <Placeholder title={t('nav.attention')} />;
      break;
    default:
      page = <Placeholder title={t('nav.contracts')} />;
  }
  return (
    <AppShellLayout section={current} navigate={navigate} demo={demo}>
      {page}
    </AppShellLayout>
  );
}
