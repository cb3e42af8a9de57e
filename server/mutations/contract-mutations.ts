/** The six contract mutations, decided by the domain contract machine after scope, role, version and signature checks. */
import { transitionContract, type ContractEvent, type ContractState } from '../../domain/contract-machine';
import { contractRejectReasonLabels } from '../../domain/catalogues';
import type { Contract } from '../../domain/entities';
import type { MutationArgs } from '../../domain/mutations';
import { parentSignDeadline, reworkAttemptsLeft } from '../../domain/rules';
import { dueOnOf } from '../../domain/deadline';
import { inAllLanguages, parentNotification } from '../../domain/texts';
import { contractRefusalText } from '../../domain/text/machine-refusals';
import { todayInKazakhstan } from '../../domain/calendar';
import { TEMPLATE_VERSION } from '../../domain/contract-pdf';
import { putRow, getRow } from '../store/entity-store';
import {
  loadTarget,
  notifyParent,
  requireBaseVersion,
  requireRole,
  timestampSignature,
  verifyDecisionSignature,
  writeHistory,
  type MutationRun,
} from './common';
import { HttpError } from '../http/errors';
import { contractState, currentDocuments, saveContract } from './contract-state';
import { Refusal, refuse } from './refusal';
import { fitVoucherWindow } from '../../domain/voucher';
import { archiveDateProblem, dateProblemText, offerStartProblem, type DateProblem } from '../../domain/date-rules';
import { markVoucherEnrolled, voucherOfDirection } from '../vouchers/voucher-actions';
import { enrollPlace, releasePlace, reservePlace } from '../groups/places';

function transition(state: ContractState, event: ContractEvent): ContractState {
  const result = transitionContract(state, event);
  if (!result.ok) {
    throw Refusal.of(contractRefusalText(result.refusal));
  }
  return result.state;
}

function refuseDate(problem: DateProblem | null, today: string, signedOn: string | null): void {
  if (problem) throw Refusal.of(dateProblemText(problem, today, signedOn));
}

async function openContract(run: MutationRun, contractId: string) {
  const row = await loadTarget(run, 'contract', contractId);
  requireRole(run, row.orgId);
  requireBaseVersion(run, row);
  const documents = await currentDocuments(run.tx, contractId);
  run.touchedOrgs.add(row.orgId);
  return { row, documents, state: contractState(row.data, documents) };
}

/** Marks one document; the contract's version is untouched so several marks can share one base version. */
export async function markDocument(run: MutationRun, args: MutationArgs<'contract.markDocument'>): Promise<void> {
  const { row, documents, state } = await openContract(run, args.contractId);
  transition(state, { type: 'markDocument', documentId: args.documentId, decision: args.decision });
  const document = documents.find((d) => d.id === args.documentId)!;
  await putRow(run.tx, 'contractDocument', row.orgId, {
    ...document,
    reviewStatus: args.decision,
    flagReason: args.reason,
    flagComment: args.comment,
    reviewedByIin: run.user.iin,
    reviewedAt: run.now.toISOString(),
  });
}

export async function returnForRework(run: MutationRun, args: MutationArgs<'contract.returnForRework'>): Promise<void> {
  const { row, documents, state } = await openContract(run, args.contractId);
  const next = transition(state, { type: 'returnForRework' });
  await verifyDecisionSignature(run, row.orgId, args.cms);
  const today = todayInKazakhstan(run.now);
  const dueBasis = parentSignDeadline(today);
  await saveContract(run.tx, row, next, { dueOn: dueOnOf(dueBasis), dueBasis }, run.now);
  const flagged = documents.filter((d) => d.reviewStatus === 'flagged');
  await writeHistory(run, row.orgId, {
    subjectType: 'contract',
    subjectId: row.id,
    kind: 'returned_for_rework',
    actorName: run.user.fullName,
    round: row.data.round,
    details: { message: args.message, reworkCount: next.reworkCount, flagged: flagged.map((d) => ({ documentId: d.id, kind: d.kind, reason: d.flagReason, comment: d.flagComment })) },
  });
  await notifyParent(run.tx, run.now, {
    parentIin: row.data.parent.iin,
    subjectType: 'contract',
    subjectId: row.id,
    kind: 'rework_requested',
    text: inAllLanguages((lang) => parentNotification.reworkRequested(reworkAttemptsLeft(next.reworkCount), lang)),
  });
}

