import { z } from 'zod';

/**
 * Stable ids of the catalogues. Labels (kk/ru/en) live in domain/catalogues.ts; ids never change once data
 * carries them.
 */
export const documentKinds = [
  'child_photo',
  'birth_certificate',
  'parent_id',
  'health_passport', // 052-2/у (legacy 026/у-3)
  'immunisation_passport', // 065/у (legacy 063/у)
  'certificate_027', // 027/у, where required
  'pmpk_conclusion',
  'other',
] as const;
export const documentKindSchema = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const flagReasons = ['unreadable', 'expired', 'wrong_document', 'data_mismatch', 'incomplete', 'other'] as const;
export const flagReasonSchema = z.enum(flagReasons);
export type FlagReason = z.infer<typeof flagReasonSchema>;

export const contractRejectReasons = [
  'no_places',
  'age_mismatch',
  'documents_invalid',
  'direction_invalid',
  'parent_refused',
  'other',
] as const;
export const contractRejectReasonSchema = z.enum(contractRejectReasons);
export type ContractRejectReason = z.infer<typeof contractRejectReasonSchema>;

export const archiveReasons = ['moved', 'school', 'health', 'parent_request', 'other'] as const;
export const archiveReasonSchema = z.enum(archiveReasons);
export type ArchiveReason = z.infer<typeof archiveReasonSchema>;

export const specialQueueRejectReasons = [
  'conclusion_invalid',
  'conclusion_expired',
  'data_mismatch',
  'correction_type_mismatch',
  'documents_unreadable',
  'other',
] as const;
export const specialQueueRejectReasonSchema = z.enum(specialQueueRejectReasons);
export type SpecialQueueRejectReason = z.infer<typeof specialQueueRejectReasonSchema>;

export const correctionTypes = [
  'hearing',
  'vision',
  'speech',
  'intellectual',
  'developmental_delay',
  'musculoskeletal',
  'autism_spectrum',
  'complex',
] as const;
export const correctionTypeSchema = z.enum(correctionTypes);
export type CorrectionType = z.infer<typeof correctionTypeSchema>;

export const teachingLanguages = ['kk', 'ru'] as const;
export const teachingLanguageSchema = z.enum(teachingLanguages);
export type TeachingLanguage = z.infer<typeof teachingLanguageSchema>;
