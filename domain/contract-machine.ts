/**
 * The contract lifecycle (DESIGN §2) as a pure transition function. The server applies it to decide a
 * mutation; the client uses the same function (and the can* helpers) to enable buttons and to explain a refusal
 * before anything is signed.
 *
 *   offer_sent ─parentOpened→ awaiting_parent ─parentSubmitted→ submitted
 *   submitted | resubmitted ─returnForRework→ rework_requested ─parentResubmitted→ resubmitted
 *   submitted | resubmitted ─sign→ signed ─archive→ archived
 *   submitted | resubmitted ─reject→ rejected
 *   any open state ─parentWithdrew→ withdrawn;  offer_sent | awaiting_parent | rework_requested ─expire→ expired
 */
import { z } from 'zod';
import type { Contract, ContractDocument } from './entities';
import type { ContractStatus, DocumentReviewStatus } from './statuses';
import { MAX_REWORK_ATTEMPTS } from './rules';
import type { DocumentKind } from './catalogue-ids';
import { requiredDocumentsOf } from './required-documents';

export interface ContractDocumentState {
  readonly id: string;
  readonly reviewStatus: DocumentReviewStatus;
  /** Known for stored documents; documents the machine creates from bare ids carry none. */
  readonly kind?: DocumentKind;
}

export interface ContractState {
  readonly status: ContractStatus;
  /** Returns for rework so far. */
  readonly reworkCount: number;
  /** Submission round: 0 before the first submission, +1 on each (re)submission. */
  readonly round: number;
  /** The current documents (replaced files are not listed). */
  readonly documents: readonly ContractDocumentState[];
  /** The documents signing needs (domain/required-documents.ts); contractStateOf always fills them. */
  readonly requiredDocumentKinds?: readonly DocumentKind[];
}

export type ContractEvent =
  | { readonly type: 'parentOpened' }
  | { readonly type: 'parentSubmitted'; readonly documentIds: readonly string[] }
  | { readonly type: 'markDocument'; readonly documentId: string; readonly decision: 'approved' | 'flagged' }
  | { readonly type: 'returnForRework' }
  /** Each flagged document is replaced by a new file; approved ones stay as they are. */
  | { readonly type: 'parentResubmitted'; readonly replacements: readonly { readonly documentId: string; readonly newDocumentId: string }[] }
  | { readonly type: 'sign' }
  | { readonly type: 'reject' }
  | { readonly type: 'parentWithdrew' }
  | { readonly type: 'expire' }
  | { readonly type: 'archive' };
export type ContractEventType = ContractEvent['type'];

export const contractRefusalCodes = [
  'CONTRACT_WITHDRAWN',
  'INVALID_TRANSITION',
  'REWORK_LIMIT_REACHED',
  'DOCUMENT_FLAGGED',
  'DOCUMENT_NOT_REVIEWED',
  'NO_FLAGGED_DOCUMENT',
  'DOCUMENT_NOT_FOUND',
  'FLAGGED_DOCUMENT_NOT_REPLACED',
  'DOCUMENT_NOT_REPLACEABLE',
  'NO_DOCUMENTS',
  'REQUIRED_DOCUMENT_MISSING',
  'REQUIRED_DOCUMENT_NOT_APPROVED',
] as const;
export const contractRefusalCodeSchema = z.enum(contractRefusalCodes);
export type ContractRefusalCode = z.infer<typeof contractRefusalCodeSchema>;

export type ContractRefusal =
  | { readonly code: 'CONTRACT_WITHDRAWN' }
  | { readonly code: 'INVALID_TRANSITION'; readonly status: ContractStatus; readonly event: ContractEventType }
  | { readonly code: 'REWORK_LIMIT_REACHED'; readonly limit: number }
  | { readonly code: 'DOCUMENT_FLAGGED'; readonly documentIds: readonly string[] }
  | { readonly code: 'DOCUMENT_NOT_REVIEWED'; readonly documentIds: readonly string[] }
  | { readonly code: 'NO_FLAGGED_DOCUMENT' }
  | { readonly code: 'DOCUMENT_NOT_FOUND'; readonly documentIds: readonly string[] }
  | { readonly code: 'FLAGGED_DOCUMENT_NOT_REPLACED'; readonly documentIds: readonly string[] }
  | { readonly code: 'DOCUMENT_NOT_REPLACEABLE'; readonly documentIds: readonly string[] }
  | { readonly code: 'NO_DOCUMENTS' }
  | { readonly code: 'REQUIRED_DOCUMENT_MISSING'; readonly kinds: readonly DocumentKind[] }
  | { readonly code: 'REQUIRED_DOCUMENT_NOT_APPROVED'; readonly kinds: readonly DocumentKind[] };

