/** The contract PDF: one pure module shared by the desktop backend and the server (see docs/contract-pdf.md). */
export { renderContractPdf } from './render';
export { contractPdfData, contractPdfDataSchema, type ContractPdfData } from './data';
export type { ContractFonts } from './fonts';
export { sha256Hex } from './hash';
export { TEMPLATE_VERSION } from './template';
