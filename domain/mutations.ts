/**
 * The mutations of sync protocol v1 (DESIGN §5): names and zod args. Status-changing decisions carry the
 * user's CMS signature (base64 DER): `contract.sign` a detached CMS over the contract PDF bytes, every other
 * signed decision an attached CMS whose content is `decisionPayload(name, args)` (domain/decision-payload.ts).
 */
import { z } from 'zod';
import {
  archiveReasonSchema,
  contractRejectReasonSchema,
  correctionTypeSchema,
  flagReasonSchema,
  specialQueueRejectReasonSchema,
  teachingLanguageSchema,
} from './catalogue-ids';
import { groupNameSchema, idSchema, isoDateSchema, plainTextSchema, sha256Schema } from './entities';
import { groupAgeSchema, groupCapacitySchema, groupKindSchema, specialNeedsLimitSchema } from './groups';

export const cmsBase64Schema = z
  .string()
  .min(16)
  .max(200_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64 DER of a CMS');
const commentSchema = plainTextSchema.trim().max(1000);

export const markDocumentArgsSchema = z
  .object({
    contractId: idSchema,
    documentId: idSchema,
    decision: z.enum(['approved', 'flagged']),
    reason: flagReasonSchema.nullable().default(null),
    comment: commentSchema.nullable().default(null),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.decision === 'flagged' && !a.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a flag needs a reason' });
    if (a.decision === 'flagged' && a.reason === 'other' && !a.comment)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'reason "other" needs a comment' });
    if (a.decision === 'approved' && (a.reason || a.comment))
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an approval carries no reason' });
  });

export const returnForReworkArgsSchema = z
  .object({ contractId: idSchema, message: commentSchema.nullable().default(null), cms: cmsBase64Schema })
  .strict();

export const signContractArgsSchema = z
  .object({ contractId: idSchema, pdfSha256: sha256Schema, cms: cmsBase64Schema })
  .strict();

export const rejectContractArgsSchema = z
  .object({
    contractId: idSchema,
    reason: contractRejectReasonSchema,
    comment: commentSchema.nullable().default(null),
    cms: cmsBase64Schema,
  })
  .strict()
  .refine((a) => a.reason !== 'other' || !!a.comment, { path: ['comment'], message: 'reason "other" needs a comment' });

export const offerContractArgsSchema = z
  .object({
    directionId: idSchema,
    /** Client-chosen id of the contract the offer creates, so the outbox overlay can show it at once. */
    contractId: idSchema,
    /** The group whose free place the offer reserves; the teaching language is the group's. */
    groupId: idSchema,
    startDate: isoDateSchema,
    cms: cmsBase64Schema,
  })
  .strict();

export const archiveContractArgsSchema = z
  .object({
    contractId: idSchema,
    archivedOn: isoDateSchema,
    reason: archiveReasonSchema,
    comment: commentSchema.nullable().default(null),
    cms: cmsBase64Schema,
  })
  .strict()
  .refine((a) => a.reason !== 'other' || !!a.comment, { path: ['comment'], message: 'reason "other" needs a comment' });

export const confirmSpecialQueueArgsSchema = z
  .object({
    applicationId: idSchema,
    /** Set when the specialist corrects the type to the one in the PMPK conclusion. */
    correctionType: correctionTypeSchema.nullable().default(null),
    note: commentSchema.nullable().default(null),
    cms: cmsBase64Schema,
  })
  .strict()
  .refine((a) => !a.correctionType || !!a.note, { path: ['note'], message: 'a corrected type needs a note' });

export const rejectSpecialQueueArgsSchema = z
  .object({
    applicationId: idSchema,
    reason: specialQueueRejectReasonSchema,
    comment: commentSchema.nullable().default(null),
    cms: cmsBase64Schema,
  })
  .strict()
  .refine((a) => a.reason !== 'other' || !!a.comment, { path: ['comment'], message: 'reason "other" needs a comment' });

/** What the head fills in for a new group (the API's args; the mutation adds the id and the signature). */
export const groupFieldsSchema = z.object({
  nameKk: groupNameSchema,
  nameRu: groupNameSchema,
  ageYears: groupAgeSchema,
  teachingLanguage: teachingLanguageSchema,
  kind: groupKindSchema,
  correctionType: correctionTypeSchema.nullable().default(null),
  capacity: groupCapacitySchema,
  specialNeedsLimit: specialNeedsLimitSchema,
});

/** A special group serves one correction type, other kinds none; the special-needs limit fits in the capacity. */
export function checkGroupFields(a: { kind: string; correctionType: string | null; capacity: number; specialNeedsLimit: number }, ctx: z.RefinementCtx): void {
  if ((a.kind === 'special') !== (a.correctionType !== null)) {
    ctx.addIssue({ code: 'custom', path: ['correctionType'], message: 'a special group needs a correction type, other kinds none' });
  }
  if (a.specialNeedsLimit > a.capacity) ctx.addIssue({ code: 'custom', path: ['specialNeedsLimit'], message: 'the limit cannot exceed the capacity' });
}

export const createGroupArgsSchema = groupFieldsSchema
  .extend({
    /** Client-chosen id, so the outbox overlay can show the new group at once. */
    groupId: idSchema,
    cms: cmsBase64Schema,
  })
  .strict()
  .superRefine(checkGroupFields);

export const updateGroupArgsSchema = z
  .object({ groupId: idSchema, capacity: groupCapacitySchema, specialNeedsLimit: specialNeedsLimitSchema, cms: cmsBase64Schema })
  .strict()
  .refine((a) => a.specialNeedsLimit <= a.capacity, { path: ['specialNeedsLimit'], message: 'the limit cannot exceed the capacity' });

/** Closing at the end of the academic year: the group takes no new offers and leaves the bulletin. */
export const closeGroupArgsSchema = z.object({ groupId: idSchema, closedOn: isoDateSchema, cms: cmsBase64Schema }).strict();

export const mutationArgsSchemas = {
  'contract.markDocument': markDocumentArgsSchema,
  'contract.returnForRework': returnForReworkArgsSchema,
  'contract.sign': signContractArgsSchema,
  'contract.reject': rejectContractArgsSchema,
  'contract.offer': offerContractArgsSchema,
  'contract.archive': archiveContractArgsSchema,
  'specialQueue.confirm': confirmSpecialQueueArgsSchema,
  'specialQueue.reject': rejectSpecialQueueArgsSchema,
  'group.create': createGroupArgsSchema,
  'group.update': updateGroupArgsSchema,
  'group.close': closeGroupArgsSchema,
} as const;
export type MutationName = keyof typeof mutationArgsSchemas;
export const mutationNames = Object.keys(mutationArgsSchemas) as MutationName[];
export const mutationNameSchema = z.enum(mutationNames as [MutationName, ...MutationName[]]);
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutationArgsSchemas)[N]>;

/** Mutations that change a status and therefore must carry the user's signature. */
export const signedMutations: ReadonlySet<MutationName> = new Set(
  mutationNames.filter((n) => n !== 'contract.markDocument'),
);

/** The entity a mutation decides on; used for overlays, conflicts and scope checks. */
export function mutationTarget(name: MutationName, args: Record<string, unknown>): { entity: 'contract' | 'direction' | 'specialQueueApplication' | 'group'; id: string } {
  if (name.startsWith('group.')) return { entity: 'group', id: String(args.groupId) };
  if (name === 'contract.offer') return { entity: 'direction', id: String(args.directionId) };
  if (name.startsWith('specialQueue.')) return { entity: 'specialQueueApplication', id: String(args.applicationId) };
  return { entity: 'contract', id: String(args.contractId) };
}
