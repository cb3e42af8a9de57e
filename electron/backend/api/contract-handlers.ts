/** API handlers of contract review (domain/api/contracts.ts): inbox queries over the replica and the decisions. */
import { randomUUID } from 'node:crypto';
import { overlayOf } from '../sync/attention';
import { contractListArgsSchema } from '../../../domain/api/contracts';
import { todayInKazakhstan } from '../../../domain/calendar';
import { calendarToday } from '../calendar/synced-calendar';
import { contractStateOf, transitionContract, type ContractEvent } from '../../../domain/contract-machine';
import { AppError } from '../../../domain/envelope';
import { directionSchema } from '../../../domain/entities';
import { contractRefusalText } from '../../../domain/text/machine-refusals';
import { textError } from '../../../domain/text/text-error';
import { text } from '../../../domain/text/text-ref';
import { contractPdfError } from '../contracts/contract-pdf-error';
import { archiveDateProblem, dateProblemText, offerStartProblem, type DateProblem } from '../../../domain/date-rules';
import type { BackendConfig } from '../config';
import type { BackendContext } from '../context';
import { contractDetail, readContract } from '../contracts/contract-detail';
import { InboxQueries } from '../contracts/inbox-query';
import { contractSignatureVerdict } from '../contracts/signature-verdict';
import type { Handlers } from './dispatch';

type ContractHandlers = Pick<
  Handlers,
  | 'contracts.list'
  | 'contracts.counts'
  | 'directions.list'
  | 'directions.get'
  | 'contracts.get'
  | 'contracts.signatureVerdict'
  | 'contracts.markDocument'
  | 'contracts.returnForRework'
  | 'contracts.pdf'
  | 'contracts.sign'
  | 'contracts.reject'
  | 'contracts.offer'
  | 'contracts.archive'
  | 'contracts.signedCopy'
>;

/** The same date rules the server enforces, refused before NCALayer opens. */
function refuseDate(problem: DateProblem | null, today: string, signedOn: string | null): void {
  if (problem) throw textError(dateProblemText(problem, today, signedOn));
}

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');

/** What the contract handlers use of the backend (narrow, so tests build them from real parts). */
export type ContractHandlerDeps = Pick<BackendContext, 'db' | 'sync' | 'decisions' | 'contractPdfs' | 'trust'> & {
  config: Pick<BackendConfig, 'trustedRootsPem'>;
};

