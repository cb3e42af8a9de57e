/**
 * The typical contract for preschool education services, written for Qabyl. Both languages are in one
 * document, Kazakh first (the state language), then Russian; see docs/contract-pdf.md. Any change of the text
 * must bump TEMPLATE_VERSION and keep the older wording for the older version (template/versions.ts): contracts
 * record the version they were signed with.
 */
import type { Block } from '../blocks';
import type { ContractPdfData } from '../data';
import { kazakhContract } from './kk';
import { russianContract } from './ru';

export { isTemplateVersion, TEMPLATE_VERSION, TEMPLATE_VERSIONS, type TemplateVersion } from './versions';

export function contractBlocks(data: ContractPdfData): Block[] {
  return [...kazakhContract(data), { kind: 'pageBreak' }, ...russianContract(data)];
}

export function contractFooter(data: ContractPdfData): (page: number, count: number) => string {
  return (page, count) =>
    `Шарт / Договор № ${data.contract.number} · үлгі / шаблон ${data.templateVersion} · бет / стр. ${page} / ${count}`;
}
