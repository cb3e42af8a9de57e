/**
 * What the contract PDF is made of: the fields of both parties, taken from the synced Contract and
 * Organisation rows. Everything that changes the bytes is in here (and nothing else is), so the same
 * ContractPdfData always renders the same PDF.
 */
import { z } from 'zod';
import { bankDetailsSchema, childSchema, iinSchema, isoDateSchema, parentSchema, type Contract, type Organisation } from '../entities';
import { teachingLanguageSchema } from '../catalogue-ids';

export const contractPdfDataSchema = z.object({
  templateVersion: z.string().min(1),
  contract: z.object({
    number: z.string().min(1),
    /** The contract's date: the day the kindergarten made the offer (stable across rework rounds). */
    date: isoDateSchema,
    /** The group's name in each language of the contract. */
    group: z.object({ kk: z.string(), ru: z.string() }),
    teachingLanguage: teachingLanguageSchema,
    startDate: isoDateSchema,
    isVoucher: z.boolean(),
  }),
  organisation: z.object({
    nameKk: z.string().min(1),
    nameRu: z.string().min(1),
    bin: iinSchema,
    address: z.string(),
    headFullName: z.string(),
    locality: z.string(),
  }),
  parent: parentSchema,
  bank: bankDetailsSchema.nullable(),
  child: childSchema,
});
export type ContractPdfData = z.infer<typeof contractPdfDataSchema>;

export function contractPdfData(contract: Contract, org: Organisation): ContractPdfData {
  if (contract.orgId !== org.id) {
    throw new Error(`contract-pdf: contract ${contract.number} belongs to organisation ${contract.orgId}, not ${org.id}`);
  }
  return {
    templateVersion: contract.templateVersion,
    contract: {
      number: contract.number,
      date: contract.offeredOn,
      group: { kk: contract.group.nameKk, ru: contract.group.nameRu },
      teachingLanguage: contract.teachingLanguage,
      startDate: contract.startDate,
      isVoucher: contract.isVoucher,
    },
    organisation: {
      nameKk: org.nameKk,
      nameRu: org.nameRu,
      bin: org.bin,
      address: org.address,
      headFullName: org.headFullName,
      locality: org.locality,
    },
    parent: { ...contract.parent },
    bank: contract.bank ? { ...contract.bank } : null,
    child: { ...contract.child },
  };
}