export function contractHandlers(ctx: ContractHandlerDeps): ContractHandlers {
  const { sqlite } = ctx.db;
  const { engine } = ctx.sync;
  const today = calendarToday(sqlite);
  const inbox = new InboxQueries(sqlite, today);
  const pdf = ctx.contractPdfs;
  const detail = (id: string) =>
    contractDetail({ sqlite, today, user: () => engine.user(), outboxFor: (entity, targetId) => engine.outbox.all().filter((r) => r.targetEntity === entity && r.targetId === targetId) }, id);

  /** Refuses before NCALayer opens when the machine (with queued marks applied) would refuse anyway. */
  const checkTransition = (contractId: string, event: ContractEvent) => {
    const d = detail(contractId);
    if (d.pendingDecisions.some((p) => p.state === 'pending')) {
      throw textError(text('DECISION_PENDING'));
    }
    const state = contractStateOf(d.contract, d.documents.map((doc) => ({ id: doc.id, kind: doc.kind, current: true, reviewStatus: doc.effectiveStatus })));
    const result = transitionContract(state, event);
    if (!result.ok) throw textError(contractRefusalText(result.refusal), { details: { refusal: result.refusal } });
    return d.contract;
  };
  const queued = (row: { clientSeq: number }) => ({ clientSeq: row.clientSeq });

  /** The server's rule, refused before NCALayer opens: the parent signed this PDF, with a certificate of their own IIN. */
  const refuseForeignParentSignature = async (contractId: string) => {
    const verdict = await contractSignatureVerdict(readContract(sqlite, contractId), 'parent', pdf, ctx.trust);
    if (verdict.problem === 'NO_SIGNATURE' || verdict.problem === 'MALFORMED' || verdict.problem === 'INVALID_SIGNATURE') throw textError(text('PARENT_SIGNATURE_INVALID'));
    if (verdict.problem !== 'PDF_UNAVAILABLE' && !verdict.iinMatches) throw textError(text('PARENT_SIGNER_MISMATCH'));
  };

  return {
    'contracts.list': (args) => inbox.contracts(contractListArgsSchema.parse(args)),
    'contracts.counts': ({ search }) => inbox.counts(search),
    'directions.list': (args) => inbox.directions(args),
    'directions.get': ({ id }) => {
      const row = engine.replica.row('direction', id);
      if (!row) throw new AppError('DIRECTION_NOT_FOUND', 'No such direction in your data.');
      const pending = engine.outbox.all().filter((r) => r.targetEntity === 'direction' && r.targetId === id);
      const sync = pending.length === 0 ? null : overlayOf(pending.map((r) => r.status));
      return { ...directionSchema.parse(row), sync };
    },
    'contracts.get': ({ id }) => detail(id),
    'contracts.signatureVerdict': async ({ contractId, party }) => contractSignatureVerdict(readContract(sqlite, contractId), party, pdf, ctx.trust),
    'contracts.markDocument': (args) => {
      const contract = checkTransition(args.contractId, { type: 'markDocument', documentId: args.documentId, decision: args.decision });
      const reason = args.decision === 'approved' ? null : args.reason;
      const comment = args.decision === 'approved' ? null : args.comment || null;
      return queued(ctx.decisions.mark({ ...args, reason, comment }, contract.version));
    },
    'contracts.returnForRework': async ({ contractId, message }) => {
      const contract = checkTransition(contractId, { type: 'returnForRework' });
      return queued(await ctx.decisions.decide('contract.returnForRework', { contractId, message: message || null }, contract.version));
    },
    'contracts.pdf': async ({ contractId }) => {
      const regenerated = await pdf.regenerate(readContract(sqlite, contractId));
      if (!regenerated.ok) throw contractPdfError(regenerated);
      return { sha256: regenerated.sha256, base64: toBase64(regenerated.bytes) };
    },
    'contracts.sign': async ({ contractId }) => {
      const contract = checkTransition(contractId, { type: 'sign' });
      await refuseForeignParentSignature(contractId);
      return queued(await ctx.decisions.signContract(contractId, contract.version));
    },
    'contracts.reject': async ({ contractId, reason, comment }) => {
      const contract = checkTransition(contractId, { type: 'reject' });
      return queued(await ctx.decisions.decide('contract.reject', { contractId, reason, comment: comment || null }, contract.version));
    },
    'contracts.offer': async ({ directionId, groupId, startDate }) => {
      const direction = directionSchema.parse(engine.replica.row('direction', directionId) ?? null);
      if (direction.status !== 'awaiting_offer') throw new AppError('DIRECTION_NOT_AWAITING_OFFER', 'An offer was already sent for this direction.');
      refuseDate(offerStartProblem(startDate, today()), today(), null);
      const contractId = `ctr-${randomUUID()}`;
      const row = await ctx.decisions.decide('contract.offer', { directionId, contractId, groupId, startDate }, direction.version);
      return { clientSeq: row.clientSeq, contractId };
    },
    'contracts.archive': async ({ contractId, archivedOn, reason, comment }) => {
      const contract = checkTransition(contractId, { type: 'archive' });
      const signedOn = contract.signedAt ? todayInKazakhstan(new Date(contract.signedAt)) : null;
      refuseDate(archiveDateProblem(archivedOn, signedOn, today()), today(), signedOn);
      return queued(await ctx.decisions.decide('contract.archive', { contractId, archivedOn, reason, comment: comment || null }, contract.version));
    },
    'contracts.signedCopy': async ({ contractId }) => {
      const contract = readContract(sqlite, contractId);
      return { fileName: `${contract.number}.pdf`, base64: toBase64(await pdf.signedCopy(contract, ctx.config.trustedRootsPem)) };
    },
  };
}
