import { z } from 'zod';
import { languageSchema } from '../i18n-languages';

export const appInfoSchema = z.object({
  appVersion: z.string(),
  dbSchemaVersion: z.number().int().nonnegative(),
  dataDir: z.string(),
  protocolVersion: z.number().int().positive(),
  mode: z.enum(['demo', 'production']),
  serverUrl: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const settingsSchema = z.object({
  language: languageSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const appMethods = {
  'app.info': { args: z.object({}).strict(), result: appInfoSchema },
  'settings.get': { args: z.object({}).strict(), result: settingsSchema },
  'settings.set': { args: settingsSchema.partial().strict(), result: settingsSchema },
} as const;
