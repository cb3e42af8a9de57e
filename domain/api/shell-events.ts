import { z } from 'zod';

/**
 * Events raised by the Electron shell (electron/main), not by the backend: the backend worker's health and the
 * auto-updater's progress. In dev:web they never fire.
 */
export const shellEvents = {
  /** The backend worker restarted after a crash (a notice), or gave up (the app must be restarted). */
  'backend.status': z.object({
    state: z.enum(['starting', 'ready', 'crashed', 'failed', 'stopped']),
    restarts: z.number().int().nonnegative().optional(),
  }),
  /** Auto-update: `percent` only while downloading; `version` once known. Installed on the next restart. */
  'update.status': z.object({
    state: z.enum(['checking', 'available', 'none', 'downloading', 'downloaded', 'error']),
    version: z.string().max(64).optional(),
    percent: z.number().min(0).max(100).optional(),
  }),
} as const;
