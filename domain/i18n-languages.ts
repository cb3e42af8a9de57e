import { z } from 'zod';

/** Kazakh and Russian are required; English is for support staff and developers. */
export const languages = ['kk', 'ru', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;
export const defaultLanguage: Language = 'kk';

/** A text in every UI language. */
export const localizedSchema = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
export type Localized = z.infer<typeof localizedSchema>;
