import { PROTOCOL_VERSION } from '../../../domain/sync-protocol';
import { settings } from '../../../db/schema';
import type { BackendContext } from '../context';
import { readLanguageSetting } from '../settings/language';
import type { Handlers } from './dispatch';

type AppHandlers = Pick<Handlers, 'app.info' | 'settings.get' | 'settings.set'>;

export function appHandlers(ctx: BackendContext): AppHandlers {
  const readLanguage = () => readLanguageSetting(ctx.db.db);
  return {
    'app.info': () => ({
      appVersion: ctx.config.appVersion,
      dbSchemaVersion: ctx.db.schemaVersion,
      dataDir: ctx.config.dataDir,
      protocolVersion: PROTOCOL_VERSION,
      mode: ctx.config.mode,
      serverUrl: ctx.config.serverUrl,
    }),
    'settings.get': () => ({ language: readLanguage() }),
    'settings.set': (args) => {
      if (args.language) {
        ctx.db.db
          .insert(settings)
          .values({ key: 'language', value: args.language })
          .onConflictDoUpdate({ target: settings.key, set: { value: args.language } })
          .run();
        ctx.events.emit('settings.changed', { language: args.language });
      }
      return { language: readLanguage() };
    },
  };
}
