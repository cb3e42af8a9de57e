/** Sync protocol v1 (DESIGN §5) as zod schemas: the server validates requests with them, the client responses. */
import { z } from 'zod';
import { entityNameSchema, iinSchema, instantSchema, tokenTextSchema } from './entities';
import { mutationNameSchema } from './mutations';
import { staffRoleSchema } from './statuses';
import { textParamsSchema } from './text/text-ref';

export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_BATCH = 100;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 1000;
export const HEADER_CLIENT_ID = 'x-client-id';
export const HEADER_PROTOCOL_VERSION = 'x-protocol-version';

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), minAppVersion: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const challengeResponseSchema = z.object({ nonce: z.string().min(16), expiresAt: instantSchema });
export const loginRequestSchema = z.object({ nonce: tokenTextSchema.min(16).max(200), cms: z.string().min(16).max(100_000) }).strict();
export const sessionUserSchema = z.object({
  id: z.string(),
  iin: iinSchema,
  fullName: z.string(),
  roles: z.array(staffRoleSchema),
  orgs: z.array(z.object({ id: z.string(), bin: iinSchema, kind: z.enum(['kindergarten', 'pmpk']), name: z.string() })),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;
export const loginResponseSchema = z.object({ token: z.string().min(16), expiresAt: instantSchema, user: sessionUserSchema });

export const changeSchema = z.object({
  seq: z.number().int().positive(),
  entity: entityNameSchema,
  op: z.enum(['upsert', 'delete']),
  id: z.string(),
  version: z.number().int(),
  /** Present for upserts; validated against entitySchemas[entity] by the receiver. */
  data: z.unknown().optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const mutationStatusSchema = z.enum(['applied', 'duplicate', 'rejected', 'conflict']);
export type MutationStatus = z.infer<typeof mutationStatusSchema>;

export const mutationResultSchema = z.object({
  clientSeq: z.number().int().positive(),
  mutationId: z.string(),
  status: mutationStatusSchema,
  /** A code of the text catalogue (domain/text) with its parameters; `message` is the server's fallback text. */
  code: z.string().optional(),
  params: textParamsSchema.optional(),
  message: z.string().optional(),
  /** For conflicts: the entity as the server has it now. */
  current: z.unknown().optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const bootstrapMetaSchema = z.object({
  _meta: z.object({ cursor: z.number().int().nonnegative(), counts: z.record(z.string(), z.number().int().nonnegative()) }),
});
export const bootstrapRowSchema = z.object({ entity: entityNameSchema, id: z.string(), version: z.number().int(), data: z.unknown() });
export type BootstrapRow = z.infer<typeof bootstrapRowSchema>;

export const pullQuerySchema = z.object({
  cursor: z.coerce.number().int().nonnegative(),
  limit: z.coerce.number().int().positive().max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export const pullResponseSchema = z.union([
  z.object({
    changes: z.array(changeSchema),
    cursor: z.number().int().nonnegative(),
    hasMore: z.boolean(),
    mutations: z.array(mutationResultSchema.omit({ current: true })),
  }),
  z.object({ resetRequired: z.enum(['cursorExpired', 'scopeChanged', 'schemaChanged']) }),
]);
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const pushMutationSchema = z.object({
  clientSeq: z.number().int().positive(),
  mutationId: tokenTextSchema.min(8).max(64),
  name: mutationNameSchema,
  /** Validated per name with mutationArgsSchemas by the server; a bad shape is a `rejected` result. */
  args: z.record(tokenTextSchema.max(64), z.unknown()),
  baseVersion: z.number().int().nonnegative(),
  createdAt: instantSchema,
});
export type PushMutation = z.infer<typeof pushMutationSchema>;
export const pushRequestSchema = z
  .object({ clientId: tokenTextSchema.min(8).max(64), mutations: z.array(pushMutationSchema).min(1).max(MAX_PUSH_BATCH) })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;
export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema), lastClientSeq: z.number().int().nonnegative() });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** The poke frame of /v1/events: carries no data, only tells the client to pull. */
export const pokeSchema = z.object({ type: z.literal('poke'), cursor: z.number().int().nonnegative() });
