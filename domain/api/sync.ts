/** Sync, Needs attention and documents: the renderer's view of the sync engine (DESIGN §5). */
import { z } from 'zod';
import { idSchema, instantSchema, sha256Schema } from '../entities';
import { mutationNameSchema } from '../mutations';
import { textParamsSchema } from '../text/text-ref';

const progressSchema = z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() });

export const syncStatusSchema = z.object({
  /** The last request to the server got an answer. */
  online: z.boolean(),
  lastSyncedAt: instantSchema.nullable(),
  /** Decisions not yet confirmed by the server (shown as pending). */
  pending: z.number().int().nonnegative(),
  /** Decisions the server refused or found in conflict (Needs attention). */
  attention: z.number().int().nonnegative(),
  phase: z.enum(['idle', 'bootstrapping', 'pulling', 'pushing']),
  bootstrap: progressSchema.nullable(),
  downloads: progressSchema,
  needsLogin: z.boolean(),
  updateRequired: z.boolean(),
  minAppVersion: z.string().nullable(),
  /** Short technical reason of the last failure (retrying), for the tooltip; null when healthy. */
  lastError: z.string().nullable(),
  /** The server's refusal code of the last failed cycle (e.g. REVOCATION_UNAVAILABLE: decisions wait and are retried). */
  lastErrorCode: z.string().nullable(),
  nextRetryAt: instantSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const attentionItemSchema = z.object({
  id: z.number().int().positive(),
  name: mutationNameSchema,
  target: z.object({ entity: z.enum(['contract', 'direction', 'specialQueueApplication', 'group']), id: idSchema }),
  status: z.enum(['rejected', 'conflict']),
  /** A code of the text catalogue with its parameters; `message` is the server's fallback text. */
  code: z.string().nullable(),
  params: textParamsSchema.nullable(),
  message: z.string().nullable(),
  createdAt: instantSchema,
  answeredAt: instantSchema.nullable(),
  /** The decision's arguments without the signature. */
  args: z.record(z.string(), z.unknown()),
  baseVersion: z.number().int().nonnegative(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

export const attentionDetailSchema = attentionItemSchema.extend({
  /** The target as the server has it now (the server's snapshot for conflicts, else the local replica). */
  current: z.unknown(),
});
export type AttentionDetail = z.infer<typeof attentionDetailSchema>;

const empty = z.object({}).strict();

export const syncMethods = {
  'sync.status': { args: empty, result: syncStatusSchema },
  /** Push and pull now; resolves with the status after the cycle. */
  'sync.now': { args: empty, result: syncStatusSchema },
  /** The window got focus: pull soon. */
  'sync.focus': { args: empty, result: z.object({}) },
  'attention.list': { args: empty, result: z.array(attentionItemSchema) },
  'attention.get': { args: z.object({ id: z.number().int().positive() }).strict(), result: attentionDetailSchema },
  /** Drops a refused decision (the renderer asks the user to confirm first). */
  'attention.discard': { args: z.object({ id: z.number().int().positive() }).strict(), result: z.object({}) },
  /** A document's bytes for the web bridge (Electron uses doc://<sha256>). */
  'documents.get': {
    args: z.object({ sha256: sha256Schema }).strict(),
    result: z.object({ sha256: sha256Schema, mime: z.string(), base64: z.string() }),
  },
} as const;

export const syncEvents = {
  'sync.status': syncStatusSchema,
} as const;
