/**
 * What a parent does on the portal, applied directly to the server's rows: submit a contract (documents, the
 * contract PDF, the parent's detached CMS over it), resubmit replacing flagged documents, withdraw.
 * Used by the demo seed and the parent simulator; decisions go through the same domain contract machine.
 */
import { randomUUID } from 'node:crypto';
import type { DocumentKind } from '../../domain/catalogue-ids';
import { contractPdfData, type ContractPdfData } from '../../domain/contract-pdf';
import { transitionContract, type ContractEvent } from '../../domain/contract-machine';
import type { Child, Contract, ContractDocument, Organisation, Parent, SpecialQueueApplication } from '../../domain/entities';
import type { CorrectionType } from '../../domain/catalogue-ids';
import { conclusionPdf } from '../seed/conclusion-pdf';
import { displayText } from '../../domain/text/catalogue';
import { contractRefusalText } from '../../domain/text/machine-refusals';
import { todayInKazakhstan } from '../../domain/calendar';
import { deadlineBasis, dueOnOf } from '../../domain/deadline';
import { HttpError } from '../../server/http/errors';
import type { StoredRow } from '../../server/store/entity-store';
import type { RowWriter } from '../../server/store/row-writer';
import { contractState } from '../../server/mutations/contract-state';
import type { ParentKeyring } from '../seed/parent-keys';
import type { SeedCache } from '../seed/cache';

/** The demo's PMPK: every special-queue application of the parent simulator goes there. */
export const PMPK_ORG_ID = 'pmpk1';

/** Working days the kindergarten has to review a submission (shown as the deadline in the inbox). */
export const REVIEW_WORKING_DAYS = 3;

/** The kindergarten's review deadline for a contract the parent submitted on `submittedOn`. */
export function reviewDeadline(submittedOn: string): Pick<Contract, 'dueOn' | 'dueBasis'> {
  const dueBasis = deadlineBasis(submittedOn, REVIEW_WORKING_DAYS);
  return { dueOn: dueOnOf(dueBasis), dueBasis };
}

export interface UploadedDocument {
  kind: DocumentKind;
  fileName: string;
  mime: 'image/jpeg' | 'application/pdf';
  bytes: Uint8Array;
}

export interface ParentTools {
  keyring: ParentKeyring;
  /** DejaVu Sans, for the PMPK conclusion PDFs. */
  fontBytes: Uint8Array;
  /** Renders the contract PDF (in process or on the seed's worker pool). */
  renderPdf: (data: ContractPdfData) => Promise<Uint8Array>;
  cache: SeedCache;
}

async function currentDocuments(store: RowWriter, contractId: string): Promise<ContractDocument[]> {
  const rows = await store.listWhere('contractDocument', 'contractId', contractId);
  return rows.map((r) => r.data).filter((d) => d.current);
}

async function recordHistory(
  store: RowWriter,
  orgId: string,
  now: Date,
  event: { subjectId: string; kind: string; actorName: string; round: number; details: Record<string, unknown> },
): Promise<void> {
  await store.put('historyEvent', orgId, { id: randomUUID(), at: now.toISOString(), subjectType: 'contract', ...event });
}

function apply(contract: Contract, documents: ContractDocument[], event: ContractEvent) {
  const result = transitionContract(contractState(contract, documents), event);
  if (!result.ok) throw new HttpError(409, result.refusal.code, displayText(contractRefusalText(result.refusal), 'en'));
  return result.state;
}

async function storeDocument(store: RowWriter, contract: Contract, round: number, doc: UploadedDocument): Promise<Omit<ContractDocument, 'version'>> {
  const sha256 = await store.putBlob(doc.bytes, doc.mime, [contract.orgId]);
  return {
    id: randomUUID(),
    contractId: contract.id,
    kind: doc.kind,
    round,
    current: true,
    fileName: doc.fileName,
    mime: doc.mime,
    size: doc.bytes.length,
    sha256,
    reviewStatus: 'pending',
    flagReason: null,
    flagComment: null,
    reviewedByIin: null,
    reviewedAt: null,
  };
}

/** Renders the contract PDF for the contract's current data, stores it and has the parent sign it. */
async function signPdf(store: RowWriter, tools: ParentTools, contract: Contract, now: Date) {
  const org = await store.get('organisation', contract.orgId);
  if (!org) throw new HttpError(500, 'INTERNAL', 'contract without organisation');
  const data = contractPdfData({ ...contract, version: 0 }, org.data as Organisation);
  const pdf = await tools.cache.get({ pdf: data }, () => tools.renderPdf(data));
  const pdfSha256 = await store.putBlob(pdf, 'application/pdf', [contract.orgId]);
  const signed = await tools.keyring.sign(contract.parent.iin, pdf, true, now);
  if (!signed) throw new HttpError(422, 'NO_PARENT_KEY', 'The demo has no test key for this parent');
  // The portal lets only the account's own key sign: the certificate's IIN is the account's IIN.
  if (signed.key.identity.iin !== contract.parent.iin) throw new HttpError(422, 'PARENT_SIGNER_MISMATCH', 'The signing key is not the parent account’s');
  const parentSignature = {
    cms: signed.cms,
    signerIin: signed.key.identity.iin,
    signerFullName: contract.parent.fullName,
    signerBin: null,
    certSerial: signed.key.alias || 'test',
    signedAt: now.toISOString(),
  };
  return { pdfSha256, parentSignature };
}

