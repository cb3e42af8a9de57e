import { z } from 'zod';

/** Contract lifecycle (DESIGN §2). Transitions live in domain/contract-machine.ts. */
export const contractStatuses = [
  'offer_sent', // the kindergarten sent the electronic offer; the parent has not opened it yet
  'awaiting_parent', // the parent is filling data and attaching documents
  'submitted', // signed by the parent, waiting for the kindergarten's review
  'rework_requested', // returned «Доработать»; the parent replaces flagged documents
  'resubmitted', // the parent re-signed after rework
  'signed', // the head signed: the child is enrolled
  'rejected', // the kindergarten refused to conclude the contract
  'withdrawn', // the parent withdrew the contract
  'expired', // the parent did not sign in time
  'archived', // the child left; contract archived
] as const;
export const contractStatusSchema = z.enum(contractStatuses);
export type ContractStatus = z.infer<typeof contractStatusSchema>;

/** `archived`: taken off the queue without a PMPK decision on it (age limit, voucher declined or annulled). */
export const specialQueueStatuses = ['awaiting_confirmation', 'confirmed', 'rejected', 'archived'] as const;
export const specialQueueStatusSchema = z.enum(specialQueueStatuses);
export type SpecialQueueStatus = z.infer<typeof specialQueueStatusSchema>;

export const directionStatuses = ['awaiting_offer', 'offer_sent', 'expired', 'cancelled'] as const;
export const directionStatusSchema = z.enum(directionStatuses);
export type DirectionStatus = z.infer<typeof directionStatusSchema>;

export const documentReviewStatuses = ['pending', 'approved', 'flagged'] as const;
export const documentReviewStatusSchema = z.enum(documentReviewStatuses);
export type DocumentReviewStatus = z.infer<typeof documentReviewStatusSchema>;

/** Staff roles at an organisation (server data). CEO and CAN_SIGN may sign and reject contracts. */
export const staffRoles = ['employee', 'head', 'signer'] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const organisationKinds = ['kindergarten', 'pmpk'] as const;
export const organisationKindSchema = z.enum(organisationKinds);
