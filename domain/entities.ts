/**
 * Rows the server syncs down to the client (DESIGN §5). The server stores them, the client replicates them
 * read-only; both validate them with these schemas. Dates are ISO `YYYY-MM-DD` (Kazakhstan local date),
 * instants ISO-8601 UTC.
 */
import { z } from 'zod';
import {
  contractStatusSchema,
  directionStatusSchema,
  documentReviewStatusSchema,
  organisationKindSchema,
  specialQueueStatusSchema,
  staffRoleSchema,
} from './statuses';
import {
  archiveReasonSchema,
  contractRejectReasonSchema,
  correctionTypeSchema,
  documentKindSchema,
  flagReasonSchema,
  specialQueueRejectReasonSchema,
  teachingLanguageSchema,
} from './catalogue-ids';
import { voucherSchema } from './voucher';
import { deadlineBasisSchema } from './deadline';
import { calendarYearFieldsSchema } from './calendar-data';
import { groupAgeSchema, groupKindSchema, groupPlacesSchema, specialNeedsLimitSchema } from './groups';
import { revocationCheckSchema } from './pki/revocation/record';
import { signatureTimestampSchema } from './pki/timestamp/record';

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const instantSchema = z.string().datetime({ offset: true });
export const iinSchema = z.string().regex(/^\d{12}$/, 'expected 12 digits');
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
/**
 * Text a request may carry into storage: no control characters except tab and line breaks (PostgreSQL refuses NUL
 * in text and jsonb), no lone surrogates (not valid UTF-8), no noncharacters.
 */
export const plainTextSchema = z.string().regex(/^(?:[\t\n\r]|[^\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}])*$/u, 'forbidden character');
/** Identifiers and tokens: the same, without any control character at all. */
export const tokenTextSchema = z.string().regex(/^[^\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]*$/u, 'forbidden character');
export const idSchema = tokenTextSchema.min(1).max(64);

export const organisationSchema = z.object({
  id: idSchema,
  kind: organisationKindSchema,
  bin: iinSchema,
  nameKk: plainTextSchema,
  nameRu: plainTextSchema,
  address: plainTextSchema,
  headFullName: plainTextSchema,
  region: plainTextSchema,
  locality: plainTextSchema,
  version: z.number().int(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const staffSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  iin: iinSchema,
  fullName: plainTextSchema,
  position: plainTextSchema,
  roles: z.array(staffRoleSchema).min(1),
  version: z.number().int(),
});
export type Staff = z.infer<typeof staffSchema>;

export const personSchema = z.object({
  fullName: plainTextSchema.min(1),
  iin: iinSchema,
});

export const childSchema = personSchema.extend({
  birthDate: isoDateSchema,
  sex: z.enum(['male', 'female']),
});
export type Child = z.infer<typeof childSchema>;

export const parentSchema = personSchema.extend({
  idDocumentNumber: plainTextSchema,
  address: plainTextSchema,
  phone: plainTextSchema,
  workplace: plainTextSchema,
  position: plainTextSchema,
});
export type Parent = z.infer<typeof parentSchema>;

export const bankDetailsSchema = z.object({
  iban: plainTextSchema,
  bic: plainTextSchema,
  bankName: plainTextSchema,
});

export const directionSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  number: plainTextSchema,
  status: directionStatusSchema,
  child: childSchema,
  parentFullName: plainTextSchema,
  parentIin: iinSchema,
  parentPhone: plainTextSchema,
  isVoucher: z.boolean(),
  /** The teaching language the parent asked for in the queue. */
  teachingLanguage: teachingLanguageSchema,
  /** The correction type of the child's confirmed PMPK conclusion, or null without one. */
  correctionType: correctionTypeSchema.nullable(),
  issuedOn: isoDateSchema,
  offerDueOn: isoDateSchema,
  /** What offerDueOn was computed from (null on rows older than the synced calendar). */
  offerDueBasis: deadlineBasisSchema.nullable().default(null),
  /** The special-queue application whose voucher this direction realises (the parent chose this kindergarten). */
  voucherApplicationId: idSchema.nullable().default(null),
  version: z.number().int(),
});
export type Direction = z.infer<typeof directionSchema>;

