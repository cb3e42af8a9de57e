/**
 * Before the head signs, the desktop regenerates the contract PDF from the synced data and checks that its
 * SHA-256 equals the hash the server recorded for the parent's signature: the head must sign the same bytes.
 */
import type { Contract, Organisation } from '../entities';
import type { Localized } from '../i18n-languages';
import { contractPdfData } from './data';
import type { ContractFonts } from './fonts';
import { sha256Hex } from './hash';
import { renderContractPdf } from './render';
import { isTemplateVersion } from './template';

export type RegenerationProblem = 'no_recorded_hash' | 'template_unavailable' | 'hash_mismatch';

export type RegeneratedContract =
  | { ok: true; bytes: Uint8Array; sha256: string }
  | { ok: false; problem: RegenerationProblem; expected: string | null; actual: string | null };

export const regenerationMessages: Record<RegenerationProblem, Localized> = {
  no_recorded_hash: {
    kk: 'Ата-ана қол қойған шарттың хэші серверде жоқ. Синхрондауды күтіп, қайталап көріңіз.',
    ru: 'На сервере нет хэша договора, подписанного родителем. Дождитесь синхронизации и повторите.',
    en: 'The server has no hash of the contract the parent signed. Wait for sync and try again.',
  },
  template_unavailable: {
    kk: 'Шарт осы қолданба нұсқасында жоқ үлгі нұсқасымен жасалған. Қолданбаны жаңартыңыз.',
    ru: 'Договор создан по версии шаблона, которой нет в этой версии приложения. Обновите приложение.',
    en: 'The contract was made with a template version this app version does not have. Update the app.',
  },
  hash_mismatch: {
    kk: 'Қайта жасалған шарт ата-ана қол қойған шартпен сәйкес келмейді (SHA-256 әртүрлі). Қол қоюға болмайды.',
    ru: 'Пересобранный договор не совпадает с договором, подписанным родителем (SHA-256 различается). Подписывать нельзя.',
    en: 'The regenerated contract differs from the one the parent signed (SHA-256 mismatch). It cannot be signed.',
  },
};

export async function regenerateSignedContract(
  contract: Contract,
  org: Organisation,
  fonts: ContractFonts,
): Promise<RegeneratedContract> {
  const expected = contract.pdfSha256;
  if (expected === null) return { ok: false, problem: 'no_recorded_hash', expected, actual: null };
  if (!isTemplateVersion(contract.templateVersion)) return { ok: false, problem: 'template_unavailable', expected, actual: null };
  const bytes = await renderContractPdf(contractPdfData(contract, org), fonts);
  const actual = await sha256Hex(bytes);
  return actual === expected ? { ok: true, bytes, sha256: actual } : { ok: false, problem: 'hash_mismatch', expected, actual };
}