export async function parentSubmit(
  store: RowWriter,
  tools: ParentTools,
  row: StoredRow<'contract'>,
  parent: Parent,
  uploads: readonly UploadedDocument[],
  now: Date,
): Promise<Contract> {
  const contract = { ...row.data, parent };
  const docs = await Promise.all(uploads.map((u) => storeDocument(store, contract, row.data.round + 1, u)));
  const next = apply(contract, [], { type: 'parentSubmitted', documentIds: docs.map((d) => d.id) });
  for (const doc of docs) await store.put('contractDocument', row.orgId, doc);
  const signature = await signPdf(store, tools, contract, now);
  const today = todayInKazakhstan(now);
  const saved = await store.put('contract', row.orgId, {
    ...contract,
    ...signature,
    status: next.status,
    round: next.round,
    submittedAt: now.toISOString(),
    ...reviewDeadline(today),
    updatedAt: now.toISOString(),
  });
  await recordHistory(store, row.orgId, now, {
    subjectId: row.id, kind: 'submitted', actorName: parent.fullName, round: next.round, details: { documents: docs.length },
  });
  return saved.data;
}

/** Replaces the flagged documents (each by the upload of the same kind) and signs again. */
export async function parentResubmit(
  store: RowWriter,
  tools: ParentTools,
  row: StoredRow<'contract'>,
  replacementFor: (doc: ContractDocument) => UploadedDocument,
  now: Date,
): Promise<Contract> {
  const documents = await currentDocuments(store, row.id);
  const flagged = documents.filter((d) => d.reviewStatus === 'flagged');
  const round = row.data.round + 1;
  const replacements = await Promise.all(flagged.map(async (d) => ({ old: d, fresh: await storeDocument(store, row.data, round, replacementFor(d)) })));
  const next = apply(row.data, documents, {
    type: 'parentResubmitted',
    replacements: replacements.map((r) => ({ documentId: r.old.id, newDocumentId: r.fresh.id })),
  });
  for (const r of replacements) {
    await store.put('contractDocument', row.orgId, { ...r.old, current: false });
    await store.put('contractDocument', row.orgId, r.fresh);
  }
  const signature = await signPdf(store, tools, row.data, now);
  const saved = await store.put('contract', row.orgId, {
    ...row.data,
    ...signature,
    status: next.status,
    round: next.round,
    submittedAt: now.toISOString(),
    ...reviewDeadline(todayInKazakhstan(now)),
    updatedAt: now.toISOString(),
  });
  await recordHistory(store, row.orgId, now, {
    subjectId: row.id, kind: 'resubmitted', actorName: row.data.parent.fullName, round: next.round,
    details: { replaced: replacements.map((r) => r.old.kind) },
  });
  return saved.data;
}

export async function parentWithdraw(store: RowWriter, row: StoredRow<'contract'>, now: Date): Promise<Contract> {
  const documents = await currentDocuments(store, row.id);
  const next = apply(row.data, documents, { type: 'parentWithdrew' });
  const saved = await store.put('contract', row.orgId, { ...row.data, status: next.status, dueOn: null, updatedAt: now.toISOString() });
  await recordHistory(store, row.orgId, now, {
    subjectId: row.id, kind: 'withdrawn', actorName: row.data.parent.fullName, round: row.data.round, details: {},
  });
  return saved.data;
}

export interface SpecialQueueRequest {
  id: string;
  number: string;
  child: Child;
  parentIin: string;
  parentFullName: string;
  parentPhone: string;
  correctionType: CorrectionType;
  locality: string;
  kindergartens: string[];
  teachingLanguage: 'kk' | 'ru';
  conclusionDate: string;
  submittedAt: string;
}

/**
 * The parent applies to the special queue of the PMPK (pmpk1, the demo's only PMPK) with the PMPK conclusion,
 * signed by the parent's test key (`sign: false` only for synthetic benchmark data).
 */
export async function parentApplySpecialQueue(
  store: RowWriter,
  tools: ParentTools,
  request: SpecialQueueRequest,
  options: { sign: boolean; now: Date },
): Promise<SpecialQueueApplication> {
  const { id, number, child, parentIin, parentFullName, parentPhone, ...rest } = request;
  const pdf = await tools.cache.get({ conclusion: number, child, date: rest.conclusionDate, type: request.correctionType }, () =>
    conclusionPdf(tools.fontBytes, child, number, rest.conclusionDate, request.correctionType));
  const sha = await store.putBlob(pdf, 'application/pdf', [PMPK_ORG_ID]);
  const signed = options.sign ? await tools.keyring.sign(parentIin, pdf, true, options.now) : null;
  if (options.sign && !signed) throw new HttpError(422, 'NO_PARENT_KEY', 'The demo has no test key for this parent');
  const chosenKindergartens = [];
  for (const kindergartenId of rest.kindergartens) {
    const org = await store.get('organisation', kindergartenId);
    if (org) chosenKindergartens.push({ id: kindergartenId, nameKk: org.data.nameKk, nameRu: org.data.nameRu });
  }
  const saved = await store.put('specialQueueApplication', PMPK_ORG_ID, {
    id, number, pmpkOrgId: PMPK_ORG_ID, status: 'awaiting_confirmation', child, parentFullName, parentIin, parentPhone,
    correctionType: rest.correctionType, confirmedCorrectionType: null, conclusionNumber: number, conclusionDate: rest.conclusionDate,
    conclusionSha256: sha, conclusionMime: 'application/pdf', conclusionSize: pdf.length, locality: rest.locality,
    kindergartens: rest.kindergartens, chosenKindergartens, teachingLanguage: rest.teachingLanguage, submittedAt: rest.submittedAt, queuePlace: null,
    decidedByFullName: null, decidedAt: null, rejectReason: null, rejectComment: null, note: null, voucher: null, archivedReason: null,
    parentSignature: signed
      ? { cms: signed.cms, signerIin: parentIin, signerFullName: parentFullName, signerBin: null, certSerial: signed.key.alias || 'test', signedAt: options.now.toISOString() }
      : null,
  });
  return saved.data;
}