export const signatureInfoSchema = z.object({
  cms: plainTextSchema, // base64 DER of the CMS SignedData
  signerIin: iinSchema,
  signerFullName: plainTextSchema,
  signerBin: iinSchema.nullable(),
  certSerial: plainTextSchema,
  signedAt: instantSchema,
  /** The server's revocation check when it applied the decision (absent: not checked, e.g. the demo). */
  revocation: revocationCheckSchema.nullable().optional(),
  /** RFC 3161 timestamp of a contract signature; when present, signedAt is its genTime. */
  timestamp: signatureTimestampSchema.nullable().optional(),
});
export type SignatureInfo = z.infer<typeof signatureInfoSchema>;

export const contractSchema = z.object({
  id: idSchema,
  number: plainTextSchema,
  orgId: idSchema,
  directionId: idSchema.nullable(),
  status: contractStatusSchema,
  version: z.number().int(),
  /** How many times the contract was returned for rework (≤ MAX_REWORK_ATTEMPTS). */
  reworkCount: z.number().int().nonnegative(),
  /** Submission round: 1 on first submission, +1 on each resubmission. */
  round: z.number().int().nonnegative(),
  isVoucher: z.boolean(),
  /** The child comes from the special queue: the PMPK conclusion is one of the required documents. */
  pmpkConclusion: z.boolean().default(false),
  child: childSchema,
  parent: parentSchema,
  bank: bankDetailsSchema.nullable(),
  /** The group the offer reserved a place in (id null for contracts made before groups existed). */
  group: z.object({ id: idSchema.nullable(), nameKk: plainTextSchema, nameRu: plainTextSchema }),
  teachingLanguage: teachingLanguageSchema,
  startDate: isoDateSchema,
  offeredOn: isoDateSchema,
  submittedAt: instantSchema.nullable(),
  /** Working-day deadline of the party that must act now (parent: sign; kindergarten: review). */
  dueOn: isoDateSchema.nullable(),
  /** What dueOn was computed from (null on rows older than the synced calendar). */
  dueBasis: deadlineBasisSchema.nullable().default(null),
  templateVersion: plainTextSchema,
  /** SHA-256 of the contract PDF the parent signed; the head signs the same bytes. */
  pdfSha256: sha256Schema.nullable(),
  parentSignature: signatureInfoSchema.nullable(),
  headSignature: signatureInfoSchema.nullable(),
  signedAt: instantSchema.nullable(),
  rejectReason: contractRejectReasonSchema.nullable(),
  rejectComment: plainTextSchema.nullable(),
  archivedOn: isoDateSchema.nullable(),
  archiveReason: archiveReasonSchema.nullable(),
  updatedAt: instantSchema,
});
export type Contract = z.infer<typeof contractSchema>;

export const contractDocumentSchema = z.object({
  id: idSchema,
  contractId: idSchema,
  kind: documentKindSchema,
  /** The submission round in which this file was uploaded. */
  round: z.number().int().positive(),
  /** False once a later round replaced this file. */
  current: z.boolean(),
  fileName: plainTextSchema,
  mime: z.enum(['image/jpeg', 'application/pdf']),
  size: z.number().int().positive(),
  sha256: sha256Schema,
  reviewStatus: documentReviewStatusSchema,
  flagReason: flagReasonSchema.nullable(),
  flagComment: plainTextSchema.nullable(),
  reviewedByIin: iinSchema.nullable(),
  reviewedAt: instantSchema.nullable(),
  version: z.number().int(),
});
export type ContractDocument = z.infer<typeof contractDocumentSchema>;