/** The parent signed this very PDF with a certificate of their own account's IIN, or the head may not sign. */
async function requireParentSigner(run: MutationRun, contract: Contract, pdf: Uint8Array): Promise<void> {
  const signature = contract.parentSignature;
  if (!signature) throw refuse('PARENT_SIGNATURE_INVALID');
  const check = await run.ctx.verifier.verify({ cmsBase64: signature.cms, content: pdf, detached: true, purpose: 'sign' }, new Date(signature.signedAt));
  if (!check.ok) {
    if (check.retryable) throw new HttpError(503, check.code, check.message);
    throw refuse('PARENT_SIGNATURE_INVALID');
  }
  if (check.signer.iin !== contract.parent.iin) throw refuse('PARENT_SIGNER_MISMATCH');
}

export async function signContract(run: MutationRun, args: MutationArgs<'contract.sign'>): Promise<void> {
  const { row, state } = await openContract(run, args.contractId);
  const next = transition(state, { type: 'sign' });
  const pdf = row.data.pdfSha256 ? await run.ctx.blobs.readWhole(run.tx, row.data.pdfSha256) : null;
  if (!pdf || args.pdfSha256 !== row.data.pdfSha256) throw refuse('PDF_MISMATCH');
  await requireParentSigner(run, row.data, pdf.bytes);
  const signature = await timestampSignature(run, await verifyDecisionSignature(run, row.orgId, args.cms, pdf.bytes));
  await saveContract(run.tx, row, next, { headSignature: signature, signedAt: signature.signedAt, dueOn: null }, run.now);
  const direction = row.data.directionId ? await getRow(run.tx, 'direction', row.data.directionId) : null;
  if (direction) await markVoucherEnrolled(run, direction.data);
  await enrollPlace(run.tx, row.id);
  await writeHistory(run, row.orgId, {
    subjectType: 'contract',
    subjectId: row.id,
    kind: 'signed',
    actorName: run.user.fullName,
    round: row.data.round,
    details: { pdfSha256: args.pdfSha256, certSerial: signature.certSerial },
  });
  await notifyParent(run.tx, run.now, {
    parentIin: row.data.parent.iin,
    subjectType: 'contract',
    subjectId: row.id,
    kind: 'enrolled',
    text: inAllLanguages((lang) => parentNotification.enrolled(lang)),
  });
}

export async function rejectContract(run: MutationRun, args: MutationArgs<'contract.reject'>): Promise<void> {
  const { row, state } = await openContract(run, args.contractId);
  const next = transition(state, { type: 'reject' });
  await verifyDecisionSignature(run, row.orgId, args.cms);
  const rejected = await saveContract(run.tx, row, next, { rejectReason: args.reason, rejectComment: args.comment, dueOn: null }, run.now);
  // Listeners release the group place (and whatever else an ended offer holds).
  await run.ctx.offerEnded.notify(run.tx, rejected, 'rejected');
  await writeHistory(run, row.orgId, {
    subjectType: 'contract',
    subjectId: row.id,
    kind: 'rejected',
    actorName: run.user.fullName,
    round: row.data.round,
    details: { reason: args.reason, comment: args.comment },
  });
  await notifyParent(run.tx, run.now, {
    parentIin: row.data.parent.iin,
    subjectType: 'contract',
    subjectId: row.id,
    kind: 'contract_rejected',
    text: inAllLanguages((lang) => parentNotification.contractRejected(contractRejectReasonLabels[args.reason][lang], lang)),
  });
}

export async function archiveContract(run: MutationRun, args: MutationArgs<'contract.archive'>): Promise<void> {
  const { row, state } = await openContract(run, args.contractId);
  const next = transition(state, { type: 'archive' });
  const signedOn = row.data.signedAt ? todayInKazakhstan(new Date(row.data.signedAt)) : null;
  refuseDate(archiveDateProblem(args.archivedOn, signedOn, todayInKazakhstan(run.now)), todayInKazakhstan(run.now), signedOn);
  await verifyDecisionSignature(run, row.orgId, args.cms);
  await saveContract(run.tx, row, next, { archivedOn: args.archivedOn, archiveReason: args.reason }, run.now);
  await releasePlace(run.tx, row.id);
  await writeHistory(run, row.orgId, {
    subjectType: 'contract',
    subjectId: row.id,
    kind: 'archived',
    actorName: run.user.fullName,
    round: row.data.round,
    details: { archivedOn: args.archivedOn, reason: args.reason, comment: args.comment },
  });
}

