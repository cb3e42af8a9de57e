/** EDS login (DESIGN §5): the server's nonce signed through NCALayer with an authentication key. */
import { z } from 'zod';
import { ncaLayerFailureSchema } from '../ncalayer-errors';
import { sessionUserSchema } from '../sync-protocol';
import { mutationNameSchema } from '../mutations';

const empty = z.object({}).strict();

export const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  /** Decisions the user's staff roles allow (the server checks again); drives which buttons are enabled. */
  allowed: z.array(mutationNameSchema),
});
export type Session = z.infer<typeof sessionSchema>;

export const ncaLayerStatusSchema = z.discriminatedUnion('running', [
  z.object({ running: z.literal(true), version: z.string() }),
  z.object({ running: z.literal(false), failure: ncaLayerFailureSchema }),
]);
export type NcaLayerStatus = z.infer<typeof ncaLayerStatusSchema>;

export const authMethods = {
  'auth.session': { args: empty, result: sessionSchema },
  /** Opens NCALayer's key dialog, signs the server's challenge, logs in; resolves with the new session. */
  'auth.login': { args: empty, result: sessionSchema },
  /** Forgets the token on this machine; the outbox and the replica stay (nothing is lost). */
  'auth.logout': { args: empty, result: sessionSchema },
  'ncalayer.status': { args: empty, result: ncaLayerStatusSchema },
} as const;

export const authEvents = {
  'auth.session': sessionSchema,
} as const;