export type ContractTransition =
  | { readonly ok: true; readonly state: ContractState }
  | { readonly ok: false; readonly refusal: ContractRefusal };

/** Statuses from which each event may start. */
const allowedFrom: Readonly<Record<ContractEventType, readonly ContractStatus[]>> = {
  parentOpened: ['offer_sent'],
  parentSubmitted: ['offer_sent', 'awaiting_parent'],
  markDocument: ['submitted', 'resubmitted'],
  returnForRework: ['submitted', 'resubmitted'],
  parentResubmitted: ['rework_requested'],
  sign: ['submitted', 'resubmitted'],
  reject: ['submitted', 'resubmitted'],
  parentWithdrew: ['offer_sent', 'awaiting_parent', 'submitted', 'rework_requested', 'resubmitted'],
  expire: ['offer_sent', 'awaiting_parent', 'rework_requested'],
  archive: ['signed'],
};

/** The machine's view of a synced contract and its documents (files replaced in a later round are ignored). */
export function contractStateOf(
  contract: Pick<Contract, 'status' | 'reworkCount' | 'round' | 'isVoucher' | 'pmpkConclusion'>,
  documents: readonly Pick<ContractDocument, 'id' | 'reviewStatus' | 'current' | 'kind'>[],
): ContractState {
  return {
    status: contract.status,
    reworkCount: contract.reworkCount,
    round: contract.round,
    documents: documents.filter((d) => d.current).map((d) => ({ id: d.id, reviewStatus: d.reviewStatus, kind: d.kind })),
    requiredDocumentKinds: requiredDocumentsOf(contract),
  };
}

/** The state a new offer starts in. */
export function initialContractState(): ContractState {
  return { status: 'offer_sent', reworkCount: 0, round: 0, documents: [] };
}

const refuse = (refusal: ContractRefusal): ContractTransition => ({ ok: false, refusal });
const accept = (state: ContractState): ContractTransition => ({ ok: true, state });

const idsWith = (state: ContractState, reviewStatus: DocumentReviewStatus): string[] =>
  state.documents.filter((d) => d.reviewStatus === reviewStatus).map((d) => d.id);

export function transitionContract(state: ContractState, event: ContractEvent): ContractTransition {
  // A withdrawn contract is gone for the kindergarten: every decision on it gets this one clear answer.
  if (state.status === 'withdrawn') return refuse({ code: 'CONTRACT_WITHDRAWN' });
  if (!allowedFrom[event.type].includes(state.status)) {
    return refuse({ code: 'INVALID_TRANSITION', status: state.status, event: event.type });
  }
  switch (event.type) {
    case 'parentOpened':
      return accept({ ...state, status: 'awaiting_parent' });
    case 'parentSubmitted': {
      if (event.documentIds.length === 0) return refuse({ code: 'NO_DOCUMENTS' });
      const documents = [...new Set(event.documentIds)].map((id) => ({ id, reviewStatus: 'pending' as const }));
      return accept({ ...state, status: 'submitted', round: state.round + 1, documents });
    }
    case 'markDocument': {
      if (!state.documents.some((d) => d.id === event.documentId)) {
        return refuse({ code: 'DOCUMENT_NOT_FOUND', documentIds: [event.documentId] });
      }
      const documents = state.documents.map((d) => (d.id === event.documentId ? { ...d, reviewStatus: event.decision } : d));
      return accept({ ...state, documents });
    }
    case 'returnForRework': {
      if (state.reworkCount >= MAX_REWORK_ATTEMPTS) return refuse({ code: 'REWORK_LIMIT_REACHED', limit: MAX_REWORK_ATTEMPTS });
      const pending = idsWith(state, 'pending');
      if (pending.length > 0) return refuse({ code: 'DOCUMENT_NOT_REVIEWED', documentIds: pending });
      if (idsWith(state, 'flagged').length === 0) return refuse({ code: 'NO_FLAGGED_DOCUMENT' });
      return accept({ ...state, status: 'rework_requested', reworkCount: state.reworkCount + 1 });
    }
    case 'parentResubmitted':
      return resubmit(state, event.replacements);
    case 'sign': {
      if (state.documents.length === 0) return refuse({ code: 'NO_DOCUMENTS' });
      const required = requiredProblem(state);
      if (required) return refuse(required);
      const flagged = idsWith(state, 'flagged');
      if (flagged.length > 0) return refuse({ code: 'DOCUMENT_FLAGGED', documentIds: flagged });
      const pending = idsWith(state, 'pending');
      if (pending.length > 0) return refuse({ code: 'DOCUMENT_NOT_REVIEWED', documentIds: pending });
      return accept({ ...state, status: 'signed' });
    }
    case 'reject':
      return accept({ ...state, status: 'rejected' });
    case 'parentWithdrew':
      return accept({ ...state, status: 'withdrawn' });
    case 'expire':
      return accept({ ...state, status: 'expired' });
    case 'archive':
      return accept({ ...state, status: 'archived' });
  }
}

