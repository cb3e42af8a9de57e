/**
 * Contract review (issue 8): the inbox (tabs, search, sort, filters, paging), the contract screen and the
 * decisions. Lists read the local replica with the outbox overlaid, so every decision shows at once as pending.
 */
import { z } from 'zod';
import { SIGNATURE_ALGORITHMS } from '../pki/signature-algorithms';
import {
  archiveReasonSchema,
  contractRejectReasonSchema,
  flagReasonSchema,
} from '../catalogue-ids';
import {
  contractDocumentSchema,
  contractSchema,
  directionSchema,
  historyEventSchema,
  idSchema,
  iinSchema,
  instantSchema,
  isoDateSchema,
  organisationSchema,
  sha256Schema,
} from '../entities';
import { contractStatusSchema, documentReviewStatusSchema } from '../statuses';
import { revocationCheckSchema } from '../pki/revocation/record';
import { textParamsSchema } from '../text/text-ref';

/** The staff inbox tabs; `directions` lists directions awaiting an offer, the others contracts. */
export const contractTabs = ['review', 'rework', 'signed', 'archive'] as const;
export const contractTabSchema = z.enum(contractTabs);
export type ContractInboxTab = z.infer<typeof contractTabSchema>;
export const inboxTabs = [...contractTabs, 'directions'] as const;
export type InboxTab = (typeof inboxTabs)[number];

/** Pending: queued, not confirmed yet; attention: the server refused it (Needs attention). */
export const overlayStateSchema = z.enum(['pending', 'attention']).nullable();
export type RowOverlayState = z.infer<typeof overlayStateSchema>;

export const contractSortSchema = z.enum(['submittedAt', 'dueOn', 'childName', 'parentName', 'reworkCount']);
export type ContractSort = z.infer<typeof contractSortSchema>;
const sortDirSchema = z.enum(['asc', 'desc']);

/** A free-text search: IIN digits (prefix) or words of a name / contract number. */
const searchSchema = z.string().trim().max(100).default('');

export const contractListArgsSchema = z
  .object({
    tab: contractTabSchema,
    search: searchSchema,
    sort: contractSortSchema.default('dueOn'),
    dir: sortDirSchema.default('asc'),
    filter: z
      .object({
        voucherOnly: z.boolean().default(false),
        overdueOnly: z.boolean().default(false),
        withDecisionsOnly: z.boolean().default(false),
        /** Only contracts whose place is in this group. */
        groupId: idSchema.nullable().default(null),
      })
      .strict()
      .default({ voucherOnly: false, overdueOnly: false, withDecisionsOnly: false, groupId: null }),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(500).default(100),
  })
  .strict();
export type ContractListArgs = z.input<typeof contractListArgsSchema>;
export type ContractListQuery = z.output<typeof contractListArgsSchema>;

export const contractListRowSchema = z.object({
  id: idSchema,
  number: z.string(),
  status: contractStatusSchema,
  childName: z.string(),
  childIin: iinSchema,
  parentName: z.string(),
  submittedAt: instantSchema.nullable(),
  dueOn: isoDateSchema.nullable(),
  /** Working days left until `dueOn` (negative = overdue), counted from today in Kazakhstan. */
  workingDaysLeft: z.number().int().nullable(),
  /** `dueOn` lies in a calendar year that is not confirmed yet: a decree may still move it. */
  dueProvisional: z.boolean(),
  reworkCount: z.number().int().nonnegative(),
  isVoucher: z.boolean(),
  sync: overlayStateSchema,
});
export type ContractListRow = z.infer<typeof contractListRowSchema>;

export const listPageSchema = <T extends z.ZodTypeAny>(row: T) => z.object({ total: z.number().int().nonnegative(), offset: z.number().int(), rows: z.array(row) });

