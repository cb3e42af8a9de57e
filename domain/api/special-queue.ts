/**
 * Special queue (PMPK): the specialist's lists, one application with its conclusion and history, and the two signed
 * decisions (DESIGN §2). Lists are windows (offset/limit) so 100k applications scroll without loading them all.
 */
import { z } from 'zod';
import { correctionTypeSchema, specialQueueRejectReasonSchema } from '../catalogue-ids';
import {
  historyEventSchema,
  idSchema,
  iinSchema,
  instantSchema,
  sha256Schema,
  specialQueueApplicationSchema,
} from '../entities';
import { mutationNameSchema } from '../mutations';
import { textParamsSchema } from '../text/text-ref';
import { signatureVerdictSchema } from './contracts';
import { specialQueueStatusSchema, type SpecialQueueStatus } from '../statuses';

/** «Ожидание подтверждения документов», confirmed, rejected (the archive). */
export const specialQueueTabs = ['awaiting', 'confirmed', 'rejected'] as const;
export const specialQueueTabSchema = z.enum(specialQueueTabs);
export type SpecialQueueTab = z.infer<typeof specialQueueTabSchema>;

export const specialQueueTabStatus: Readonly<Record<SpecialQueueTab, SpecialQueueStatus>> = {
  awaiting: 'awaiting_confirmation',
  confirmed: 'confirmed',
  rejected: 'rejected',
};

/** At most this many rows per window: enough for a screen and its overscan. */
export const SPECIAL_QUEUE_MAX_WINDOW = 200;

const searchSchema = z.string().trim().max(100).default('');

/** A decision of this user still in the outbox: waiting for the server, or refused (Needs attention). */
export const decisionOverlaySchema = z.enum(['pending', 'attention']);
export type DecisionOverlay = z.infer<typeof decisionOverlaySchema>;

export const specialQueueRowSchema = z.object({
  id: idSchema,
  number: z.string(),
  status: specialQueueStatusSchema,
  childFullName: z.string(),
  childIin: iinSchema,
  /** The confirmed type when the specialist corrected it, else the requested one. */
  correctionType: correctionTypeSchema,
  locality: z.string(),
  submittedAt: instantSchema,
  /** Working days from submission to the decision (or to today while awaiting). */
  waitingWorkingDays: z.number().int(),
  queuePlace: z.number().int().positive().nullable(),
  /** The child turns 7 by the end of this year while still waiting: the server archives the application. */
  reachesAgeLimit: z.boolean(),
  overlay: decisionOverlaySchema.nullable(),
});
export type SpecialQueueRow = z.infer<typeof specialQueueRowSchema>;

export const specialQueueListArgsSchema = z
  .object({
    tab: specialQueueTabSchema,
    search: searchSchema,
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(SPECIAL_QUEUE_MAX_WINDOW).default(50),
  })
  .strict();
export type SpecialQueueListArgs = z.input<typeof specialQueueListArgsSchema>;

export const specialQueueListSchema = z.object({
  /** Rows of the tab matching the search; the window is rows[offset … offset + limit). */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(specialQueueRowSchema),
});
export type SpecialQueueList = z.infer<typeof specialQueueListSchema>;

export const specialQueueCountsSchema = z.object({
  awaiting: z.number().int().nonnegative(),
  confirmed: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type SpecialQueueCounts = z.infer<typeof specialQueueCountsSchema>;

export const pendingDecisionSchema = z.object({
  overlay: decisionOverlaySchema,
  name: mutationNameSchema,
  createdAt: instantSchema,
  code: z.string().nullable(),
  params: textParamsSchema.nullable(),
  message: z.string().nullable(),
});

export const specialQueueDetailSchema = z.object({
  application: specialQueueApplicationSchema.omit({ parentSignature: true }),
  waitingWorkingDays: z.number().int(),
  /** The chosen kindergartens with their names when the replica knows them. */
  kindergartens: z.array(z.object({ id: idSchema, name: z.object({ kk: z.string(), ru: z.string() }).nullable() })),
  conclusion: z.object({ sha256: sha256Schema, mime: z.string(), size: z.number().int().positive(), downloaded: z.boolean() }),
  /** The parent's signature over the conclusion; null while the conclusion is still downloading. */
  parentSignature: signatureVerdictSchema.nullable(),
  history: z.array(historyEventSchema),
  /** The newest of this user's decisions on it not yet reflected in the replica. */
  decision: pendingDecisionSchema.nullable(),
  /** Awaiting confirmation, nothing in the outbox, and the user's roles allow deciding. */
  canDecide: z.boolean(),
});
export type SpecialQueueDetail = z.infer<typeof specialQueueDetailSchema>;

const commentSchema = z.string().trim().max(1000);

export const confirmApplicationArgsSchema = z
  .object({
    applicationId: idSchema,
    /** The type stated in the conclusion when it differs from the requested one; needs a note. */
    correctionType: correctionTypeSchema.nullable().default(null),
    note: commentSchema.nullable().default(null),
  })
  .strict()
  .refine((a) => !a.correctionType || !!a.note, { path: ['note'], message: 'a corrected type needs a note' });

export const rejectApplicationArgsSchema = z
  .object({
    applicationId: idSchema,
    reason: specialQueueRejectReasonSchema,
    comment: commentSchema.nullable().default(null),
  })
  .strict()
  .refine((a) => a.reason !== 'other' || !!a.comment, { path: ['comment'], message: 'reason "other" needs a comment' });

const queuedSchema = z.object({ clientSeq: z.number().int().positive(), mutationId: z.string() });

export const specialQueueMethods = {
  'specialQueue.list': { args: specialQueueListArgsSchema, result: specialQueueListSchema },
  'specialQueue.counts': { args: z.object({ search: searchSchema }).strict(), result: specialQueueCountsSchema },
  'specialQueue.get': { args: z.object({ id: idSchema }).strict(), result: specialQueueDetailSchema },
  /** The previous and next application of the same tab and search (J/K on the application screen). */
  'specialQueue.neighbours': {
    args: z.object({ id: idSchema, tab: specialQueueTabSchema, search: searchSchema }).strict(),
    result: z.object({ previousId: idSchema.nullable(), nextId: idSchema.nullable() }),
  },
  /** Signs through NCALayer, checks the signature locally and queues `specialQueue.confirm`. */
  'specialQueue.confirm': { args: confirmApplicationArgsSchema, result: queuedSchema },
  /** Signs through NCALayer, checks the signature locally and queues `specialQueue.reject`. */
  'specialQueue.reject': { args: rejectApplicationArgsSchema, result: queuedSchema },
} as const;