/**
 * Sends the electronic contract offer for a direction: reserves a place in the chosen group (refused when the
 * group cannot take the child) and creates the contract (offer_sent) under the client's id.
 */
export async function offerContract(run: MutationRun, args: MutationArgs<'contract.offer'>): Promise<void> {
  const direction = await loadTarget(run, 'direction', args.directionId);
  requireRole(run, direction.orgId);
  requireBaseVersion(run, direction);
  if (direction.data.status !== 'awaiting_offer') throw refuse('DIRECTION_NOT_AWAITING_OFFER');
  if (await getRow(run.tx, 'contract', args.contractId)) throw refuse('ID_TAKEN');
  refuseDate(offerStartProblem(args.startDate, todayInKazakhstan(run.now)), todayInKazakhstan(run.now), null);
  const voucher = await voucherOfDirection(run, direction.data);
  if (voucher && voucher.data.voucher?.status !== 'interest_confirmed') throw refuse('VOUCHER_NOT_LIVE');
  await verifyDecisionSignature(run, direction.orgId, args.cms);
  const today = todayInKazakhstan(run.now);
  const dueBasis = parentSignDeadline(today);
  const dueOn = fitVoucherWindow(dueOnOf(dueBasis), voucher?.data.voucher ?? null);
  const d = direction.data;
  const groupRow = await loadTarget(run, 'group', args.groupId);
  if (groupRow.orgId !== direction.orgId) throw refuse('NOT_FOUND');
  const group = await reservePlace(
    run.tx,
    args.groupId,
    args.contractId,
    { birthDate: d.child.birthDate, correctionType: d.correctionType, teachingLanguage: d.teachingLanguage },
    Number(today.slice(0, 4)),
  );
  const contract: Omit<Contract, 'version'> = {
    id: args.contractId,
    number: `ДГ-${d.number}`,
    orgId: direction.orgId,
    directionId: d.id,
    status: 'offer_sent',
    reworkCount: 0,
    round: 0,
    isVoucher: d.isVoucher,
    pmpkConclusion: d.voucherApplicationId !== null,
    child: d.child,
    parent: { fullName: d.parentFullName, iin: d.parentIin, idDocumentNumber: '', address: '', phone: d.parentPhone, workplace: '', position: '' },
    bank: null,
    group: { id: group.id, nameKk: group.nameKk, nameRu: group.nameRu },
    teachingLanguage: group.teachingLanguage,
    startDate: args.startDate,
    offeredOn: today,
    submittedAt: null,
    dueOn,
    dueBasis,
    templateVersion: TEMPLATE_VERSION,
    pdfSha256: null,
    parentSignature: null,
    headSignature: null,
    signedAt: null,
    rejectReason: null,
    rejectComment: null,
    archivedOn: null,
    archiveReason: null,
    updatedAt: run.now.toISOString(),
  };
  await putRow(run.tx, 'contract', direction.orgId, contract);
  await putRow(run.tx, 'direction', direction.orgId, { ...d, status: 'offer_sent' });
  run.touchedOrgs.add(direction.orgId);
  await writeHistory(run, direction.orgId, {
    subjectType: 'contract',
    subjectId: args.contractId,
    kind: 'offer_sent',
    actorName: run.user.fullName,
    round: null,
    details: { groupId: group.id, group: group.nameRu, teachingLanguage: group.teachingLanguage, startDate: args.startDate, dueOn },
  });
  await notifyParent(run.tx, run.now, {
    parentIin: d.parentIin,
    subjectType: 'contract',
    subjectId: args.contractId,
    kind: 'offer_sent',
    text: inAllLanguages((lang) => parentNotification.offerSent(dueOn, lang)),
  });
}
