/** The contract PDF: one pure module shared by the desktop backend and the server (see docs/contract-pdf.md). */
export { renderContractPdf } from './render';
export { contractPdfData, contractPdfDataSchema, type ContractPdfData } from './data';
export type { ContractFonts } from './fonts';
export { sha256Hex } from './hash';
export { TEMPLATE_VERSION } from './template';
export {
  renderSignedCopy,
  signedCopyBundle,
  contractSignatures,
  bundleSignatureName,
  BUNDLE_CONTRACT_NAME,
  type SignedCopySignature,
  type SigningParty,
} from './signed-copy';
export { regenerateSignedContract, regenerationMessages, type RegeneratedContract, type RegenerationProblem } from './regenerate';
