import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiProvider';
import { createApiClient, detectTransport } from './api/client';
import { App } from './app/App';
import { SessionProvider } from './app/SessionProvider';
import { theme } from './app/theme';
import { initI18n } from './i18n';

async function boot() {
  const transport = detectTransport(window);
  const api = createApiClient(transport);
  const [settings, info] = await Promise.all([api['settings.get']({}), api['app.info']({})]);
  const i18n = initI18n(settings.language);
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => (document.documentElement.lang = lng));
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <ApiProvider api={api} transport={transport}>
          <SessionProvider>
            <App demo={info.mode === 'demo'} />
          </SessionProvider>
        </ApiProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

void boot();