export const historyEventSchema = z.object({
  id: idSchema,
  subjectType: z.enum(['contract', 'special_queue', 'direction']),
  subjectId: idSchema,
  at: instantSchema,
  kind: plainTextSchema,
  actorName: plainTextSchema,
  round: z.number().int().nullable(),
  details: z.record(plainTextSchema, z.unknown()),
  version: z.number().int(),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

export const specialQueueApplicationSchema = z.object({
  id: idSchema,
  number: plainTextSchema,
  pmpkOrgId: idSchema,
  status: specialQueueStatusSchema,
  version: z.number().int(),
  child: childSchema,
  parentFullName: plainTextSchema,
  parentIin: iinSchema,
  parentPhone: plainTextSchema,
  correctionType: correctionTypeSchema,
  confirmedCorrectionType: correctionTypeSchema.nullable(),
  conclusionNumber: plainTextSchema,
  conclusionDate: isoDateSchema,
  conclusionSha256: sha256Schema,
  conclusionMime: z.enum(['image/jpeg', 'application/pdf']),
  conclusionSize: z.number().int().positive(),
  locality: plainTextSchema,
  kindergartens: z.array(plainTextSchema).min(1),
  /**
   * The chosen kindergartens' names as the portal sent them with the application: a PMPK's replica holds no
   * kindergarten rows, and its specialists must see names, not ids. Rows from before it have none.
   */
  chosenKindergartens: z.array(z.object({ id: idSchema, nameKk: plainTextSchema, nameRu: plainTextSchema })).default([]),
  teachingLanguage: teachingLanguageSchema,
  submittedAt: instantSchema,
  parentSignature: signatureInfoSchema.nullable(),
  queuePlace: z.number().int().positive().nullable(),
  decidedByFullName: plainTextSchema.nullable(),
  decidedAt: instantSchema.nullable(),
  rejectReason: specialQueueRejectReasonSchema.nullable(),
  rejectComment: plainTextSchema.nullable(),
  note: plainTextSchema.nullable(),
  /** Issued when the application's turn comes (domain/voucher.ts); null while it waits in the queue. */
  voucher: voucherSchema.nullable().default(null),
  /** Why the application left the queue when its status is `archived`. */
  archivedReason: z.enum(['age_limit', 'voucher_declined', 'voucher_annulled']).nullable().default(null),
});
export type SpecialQueueApplication = z.infer<typeof specialQueueApplicationSchema>;

export const groupNameSchema = plainTextSchema.trim().min(1).max(100);

export const groupSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  nameKk: groupNameSchema,
  nameRu: groupNameSchema,
  /** Age in full years at the end of the calendar year. */
  ageYears: groupAgeSchema,
  teachingLanguage: teachingLanguageSchema,
  kind: groupKindSchema,
  /** Set for special groups only: the PMPK correction type the group serves. */
  correctionType: correctionTypeSchema.nullable(),
  specialNeedsLimit: specialNeedsLimitSchema,
  places: groupPlacesSchema,
  status: z.enum(['open', 'closed']),
  closedOn: isoDateSchema.nullable(),
  version: z.number().int(),
});
export type Group = z.infer<typeof groupSchema>;

/** One year of the working-day calendar; every client receives it (the server keeps it out of any organisation). */
export const calendarYearSchema = calendarYearFieldsSchema.extend({
  /** The year as text, e.g. "2027". */
  id: idSchema,
  /** The calendar version (import) that last changed this year. */
  calendarVersion: z.number().int().positive(),
  importedAt: instantSchema,
  version: z.number().int(),
});
export type CalendarYearRow = z.infer<typeof calendarYearSchema>;

/** Every synced entity, by the name used in the sync protocol. */
export const entitySchemas = {
  organisation: organisationSchema,
  staff: staffSchema,
  direction: directionSchema,
  contract: contractSchema,
  contractDocument: contractDocumentSchema,
  historyEvent: historyEventSchema,
  specialQueueApplication: specialQueueApplicationSchema,
  group: groupSchema,
  calendarYear: calendarYearSchema,
} as const;
export type EntityName = keyof typeof entitySchemas;
export const entityNames = Object.keys(entitySchemas) as EntityName[];
export const entityNameSchema = z.enum(entityNames as [EntityName, ...EntityName[]]);
export type EntityRow<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;
