/** pdf.js with its worker bundled by Vite (a separate file under the app's own origin, allowed by the CSP). */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js may transfer the buffer to its worker, so it gets its own copy; no XFA forms (pdf.js 5.7+ never evals).
  return getDocument({ data: bytes.slice(), enableXfa: false }).promise;
}
