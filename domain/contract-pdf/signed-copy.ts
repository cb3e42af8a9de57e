/**
 * The signed copy of a contract: the contract pages plus a «Қолтаңбалар / Подписи» page listing the signatures.
 * Both parties sign the ORIGINAL contract bytes; the signed copy is a separate download, so the signatures
 * page never changes what was signed. The bundle additionally carries the original PDF and both CMS files as
 * PDF attachments, so one file is enough to re-verify everything (see docs/contract-pdf.md).
 */
import { PDFDocument } from 'pdf-lib';
import type { Contract, SignatureInfo } from '../entities';
import { base64ToBytes } from '../pki/bytes';
import type { Block } from './blocks';
import { embedFaces, type ContractFonts } from './fonts';
import { sha256Hex } from './hash';
import { formatInstantWithZone } from '../kazakhstan-time';
import { addPages, layoutBlocks, SAVE_OPTIONS } from './render';

export type SigningParty = 'parent' | 'organisation';

export interface SignedCopySignature {
  party: SigningParty;
  signature: SignatureInfo;
}

const PARTY_TITLE: Record<SigningParty, string> = {
  parent: 'Ата-ана (заңды өкіл) / Родитель (законный представитель)',
  organisation: 'Ұйым / Организация',
};

/** The contract's signatures in signing order (parent first, then the head). */
export function contractSignatures(contract: Contract): SignedCopySignature[] {
  const list: SignedCopySignature[] = [];
  if (contract.parentSignature) list.push({ party: 'parent', signature: contract.parentSignature });
  if (contract.headSignature) list.push({ party: 'organisation', signature: contract.headSignature });
  return list;
}


function signaturesPage(documentSha256: string, signatures: readonly SignedCopySignature[]): Block[] {
  return [
    { kind: 'title', text: 'Қолтаңбалар / Подписи' },
    {
      kind: 'para',
      text:
        'Шарттың электрондық құжатына Тараптар электрондық цифрлық қолтаңбамен (CMS, бөлек қолтаңба) қол қойды. ' +
        'Қолтаңбалар осы бетсіз түпнұсқа файлға қойылған. / Электронный документ договора подписан Сторонами ' +
        'электронной цифровой подписью (CMS, отсоединённая подпись). Подписи поставлены под исходным файлом без этой страницы.',
    },
    { kind: 'fields', rows: [['Құжаттың SHA-256 / SHA-256 документа', documentSha256]] },
    ...signatures.flatMap(({ party, signature }): Block[] => [
      { kind: 'heading', text: PARTY_TITLE[party] },
      {
        kind: 'fields',
        rows: [
          ['Қол қоюшы / Подписант', signature.signerFullName],
          ['ЖСН / ИИН', signature.signerIin],
          ...(signature.signerBin ? ([['БСН / БИН', signature.signerBin]] as const) : []),
          ['Сертификаттың сериялық нөмірі / Серийный номер сертификата', signature.certSerial],
          ['Қол қойылған уақыт / Время подписания', formatInstantWithZone(signature.signedAt)],
          ['Қол қойылған құжаттың SHA-256 / SHA-256 подписанного документа', documentSha256],
        ],
      },
    ]),
  ];
}

function latestSigning(signatures: readonly SignedCopySignature[]): Date | null {
  const times = signatures.map((s) => new Date(s.signature.signedAt).getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

async function withSignaturesPage(
  pdfBytes: Uint8Array,
  signatures: readonly SignedCopySignature[],
  fonts: ContractFonts,
): Promise<PDFDocument> {
  const documentSha256 = await sha256Hex(pdfBytes);
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  // Separate subset tags: this subset differs from the contract's own fonts.
  const faces = await embedFaces(doc, fonts, { regular: 'QABYSA', bold: 'QABYSB' });
  const footer = (page: number, count: number): string =>
    `Қолтаңбалар / Подписи · SHA-256 ${documentSha256.slice(0, 16)}… · ${page} / ${count}`;
  addPages(doc, faces, layoutBlocks(faces, signaturesPage(documentSha256, signatures), footer));
  const modified = latestSigning(signatures);
  if (modified) doc.setModificationDate(modified);
  return doc;
}

/** The contract with the signatures page appended (deterministic for the same input). */
export async function renderSignedCopy(
  pdfBytes: Uint8Array,
  signatures: readonly SignedCopySignature[],
  fonts: ContractFonts,
): Promise<Uint8Array> {
  return (await withSignaturesPage(pdfBytes, signatures, fonts)).save(SAVE_OPTIONS);
}

/** File names inside the bundle; `<party>.p7s` is the detached CMS over `contract.pdf`. */
export const BUNDLE_CONTRACT_NAME = 'contract.pdf';
export const bundleSignatureName = (party: SigningParty): string => `${BUNDLE_CONTRACT_NAME}.${party}.p7s`;

/**
 * The downloadable signed copy: signatures page + the original contract PDF and each CMS (DER) as attachments.
 */
export async function signedCopyBundle(
  pdfBytes: Uint8Array,
  signatures: readonly SignedCopySignature[],
  fonts: ContractFonts,
): Promise<Uint8Array> {
  const doc = await withSignaturesPage(pdfBytes, signatures, fonts);
  const when = latestSigning(signatures) ?? doc.getCreationDate() ?? new Date(0);
  const files = [
    { name: BUNDLE_CONTRACT_NAME, bytes: pdfBytes, mimeType: 'application/pdf', description: 'Қол қойылған түпнұсқа / Подписанный оригинал', date: when },
    ...signatures.map(({ party, signature }) => ({
      name: bundleSignatureName(party),
      bytes: base64ToBytes(signature.cms),
      mimeType: 'application/pkcs7-signature',
      description: `CMS: ${signature.signerFullName}, ${signature.signerIin}`,
      date: new Date(signature.signedAt),
    })),
  ];
  // The EmbeddedFiles name tree must be sorted by name (readers binary-search it); pdf-lib keeps insertion order.
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of files) {
    await doc.attach(file.bytes, file.name, {
      mimeType: file.mimeType,
      description: file.description,
      creationDate: file.date,
      modificationDate: file.date,
    });
  }
  return doc.save(SAVE_OPTIONS);
}
