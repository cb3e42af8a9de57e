/** Steps every mutation shares: find the target in the user's scope, check roles, base version and signature. */
import { randomUUID } from 'node:crypto';
import type { EntityName, SignatureInfo } from '../../domain/entities';
import type { MutationName } from '../../domain/mutations';
import { decisionPayload } from '../../domain/decision-payload';
import { hasRole, membershipAt, type StaffUser } from '../auth/staff-directory';
import type { ServerContext } from '../context';
import type { ServerTx } from '../db/connect';
import { notifications } from '../db/schema';
import { getScopedRow, nextSeq, putRow, type StoredRow } from '../store/entity-store';
import { unitOf } from '../store/unit-registry';
import { Refusal, refuse } from './refusal';
import type { Localized } from '../../domain/i18n-languages';
import { signingPolicies } from '../../domain/signing-policy';
import { HttpError } from '../http/errors';

export interface MutationRun {
  ctx: ServerContext;
  tx: ServerTx;
  user: StaffUser;
  now: Date;
  name: MutationName;
  /** The args exactly as sent: the signed payload is built from them. */
  rawArgs: Record<string, unknown>;
  baseVersion: number;
  /** Organisations whose rows changed (their staff get a poke after commit). */
  touchedOrgs: Set<string>;
  /** The decision's verified signature, recorded with its history event (who, which certificate, revocation). */
  verifiedSignature?: SignatureInfo;
}

export async function loadTarget<E extends EntityName>(run: MutationRun, entity: E, id: string): Promise<StoredRow<E>> {
  const row = await getScopedRow(run.tx, entity, id, run.user.orgIds);
  if (!row) throw refuse('NOT_FOUND');
  return row;
}

/** The staff roles of the mutation's own entry in the signing-policy table (the one the desktop checks too). */
export function requireRole(run: MutationRun, orgId: string): void {
  if (!hasRole(run.user, orgId, signingPolicies[run.name].staffRoles)) throw refuse('ROLE_NOT_ALLOWED');
}

/** A decision made on an older state of the row is a conflict carrying the row as it is now. */
export function requireBaseVersion(run: MutationRun, row: StoredRow): void {
  if (row.version !== run.baseVersion) {
    throw new Refusal('conflict', 'VERSION_CONFLICT', undefined, row.data);
  }
}

/**
 * Verifies the decision's CMS: over `pdfBytes` (detached, contract signing) or over the decision payload
 * (attached), by the logged-in user, for the organisation's BIN, with a certificate role of the mutation's own
 * signing-policy entry.
 */
export async function verifyDecisionSignature(
  run: MutationRun,
  orgId: string,
  cms: string,
  pdfBytes?: Uint8Array,
): Promise<SignatureInfo> {
  const content = pdfBytes ?? new TextEncoder().encode(decisionPayload(run.name, run.rawArgs, run.baseVersion));
  const check = await run.ctx.verifier.verify({ cmsBase64: cms, content, detached: !!pdfBytes, purpose: 'sign' }, run.now);
  if (!check.ok) {
    // Fail closed but not final: the whole push is answered 503 and the client sends the decision again later.
    if (check.retryable) throw new HttpError(503, check.code, check.message);
    throw new Refusal('rejected', check.code, undefined, undefined, check.message);
  }
  const { signer } = check;
  if (signer.iin !== run.user.iin) throw refuse('SIGNER_IIN_MISMATCH');
  if (signer.bin !== membershipAt(run.user, orgId)?.org.bin) throw refuse('SIGNER_BIN_MISMATCH');
  if (!(signingPolicies[run.name].certRoles as readonly string[]).includes(signer.role)) throw refuse('SIGNER_ROLE_NOT_ALLOWED');
  run.verifiedSignature = {
    cms,
    signerIin: signer.iin,
    signerFullName: signer.fullName,
    signerBin: signer.bin,
    certSerial: signer.certSerial,
    signedAt: signer.signedAt,
    revocation: signer.revocation,
  };
  return run.verifiedSignature;
}

/**
 * Gives the verified contract signature its RFC 3161 timestamp (the one NCALayer attached, else one from the
 * server's TSA); the token's genTime becomes the signing time. A TSA outage is retryable, a bad token is refused.
 */
export async function timestampSignature(run: MutationRun, signature: SignatureInfo): Promise<SignatureInfo> {
  const timestamper = run.ctx.timestamper;
  if (!timestamper) return signature;
  const result = await timestamper.stamp(signature.cms);
  if (!result.ok) {
    if (result.retryable) throw new HttpError(503, result.code, result.message);
    throw new Refusal('rejected', result.code, undefined, undefined, result.message);
  }
  run.verifiedSignature = { ...signature, cms: result.cmsBase64, signedAt: result.timestamp.genTime, timestamp: result.timestamp };
  return run.verifiedSignature;
}

/** The actor named in the history of changes the server makes by itself (expiries, voucher distribution). */
export const SYSTEM_ACTOR = 'Qabyl';

/** A writing unit of work: a mutation, a scheduler step or a parent action. */
export type WriteRun = Pick<MutationRun, 'tx' | 'now' | 'touchedOrgs'>;
export type SubjectType = 'contract' | 'special_queue' | 'direction';

export async function writeHistory(
  run: WriteRun & Partial<Pick<MutationRun, 'verifiedSignature'>>,
  orgId: string,
  event: { subjectType: SubjectType; subjectId: string; kind: string; actorName: string; round: number | null; details: Record<string, unknown> },
): Promise<void> {
  const signed = run.verifiedSignature;
  const details = signed
    ? { ...event.details, signature: { signerIin: signed.signerIin, certSerial: signed.certSerial, signedAt: signed.signedAt, revocation: signed.revocation ?? null } }
    : event.details;
  await putRow(run.tx, 'historyEvent', orgId, { id: randomUUID(), at: run.now.toISOString(), ...event, details }, { freshId: true });
  run.touchedOrgs.add(orgId);
}

export async function notifyParent(
  tx: ServerTx,
  now: Date,
  notice: { parentIin: string; subjectType: SubjectType; subjectId: string; kind: string; text: Localized },
): Promise<void> {
  const notification = {
    id: randomUUID(),
    parentIin: notice.parentIin,
    subjectType: notice.subjectType,
    subjectId: notice.subjectId,
    kind: notice.kind,
    textKk: notice.text.kk,
    textRu: notice.text.ru,
    createdAt: now.toISOString(),
  };
  const unit = unitOf(tx);
  if (unit) unit.notify(notification);
  else await tx.insert(notifications).values({ ...notification, seq: await nextSeq(tx) });
}
