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

/** A support export's passphrase: the export format derives its page key from it (PBKDF2), so it must be long. */
export const SUPPORT_EXPORT_MIN_PASSPHRASE = 12;

export const supportExportSchema = z.object({
  /** Where the file was written (the data folder's `exports`) and its name. */
  folder: z.string(),
  fileName: z.string(),
  rows: z.number().int().nonnegative(),
});
export type SupportExport = z.infer<typeof supportExportSchema>;

export const appMethods = {
  'app.info': { args: z.object({}).strict(), result: appInfoSchema },
  'settings.get': { args: z.object({}).strict(), result: settingsSchema },
  'settings.set': { args: settingsSchema.partial().strict(), result: settingsSchema },
  /** The local database and its replica in one SQLCipher 4 file that support tools open with `passphrase`. */
  'support.exportDatabase': {
    args: z.object({ passphrase: z.string().min(SUPPORT_EXPORT_MIN_PASSPHRASE).max(256) }).strict(),
    result: supportExportSchema,
  },
} as const;
