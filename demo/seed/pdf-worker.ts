/** Worker thread of PdfPool: renders contract PDFs with the fonts it is started with. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderContractPdf, type ContractFonts, type ContractPdfData } from '../../domain/contract-pdf';

const fonts = workerData as ContractFonts;

parentPort!.on('message', (job: { id: number; data: ContractPdfData }) => {
  renderContractPdf(job.data, fonts).then(
    (bytes) => parentPort!.postMessage({ id: job.id, bytes }, [bytes.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: String(error) }),
  );
});
