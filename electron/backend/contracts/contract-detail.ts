/**
 * The contract screen's data: the synced contract with its documents (current and replaced), history, and the
 * user's queued decisions overlaid — a document approved offline shows as approved (pending), and the actions the
 * machine allows are computed from that effective state, so a whole review can be finished offline.
 */
import type Database from 'better-sqlite3';
import { needsAttention, overlayOf } from '../sync/attention';
import type { ContractActions, ContractDetail, ReviewDocument } from '../../../domain/api/contracts';
import { isProvisionalDate, workingDaysLeft } from '../../../domain/calendar';
import { canReviewDocuments, contractStateOf, transitionContract } from '../../../domain/contract-machine';
import { AppError } from '../../../domain/envelope';
import {
  contractDocumentSchema,
  contractSchema,
  historyEventSchema,
  organisationSchema,
  type Contract,
  type ContractDocument,
} from '../../../domain/entities';
import type { SessionUser } from '../../../domain/sync-protocol';
import { mayDecide } from '../../../domain/signing-policy';
import type { OutboxRow } from '../sync/outbox';

export interface DetailSources {
  sqlite: Database.Database;
  outboxFor: (entity: 'contract', id: string) => OutboxRow[];
  user: () => SessionUser | null;
  today: () => string;
}

const isRefused = (row: OutboxRow) => needsAttention(row.status);

export function readContract(sqlite: Database.Database, id: string): Contract {
  const row = sqlite.prepare('SELECT data FROM contracts WHERE id = ?').get(id) as { data: string } | undefined;
  if (!row) throw new AppError('CONTRACT_NOT_FOUND', 'No such contract in your data.');
  return contractSchema.parse(JSON.parse(row.data));
}

function readDocuments(sqlite: Database.Database, contractId: string): ContractDocument[] {
  const rows = sqlite.prepare('SELECT data FROM contract_documents WHERE contract_id = ? ORDER BY round, kind').all(contractId) as Array<{ data: string }>;
  return rows.map((r) => contractDocumentSchema.parse(JSON.parse(r.data)));
}

/** The latest queued mark per document (a refused one only flags the document for attention). */
function documentOverlay(decisions: OutboxRow[]): Map<string, OutboxRow> {
  const latest = new Map<string, OutboxRow>();
  for (const row of decisions) {
    if (row.name === 'contract.markDocument') latest.set(String(row.args.documentId), row);
  }
  return latest;
}

function reviewDocument(doc: ContractDocument, contract: Contract, all: ContractDocument[], mark: OutboxRow | undefined): ReviewDocument {
  const queued = mark && !isRefused(mark) ? mark : undefined;
  const previous = all
    .filter((d) => !d.current && d.kind === doc.kind && d.round < doc.round)
    .sort((a, b) => b.round - a.round)[0];
  return {
    ...doc,
    effectiveStatus: queued ? (queued.args.decision as 'approved' | 'flagged') : doc.reviewStatus,
    effectiveReason: queued ? ((queued.args.reason as ReviewDocument['effectiveReason']) ?? null) : doc.flagReason,
    effectiveComment: queued ? ((queued.args.comment as string | null) ?? null) : doc.flagComment,
    sync: mark ? (isRefused(mark) ? 'attention' : 'pending') : null,
    changedSinceLastRound: contract.round > 1 && doc.round === contract.round && previous !== undefined,
    previousId: previous?.id ?? null,
  };
}

function actionsFor(contract: Contract, documents: ReviewDocument[], inFlight: boolean, user: SessionUser | null): ContractActions {
  const state = contractStateOf(contract, documents.map((d) => ({ id: d.id, kind: d.kind, current: d.current, reviewStatus: d.effectiveStatus })));
  const maySign = mayDecide(user, 'contract.sign');
  const sign = transitionContract(state, { type: 'sign' });
  const rework = transitionContract(state, { type: 'returnForRework' });
  const free = !inFlight;
  return {
    review: free && canReviewDocuments(state),
    returnForRework: free && rework.ok,
    sign: free && maySign && sign.ok,
    reject: free && maySign && transitionContract(state, { type: 'reject' }).ok,
    archive: free && transitionContract(state, { type: 'archive' }).ok,
    maySign,
    signBlockedBy: inFlight ? 'DECISION_PENDING' : !maySign ? 'ROLE_NOT_ALLOWED' : sign.ok ? null : sign.refusal.code,
    reworkBlockedBy: inFlight ? 'DECISION_PENDING' : rework.ok ? null : rework.refusal.code,
  };
}

export function contractDetail(src: DetailSources, id: string): ContractDetail {
  const contract = readContract(src.sqlite, id);
  const all = readDocuments(src.sqlite, id);
  const decisions = src.outboxFor('contract', id);
  const marks = documentOverlay(decisions);
  const documents = all.filter((d) => d.current).map((d) => reviewDocument(d, contract, all, marks.get(d.id)));
  const contractDecisions = decisions.filter((d) => d.name !== 'contract.markDocument');
  const inFlight = contractDecisions.some((d) => !isRefused(d));
  const orgRow = src.sqlite.prepare('SELECT data FROM organisations WHERE id = ?').get(contract.orgId) as { data: string } | undefined;
  const history = (src.sqlite
    .prepare("SELECT data FROM history_events WHERE subject_type = 'contract' AND subject_id = ? ORDER BY at, id")
    .all(id) as Array<{ data: string }>).map((r) => historyEventSchema.parse(JSON.parse(r.data)));
  return {
    contract,
    organisation: orgRow ? organisationSchema.parse(JSON.parse(orgRow.data)) : null,
    documents,
    previousDocuments: all.filter((d) => !d.current),
    history,
    pendingDecisions: contractDecisions.map((d) => ({ id: d.clientSeq, name: d.name, state: isRefused(d) ? 'attention' : 'pending', code: d.resultCode, params: d.resultParams, message: d.resultMessage })),
    sync: decisions.length === 0 ? null : overlayOf(decisions.map((d) => d.status)),
    actions: actionsFor(contract, documents, inFlight, src.user()),
    workingDaysLeft: contract.dueOn ? workingDaysLeft(src.today(), contract.dueOn) : null,
    dueProvisional: contract.dueOn ? isProvisionalDate(contract.dueOn) : false,
  };
}
