/**
 * The contract PDF bytes the parent signed, regenerated locally from the synced data (deterministic) and checked
 * against the recorded hash. Regeneration takes a moment for 30+ pages (and blocks the backend thread meanwhile), so
 * results are kept per signed text: review marks change the contract's version, not the bytes the parent signed.
 */
import type Database from 'better-sqlite3';
import { regenerateSignedContract, type RegeneratedContract } from '../../../domain/contract-pdf';
import { organisationSchema, type Contract } from '../../../domain/entities';
import { AppError } from '../../../domain/envelope';
import { loadContractFonts } from '../../../node-adapters/fonts';

const CACHE_SIZE = 8;

export class ContractPdfSource {
  private readonly cache = new Map<string, Promise<RegeneratedContract>>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly fontsDir?: string,
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

  private async build(contract: Contract): Promise<RegeneratedContract> {
    const orgRow = this.sqlite.prepare('SELECT data FROM organisations WHERE id = ?').get(contract.orgId) as { data: string } | undefined;
    if (!orgRow) throw new AppError('ORGANISATION_NOT_FOUND', 'The kindergarten of this contract is not in your data yet.');
    const fonts = await loadContractFonts(this.fontsDir);
    return regenerateSignedContract(contract, organisationSchema.parse(JSON.parse(orgRow.data)), fonts);
  }
}
