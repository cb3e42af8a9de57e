/** The server's refusal in the user's language when the code is one the domain knows; else the server's text. */
import type { AttentionItem } from '../../../../domain/api/sync';
import { contractRefusalCodeSchema, type ContractRefusal } from '../../../../domain/contract-machine';
import type { Language } from '../../../../domain/i18n-languages';
import { MAX_REWORK_ATTEMPTS } from '../../../../domain/rules';
import { contractRefusalMessage } from '../../../../domain/texts';

/** Refusals whose text needs nothing but the code. */
const simple: Partial<Record<string, ContractRefusal>> = {
  CONTRACT_WITHDRAWN: { code: 'CONTRACT_WITHDRAWN' },
  REWORK_LIMIT_REACHED: { code: 'REWORK_LIMIT_REACHED', limit: MAX_REWORK_ATTEMPTS },
  NO_FLAGGED_DOCUMENT: { code: 'NO_FLAGGED_DOCUMENT' },
  NO_DOCUMENTS: { code: 'NO_DOCUMENTS' },
};

export function refusalText(item: Pick<AttentionItem, 'code' | 'message'>, lang: Language): string {
  const code = contractRefusalCodeSchema.safeParse(item.code);
  const refusal = code.success ? simple[code.data] : undefined;
  if (refusal) return contractRefusalMessage(refusal, lang);
  return [item.message, item.code].filter(Boolean).join(' · ');
}