/** The first required document kinds that are absent, else those present but not approved; null when all are. */
function requiredProblem(state: ContractState): ContractRefusal | null {
  const required = state.requiredDocumentKinds ?? [];
  const missing = required.filter((kind) => !state.documents.some((d) => d.kind === kind));
  if (missing.length > 0) return { code: 'REQUIRED_DOCUMENT_MISSING', kinds: missing };
  const unapproved = required.filter((kind) => state.documents.some((d) => d.kind === kind && d.reviewStatus !== 'approved'));
  return unapproved.length > 0 ? { code: 'REQUIRED_DOCUMENT_NOT_APPROVED', kinds: unapproved } : null;
}

function resubmit(
  state: ContractState,
  replacements: readonly { readonly documentId: string; readonly newDocumentId: string }[],
): ContractTransition {
  const replaced = new Map(replacements.map((r) => [r.documentId, r.newDocumentId]));
  const unknown = [...replaced.keys()].filter((id) => !state.documents.some((d) => d.id === id));
  if (unknown.length > 0) return refuse({ code: 'DOCUMENT_NOT_FOUND', documentIds: unknown });
  const notFlagged = state.documents.filter((d) => replaced.has(d.id) && d.reviewStatus !== 'flagged').map((d) => d.id);
  if (notFlagged.length > 0) return refuse({ code: 'DOCUMENT_NOT_REPLACEABLE', documentIds: notFlagged });
  const missing = idsWith(state, 'flagged').filter((id) => !replaced.has(id));
  if (missing.length > 0) return refuse({ code: 'FLAGGED_DOCUMENT_NOT_REPLACED', documentIds: missing });
  const documents = state.documents.map((d) => {
    const newId = replaced.get(d.id);
    return newId === undefined ? d : { id: newId, reviewStatus: 'pending' as const };
  });
  return accept({ ...state, status: 'resubmitted', round: state.round + 1, documents });
}

/** Statuses after which nothing can happen to the contract except archiving a signed one. */
export const closedContractStatuses: ReadonlySet<ContractStatus> = new Set(['rejected', 'withdrawn', 'expired', 'archived']);

export const canReturnForRework = (state: ContractState): boolean => transitionContract(state, { type: 'returnForRework' }).ok;
export const canSign = (state: ContractState): boolean => transitionContract(state, { type: 'sign' }).ok;
export const canReject = (state: ContractState): boolean => transitionContract(state, { type: 'reject' }).ok;
export const canArchive = (state: ContractState): boolean => transitionContract(state, { type: 'archive' }).ok;
/** Whether documents can be approved or flagged now (the contract is waiting for the kindergarten's review). */
export const canReviewDocuments = (state: ContractState): boolean => allowedFrom.markDocument.includes(state.status);
