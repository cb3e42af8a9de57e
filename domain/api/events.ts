import { z } from 'zod';
import { authEvents } from './auth';
import { syncEvents } from './sync';
import { shellEvents } from './shell-events';
import { startupEvents } from './startup-events';

/** Events the backend pushes to the renderer. Payloads carry no personal data beyond what the UI shows. */
export const apiEvents = {
  /** Local tables changed (after a sync page, an outbox write, …): the renderer refetches what it shows. */
  'data.changed': z.object({ tables: z.array(z.string()) }),
  'settings.changed': z.object({ language: z.enum(['kk', 'ru', 'en']) }),
  ...shellEvents,
  ...startupEvents,
  ...syncEvents,
  ...authEvents,
} as const;
