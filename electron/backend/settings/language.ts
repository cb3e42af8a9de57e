import { eq } from 'drizzle-orm';
import { defaultLanguage, languageSchema, type Language } from '../../../domain/i18n-languages';
import { settings } from '../../../db/schema';
import type { LocalDb } from '../../../db/open';

/** The interface language the person chose (Settings / login screen), the default when none was saved. */
export function readLanguageSetting(db: LocalDb): Language {
  const row = db.select().from(settings).where(eq(settings.key, 'language')).get();
  const parsed = languageSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaultLanguage;
}
