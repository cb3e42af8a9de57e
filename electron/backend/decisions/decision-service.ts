/**
 * Turns a decision into a queued, signed mutation: build the exact bytes to sign, sign them through NCALayer with
 * the user's key, check the signature locally (IIN = the logged-in user, BIN = the organisation, role allowed, key
 * usage), and only then write the outbox row. Nothing reaches the outbox with a signature we did not verify.
 */
import { AppError } from '../../../domain/envelope';
import { decisionPayload } from '../../../domain/decision-payload';
import { contractSchema, type Contract } from '../../../domain/entities';
import { mutationArgsSchemas, type MutationArgs, type MutationName } from '../../../domain/mutations';
import { bytesToBase64 } from '../../../domain/pki/bytes';
import { contractPdfError } from '../contracts/contract-pdf-error';
import type { ContractPdfSource } from '../contracts/contract-pdf-source';
import type { SessionUser } from '../../../domain/sync-protocol';
import type { NcaLayerClient } from '../ncalayer/client';
import { signAndVerify } from '../ncalayer/sign-and-verify';
import type { OutboxRow } from '../sync/outbox';
import type { SyncEngine } from '../sync/engine';
import { organisationFor, signingPolicies } from '../../../domain/signing-policy';
import type { ContentDigest } from '../../../domain/pki/digest';

/** Args of a signed mutation before the signature exists. */
export type UnsignedArgs<N extends MutationName> = Omit<MutationArgs<N>, 'cms'>;

export interface DecisionServiceDeps {
  engine: SyncEngine;
  ncalayer: () => NcaLayerClient;
  trustedRootsPem: readonly string[];
  /** The one (cached) regeneration of contract PDFs, shared with the PDF the sign dialog shows. */
  contractPdfs: Pick<ContractPdfSource, 'regenerate'>;
  /** Hashes the contract PDF for the check after signing (off the API thread in the app). */
  digestContent?: ContentDigest;
  now?: () => Date;
}

export class DecisionService {
  constructor(private readonly deps: DecisionServiceDeps) {}

  private user(): SessionUser {
    const user = this.deps.engine.user();
    if (!user) throw new AppError('NOT_LOGGED_IN', 'Sign in with your digital signature (ЭЦП) first.');
    return user;
  }

  private orgFor(name: MutationName): SessionUser['orgs'][number] {
    const user = this.user();
    const org = organisationFor(user, name);
    if (!org) throw new AppError('NOT_ALLOWED', 'Your role does not allow this decision.', { name });
    return org;
  }

  /** Checks the full args (with a placeholder signature) so a bad decision fails before NCALayer opens a dialog. */
  private validate<N extends MutationName>(name: N, args: UnsignedArgs<N>): void {
    const probe = name === 'contract.markDocument' ? args : { ...args, cms: 'AAAAAAAAAAAAAAAAAAAAAA==' };
    const parsed = mutationArgsSchemas[name].safeParse(probe);
    if (!parsed.success) throw new AppError('BAD_ARGS', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }

  /** A per-document review mark: not a status change, so no signature (DESIGN §5). */
  mark(args: MutationArgs<'contract.markDocument'>, baseVersion: number): OutboxRow {
    this.orgFor('contract.markDocument');
    this.validate('contract.markDocument', args);
    return this.deps.engine.enqueueDecision('contract.markDocument', mutationArgsSchemas['contract.markDocument'].parse(args), baseVersion);
  }

  /** Signs `decisionPayload(name, args, baseVersion)` (attached CMS), verifies it, queues the mutation. */
  async decide<N extends Exclude<MutationName, 'contract.markDocument' | 'contract.sign'>>(name: N, args: UnsignedArgs<N>, baseVersion: number): Promise<OutboxRow> {
    const user = this.user();
    const org = this.orgFor(name);
    this.validate(name, args);
    const payload = new TextEncoder().encode(decisionPayload(name, args as Record<string, unknown>, baseVersion));
    const signed = await signAndVerify(this.deps.ncalayer(), {
      documents: [payload],
      detached: false,
      expect: { usage: 'sign', iin: user.iin, bin: org.bin, roles: signingPolicies[name].certRoles },
      trustedRoots: this.deps.trustedRootsPem,
      now: this.deps.now,
    });
    const cms = bytesToBase64(signed.signatures[0] as Uint8Array);
    return this.deps.engine.enqueueDecision(name, mutationArgsSchemas[name].parse({ ...args, cms }), baseVersion);
  }

  /** The contract PDF exactly as the parent signed it, or a clear refusal when it cannot be reproduced. */
  async contractPdf(contractId: string): Promise<{ contract: Contract; bytes: Uint8Array; sha256: string }> {
    const contract = contractSchema.parse(this.replicaRow('contract', contractId));
    const result = await this.deps.contractPdfs.regenerate(contract);
    if (!result.ok) throw contractPdfError(result);
    return { contract, bytes: result.bytes, sha256: result.sha256 };
  }

  /** «Подписать и зачислить»: detached CMS over the regenerated PDF (hash checked first), verified, queued. */
  async signContract(contractId: string, baseVersion: number): Promise<OutboxRow> {
    const user = this.user();
    const org = this.orgFor('contract.sign');
    const { contract, bytes, sha256 } = await this.contractPdf(contractId);
    if (contract.orgId !== org.id) throw new AppError('NOT_ALLOWED', 'This contract belongs to another organisation.');
    const signed = await signAndVerify(this.deps.ncalayer(), {
      documents: [bytes],
      detached: true,
      timestamp: true,
      ...(this.deps.digestContent ? { digestContent: this.deps.digestContent } : {}),
      expect: { usage: 'sign', iin: user.iin, bin: org.bin, roles: signingPolicies['contract.sign'].certRoles },
      trustedRoots: this.deps.trustedRootsPem,
      now: this.deps.now,
    });
    const cms = bytesToBase64(signed.signatures[0] as Uint8Array);
    return this.deps.engine.enqueueDecision('contract.sign', mutationArgsSchemas['contract.sign'].parse({ contractId, pdfSha256: sha256, cms }), baseVersion);
  }

  private replicaRow(entity: 'contract' | 'organisation', id: string): unknown {
    const row = this.deps.engine.replica.row(entity, id);
    if (!row) throw new AppError('NOT_FOUND', `No ${entity} ${id} in your data.`);
    return row;
  }
}
