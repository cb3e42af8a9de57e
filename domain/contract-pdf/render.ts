/**
 * renderContractPdf: ContractPdfData → deterministic PDF bytes. Same data and template version → same bytes:
 * metadata comes from the data, the font subset tags are fixed, pdf-lib's own pseudo-random names are seeded,
 * and the trailer /ID is derived from the data.
 */
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { canonicalJson } from '../decision-payload';
import { contractPdfDataSchema, type ContractPdfData } from './data';
import { embedFaces, FACE_RESOURCE, type ContractFonts, type Faces } from './fonts';
import { sha256Hex } from './hash';
import { Layout, PAGE_HEIGHT, PAGE_WIDTH } from './layout';
import type { Block } from './blocks';
import { contractBlocks, contractFooter, isTemplateVersion, TEMPLATE_VERSIONS } from './template';

export const PDF_PRODUCER = 'Qabyl contract-pdf';
export const PDF_CREATOR = 'Qabyl';

/** Adds one page per content stream, with both faces in its resources. */
export function addPages(doc: PDFDocument, faces: Faces, contents: readonly string[]): void {
  for (const content of contents) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.node.setFontDictionary(PDFName.of(FACE_RESOURCE.regular), faces.regular.font.ref);
    page.node.setFontDictionary(PDFName.of(FACE_RESOURCE.bold), faces.bold.font.ref);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)));
  }
}

/** Lays out `blocks` into page content streams with the footer text from `footer`. */
export function layoutBlocks(faces: Faces, blocks: readonly Block[], footer: (page: number, count: number) => string): string[] {
  const layout = new Layout(faces);
  for (const block of blocks) layout.add(block);
  return layout.finish(footer);
}

/** A day as a fixed instant (noon in Kazakhstan, UTC+5) so the PDF dates never depend on the machine's zone. */
export function dayInstant(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+05:00`);
}

/** Save options shared by every PDF we write: no yielding between objects (it only adds latency here). */
export const SAVE_OPTIONS = { useObjectStreams: true, addDefaultPage: false, objectsPerTick: Number.POSITIVE_INFINITY } as const;

export async function renderContractPdf(input: ContractPdfData, fonts: ContractFonts): Promise<Uint8Array> {
  const data = contractPdfDataSchema.parse(input);
  if (!isTemplateVersion(data.templateVersion)) {
    // Rendering an unknown version with another version's text would give different bytes than the parent signed.
    throw new Error(`contract-pdf: template version ${data.templateVersion} is not available (this build has ${TEMPLATE_VERSIONS.join(', ')})`);
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  const faces = await embedFaces(doc, fonts, { regular: 'QABYLA', bold: 'QABYLB' });
  addPages(doc, faces, layoutBlocks(faces, contractBlocks(data), contractFooter(data)));

  const date = dayInstant(data.contract.date);
  doc.setTitle(`Шарт / Договор № ${data.contract.number}`);
  doc.setSubject(`${data.organisation.nameRu} — ${data.child.fullName}`);
  doc.setAuthor(data.organisation.nameRu);
  doc.setKeywords([`template ${data.templateVersion}`]);
  doc.setProducer(`${PDF_PRODUCER} ${data.templateVersion}`);
  doc.setCreator(PDF_CREATOR);
  doc.setLanguage('kk-KZ');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const id = PDFHexString.of((await sha256Hex(new TextEncoder().encode(canonicalJson(data)))).slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save(SAVE_OPTIONS);
}
