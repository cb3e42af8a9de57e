/**
 * Writes a contract PDF for template work: `npm run contract:pdf -- --sample --out FILE`
 * (or `--data FILE.json` with a ContractPdfData object instead of --sample).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { contractPdfDataSchema, renderContractPdf, sha256Hex } from '../domain/contract-pdf';
import { sampleContractPdfData } from '../demo/contract-sample';
import { loadContractFonts } from '../node-adapters/fonts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sample: { type: 'boolean' }, data: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.out || (!values.sample && !values.data)) {
    console.error('usage: npm run contract:pdf -- (--sample | --data FILE.json) --out FILE.pdf');
    process.exit(2);
  }
  const data = values.data
    ? contractPdfDataSchema.parse(JSON.parse(await readFile(values.data, 'utf8')))
    : sampleContractPdfData();
  const started = performance.now();
  const bytes = await renderContractPdf(data, await loadContractFonts());
  const ms = performance.now() - started;
  await writeFile(values.out, bytes);
  console.log(`${values.out}: ${bytes.length} bytes, ${ms.toFixed(0)} ms, sha256 ${await sha256Hex(bytes)}`);
}

await main();
