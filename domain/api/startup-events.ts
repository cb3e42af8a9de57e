import { z } from 'zod';

/**
 * Events of the backend's start-up, before it answers calls: the one-time re-encryption of a database left by an
 * earlier version can take minutes on a large replica, so the window shows its progress instead of a blank page.
 * The backend host repeats the latest one to every new subscriber (a page that loads late still sees where it is).
 */
export const startupEvents = {
  'backend.startup': z.discriminatedUnion('state', [
    z.object({
      state: z.literal('reencrypting'),
      /** 1-based file being re-encrypted (the replica first, then the local database) and how many there are. */
      fileNumber: z.number().int().positive(),
      files: z.number().int().positive(),
      /** Of the current file's rows. */
      percent: z.number().int().min(0).max(100),
    }),
    z.object({
      state: z.literal('reencrypted'),
      files: z.number().int().positive(),
      rows: z.number().int().nonnegative(),
      /** Base name of the legacy file kept beside the database as a backup. */
      backupFile: z.string().max(200),
    }),
  ]),
} as const;
