import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultLanguage, languageSchema, type Language } from '../../domain/i18n-languages';
import { ApiProvider } from './api/ApiProvider';
import { createApiClient, detectTransport } from './api/client';
import { App } from './app/App';
import { SessionProvider } from './app/SessionProvider';
import { theme } from './app/theme';
import { ReencryptedNotice } from './features/startup/ReencryptedNotice';
import { StartupScreen } from './features/startup/StartupScreen';
import { watchStartup } from './features/startup/startup-state';
import { initI18n } from './i18n';

/** The language chosen last time, for the start-up screen shown before the backend can tell the setting. */
const LANGUAGE_KEY = 'qabyl.language';
function rememberedLanguage(): Language {
  const stored = languageSchema.safeParse(window.localStorage.getItem(LANGUAGE_KEY));
  return stored.success ? stored.data : defaultLanguage;
}

async function boot() {
  const transport = detectTransport(window);
  const api = createApiClient(transport);
  const startup = watchStartup(transport);
  const i18n = initI18n(rememberedLanguage());
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    window.localStorage.setItem(LANGUAGE_KEY, lng);
  });
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const render = (content: ReactNode) =>
    root.render(
      <StrictMode>
        <MantineProvider theme={theme}>
          <Notifications position="top-right" />
          <ApiProvider api={api} transport={transport}>
            {content}
          </ApiProvider>
        </MantineProvider>
      </StrictMode>,
    );
  // Until the backend answers (seconds; minutes while a legacy database is re-encrypted), the start-up screen.
  render(<StartupScreen startup={startup} />);
  const [settings, info] = await Promise.all([api['settings.get']({}), api['app.info']({})]);
  if (i18n.language !== settings.language) await i18n.changeLanguage(settings.language);
  render(
    <>
      <ReencryptedNotice startup={startup} />
      <SessionProvider>
        <App demo={info.mode === 'demo'} />
      </SessionProvider>
    </>,
  );
}

void boot();
