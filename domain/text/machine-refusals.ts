/** The state machines' refusals as catalogue texts: the refusal's code with what its template needs. */
import type { ContractRefusal } from '../contract-machine';
import type { SpecialQueueRefusal } from '../special-queue-machine';
import { text, type TextRef } from './text-ref';

export function contractRefusalText(refusal: ContractRefusal): TextRef {
  switch (refusal.code) {
    case 'INVALID_TRANSITION':
      return text(refusal.code, { status: text(`contractStatus.${refusal.status}`) });
    case 'REWORK_LIMIT_REACHED':
      return text(refusal.code, { limit: refusal.limit });
    case 'DOCUMENT_FLAGGED':
    case 'DOCUMENT_NOT_REVIEWED':
    case 'DOCUMENT_NOT_FOUND':
    case 'FLAGGED_DOCUMENT_NOT_REPLACED':
    case 'DOCUMENT_NOT_REPLACEABLE':
      return text(refusal.code, { count: refusal.documentIds.length });
    case 'REQUIRED_DOCUMENT_MISSING':
    case 'REQUIRED_DOCUMENT_NOT_APPROVED':
      return text(refusal.code, { document: text(`documentKind.${refusal.kinds[0]}`), count: refusal.kinds.length });
    default:
      return text(refusal.code);
  }
}

export function specialQueueRefusalText(refusal: SpecialQueueRefusal): TextRef {
  switch (refusal.code) {
    case 'ALREADY_DECIDED':
      return text(refusal.code, { status: text(`specialQueueStatus.${refusal.status}`) });
    default:
      return text(refusal.code);
  }
}