export const directionListArgsSchema = z
  .object({
    search: searchSchema,
    dir: sortDirSchema.default('asc'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(500).default(100),
  })
  .strict();
export type DirectionListArgs = z.input<typeof directionListArgsSchema>;

export const directionListRowSchema = z.object({
  id: idSchema,
  number: z.string(),
  childName: z.string(),
  childIin: iinSchema,
  parentName: z.string(),
  issuedOn: isoDateSchema,
  offerDueOn: isoDateSchema,
  workingDaysLeft: z.number().int(),
  dueProvisional: z.boolean(),
  isVoucher: z.boolean(),
  sync: overlayStateSchema,
});
export type DirectionListRow = z.infer<typeof directionListRowSchema>;

export const inboxCountsSchema = z.object({
  review: z.number().int(),
  rework: z.number().int(),
  signed: z.number().int(),
  archive: z.number().int(),
  directions: z.number().int(),
});
export type InboxCounts = z.infer<typeof inboxCountsSchema>;

/** A signature on the contract PDF (the parent's or the head's), checked locally against the trusted roots. */
export const signatureVerdictSchema = z.object({
  /** The CMS verifies over the regenerated contract bytes and chains to a trusted root. */
  valid: z.boolean(),
  /** The signer's certificate IIN equals the expected one (the parent's in the contract; the head's the server recorded). */
  iinMatches: z.boolean(),
  signerName: z.string().nullable(),
  signerIin: z.string().nullable(),
  signedAt: instantSchema.nullable(),
  /** What is wrong (a stable code the UI translates), null when valid and matching. */
  problem: z
    .enum(['NO_SIGNATURE', 'PDF_UNAVAILABLE', 'MALFORMED', 'INVALID_SIGNATURE', 'UNTRUSTED_CHAIN', 'CERT_EXPIRED', 'CERT_NOT_YET_VALID', 'WRONG_KEY_USAGE', 'WRONG_SIGNER', 'WRONG_ORG', 'ROLE_NOT_ALLOWED', 'CERT_REVOKED'])
    .nullable(),
  detail: z.string().nullable(),
  /** The online revocation check of the signer's certificate; null when the signature itself did not verify. */
  revocation: revocationCheckSchema.nullable(),
  /** The «signature details» panel: what was checked, from the same report `npm run cms:verify` prints. */
  details: z.object({
    algorithm: z.enum(SIGNATURE_ALGORITHMS).nullable(),
    certificateSerial: z.string(),
    validFrom: instantSchema,
    validTo: instantSchema,
    organisation: z.string().nullable(),
    bin: z.string().nullable(),
    /** Subject names from the signer's certificate up to the trusted NCA certificate. */
    chain: z.array(z.string()),
  }).nullable().default(null),
});
export type SignatureVerdict = z.infer<typeof signatureVerdictSchema>;

/** A document as the screen shows it: synced row + the pending local decision, if any. */
export const reviewDocumentSchema = contractDocumentSchema.extend({
  /** The review status with the user's queued decision applied. */
  effectiveStatus: documentReviewStatusSchema,
  effectiveReason: flagReasonSchema.nullable(),
  effectiveComment: z.string().nullable(),
  sync: overlayStateSchema,
  /** Uploaded in the latest round while an earlier round existed: the parent replaced it after rework. */
  changedSinceLastRound: z.boolean(),
  /** The file this one replaced (previous round), for comparison. */
  previousId: idSchema.nullable(),
});
export type ReviewDocument = z.infer<typeof reviewDocumentSchema>;

export const contractActionsSchema = z.object({
  review: z.boolean(),
  returnForRework: z.boolean(),
  sign: z.boolean(),
  reject: z.boolean(),
  archive: z.boolean(),
  /** The session user's role allows signing and rejecting. */
  maySign: z.boolean(),
  /** Why the main action is not available (a refusal code the UI translates), null when it is. */
  signBlockedBy: z.string().nullable(),
  reworkBlockedBy: z.string().nullable(),
});
export type ContractActions = z.infer<typeof contractActionsSchema>;

export const contractDetailSchema = z.object({
  contract: contractSchema,
  organisation: organisationSchema.nullable(),
  documents: z.array(reviewDocumentSchema),
  /** Files replaced in a later round (history of rounds). */
  previousDocuments: z.array(contractDocumentSchema),
  history: z.array(historyEventSchema),
  /** Decisions queued for the contract itself (not per document), newest last. */
  pendingDecisions: z.array(z.object({ id: z.number().int(), name: z.string(), state: z.enum(['pending', 'attention']), code: z.string().nullable(), params: textParamsSchema.nullable(), message: z.string().nullable() })),
  sync: overlayStateSchema,
  actions: contractActionsSchema,
  workingDaysLeft: z.number().int().nullable(),
  dueProvisional: z.boolean(),
});
export type ContractDetail = z.infer<typeof contractDetailSchema>;

const contractIdArgs = z.object({ contractId: idSchema }).strict();
/** Whose signature on the contract PDF: the parent's (default) or the head's «Подписать и зачислить». */
export const signatureVerdictArgsSchema = z.object({ contractId: idSchema, party: z.enum(['parent', 'head']).default('parent') }).strict();
export type SignatureParty = z.infer<typeof signatureVerdictArgsSchema>['party'];
const commentSchema = z.string().trim().max(1000).nullable().default(null);
const queued = z.object({ clientSeq: z.number().int().positive() });

export const contractMethods = {
  'contracts.list': { args: contractListArgsSchema, result: listPageSchema(contractListRowSchema) },
  'contracts.counts': { args: z.object({ search: searchSchema }).strict(), result: inboxCountsSchema },
  'directions.list': { args: directionListArgsSchema, result: listPageSchema(directionListRowSchema) },
  'directions.get': { args: z.object({ id: idSchema }).strict(), result: directionSchema.extend({ sync: overlayStateSchema }) },
  'contracts.get': { args: z.object({ id: idSchema }).strict(), result: contractDetailSchema },
  'contracts.signatureVerdict': { args: signatureVerdictArgsSchema, result: signatureVerdictSchema },
  /** «Принять документ» / «Отметить замечание»: no signature, queued at once. */
  'contracts.markDocument': {
    args: z
      .object({
        contractId: idSchema,
        documentId: idSchema,
        decision: z.enum(['approved', 'flagged']),
        reason: flagReasonSchema.nullable().default(null),
        comment: commentSchema,
      })
      .strict(),
    result: queued,
  },
  'contracts.returnForRework': { args: z.object({ contractId: idSchema, message: commentSchema }).strict(), result: queued },
  /** The regenerated contract PDF for the preview before signing; refuses if it differs from what the parent signed. */
  'contracts.pdf': { args: contractIdArgs, result: z.object({ sha256: sha256Schema, base64: z.string() }) },
  'contracts.sign': { args: contractIdArgs, result: queued },
  'contracts.reject': {
    args: z.object({ contractId: idSchema, reason: contractRejectReasonSchema, comment: commentSchema }).strict(),
    result: queued,
  },
  'contracts.offer': {
    args: z
      .object({ directionId: idSchema, groupId: idSchema, startDate: isoDateSchema })
      .strict(),
    result: queued.extend({ contractId: idSchema }),
  },
  'contracts.archive': {
    args: z.object({ contractId: idSchema, archivedOn: isoDateSchema, reason: archiveReasonSchema, comment: commentSchema }).strict(),
    result: queued,
  },
  /** The signed copy (contract + signatures page + attached CMS) for download. */
  'contracts.signedCopy': { args: contractIdArgs, result: z.object({ fileName: z.string(), base64: z.string() }) },
} as const;
