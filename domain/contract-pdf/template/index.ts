/**
 * The typical contract for preschool education services, written for Qabyl. Both languages are in one
 * document, Kazakh first (the state language), then Russian; see docs/contract-pdf.md. Any change of the text
 * must bump TEMPLATE_VERSION: contracts record the version they were signed with.
 */
import type { Block } from '../blocks';
import type { ContractPdfData } from '../data';
import { kazakhContract } from './kk';
import { russianContract } from './ru';

export const TEMPLATE_VERSION = '2026.1';

export function contractBlocks(data: ContractPdfData): Block[] {
  return [...kazakhContract(data), { kind: 'pageBreak' }, ...russianContract(data)];
}

export function contractFooter(data: ContractPdfData): (page: number, count: number) => string {
  return (page, count) =>
    `Шарт / Договор № ${data.contract.number} · үлгі / шаблон ${TEMPLATE_VERSION} · бет / стр. ${page} / ${count}`;
}
