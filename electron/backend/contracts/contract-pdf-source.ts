/**
 * The contract PDF bytes the parent signed, regenerated from the synced data (deterministic) and checked against
 * the recorded hash, and the signed copy built on them. The rendering runs in the compute worker, so the backend
 * thread answers queries meanwhile; results are kept per signed text: review marks change the contract's version,
 * not the bytes the parent signed, and the sign dialog and the signature share one regeneration.
 */
import type Database from 'better-sqlite3';
import { contractSignatures, type RegeneratedContract } from '../../../domain/contract-pdf';
import { organisationSchema, type Contract } from '../../../domain/entities';
import { AppError } from '../../../domain/envelope';
import type { Compute } from '../compute/compute-pool';
import { contractPdfError } from './contract-pdf-error';

const CACHE_SIZE = 8;

export class ContractPdfSource {
  private readonly cache = new Map<string, Promise<RegeneratedContract>>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly compute: Pick<Compute, 'run'>,
    /** The contract fonts' folder; null: the source tree's. */
    private readonly fontsDir: string | null,
  ) {}

  regenerate(contract: Contract): Promise<RegeneratedContract> {
    const key = `${contract.id}:${contract.pdfSha256 ?? 'unsigned'}:${contract.templateVersion}`;
    let result = this.cache.get(key);
    if (!result) {
      result = this.build(contract);
      this.cache.set(key, result);
      result.catch(() => this.cache.delete(key));
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    }
    return result;
  }

  /** The regenerated PDF with a page listing every signature, as a checker will read them from the CMS. */
  async signedCopy(contract: Contract, trustedRootsPem: readonly string[]): Promise<Uint8Array> {
    const regenerated = await this.regenerate(contract);
    if (!regenerated.ok) throw contractPdfError(regenerated);
    return this.compute.run('signedCopy', { pdf: regenerated.bytes, signatures: contractSignatures(contract), trustedRootsPem, fontsDir: this.fontsDir });
  }

  private async build(contract: Contract): Promise<RegeneratedContract> {
    const orgRow = this.sqlite.prepare('SELECT data FROM organisations WHERE id = ?').get(contract.orgId) as { data: string } | undefined;
    if (!orgRow) throw new AppError('ORGANISATION_NOT_FOUND', 'The kindergarten of this contract is not in your data yet.');
    return this.compute.run('regenerateContract', { contract, organisation: organisationSchema.parse(JSON.parse(orgRow.data)), fontsDir: this.fontsDir });
  }
}
