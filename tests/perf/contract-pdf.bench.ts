/**
 * Benchmark of the contract PDF (target: 35 pages ≤ 300 ms, ≤ 1 MB). Imported by the benchmark runner.
 * Fonts are read and the code is warmed up once before timing; `quick` runs fewer timed iterations.
 */
import { PDFDocument } from 'pdf-lib';
import { renderContractPdf } from '../../domain/contract-pdf';
import { sampleContractPdfData } from '../../domain/contract-pdf/sample';
import { loadContractFonts } from '../../electron/backend/pdf/fonts';

export interface ContractPdfBenchResult {
  metric: 'contract_pdf_35_pages';
  /** Median render time of one contract. */
  value_ms: number;
  size_bytes: number;
  pages: number;
}

export async function benchContractPdf(opts: { quick: boolean }): Promise<ContractPdfBenchResult> {
  const fonts = await loadContractFonts();
  const data = sampleContractPdfData();
  let bytes = await renderContractPdf(data, fonts); // warm-up: JIT and fontkit table parsing
  const times: number[] = [];
  for (let i = 0; i < (opts.quick ? 3 : 10); i++) {
    const started = performance.now();
    bytes = await renderContractPdf(data, fonts);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  return { metric: 'contract_pdf_35_pages', value_ms: times[Math.floor(times.length / 2)]!, size_bytes: bytes.length, pages };
}
