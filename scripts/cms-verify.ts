// `npm run cms:verify -- FILE [--content FILE] [--roots DIR] [--at ISO-TIME]`: verifies a CMS (PEM, base64 or DER)
// against a trust store folder and prints a JSON verdict. Exit 0 valid, 1 invalid, 2 unusable input.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inspectCms } from '../domain/pki';
import { cmsReport } from '../domain/pki/signature-report';
import { CERTIFICATE_FILE } from '../domain/pki/trust-store';

const USAGE = 'usage: npm run cms:verify -- FILE [--content FILE] [--roots DIR] [--at ISO-TIME]';

function unusable(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function readFile(file: string, what: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (error) {
    return unusable(`cannot read the ${what} ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readTrustStore(folder: string): Uint8Array[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((name) => CERTIFICATE_FILE.test(name)).sort().map((name) => readFile(path.join(folder, name), 'certificate'));
}

function options() {
  try {
    return parseArgs({
      args: process.argv.slice(2), allowPositionals: true,
      options: { content: { type: 'string' }, roots: { type: 'string' }, at: { type: 'string' } },
    });
  } catch (error) {
    return unusable(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const { values, positionals } = options();
  const file = positionals[0];
  if (!file) unusable('no CMS file given');
  const { content, roots: rootsDir, at } = values;
  const checkedAt = at ? new Date(at) : new Date();
  if (Number.isNaN(checkedAt.getTime())) unusable(`--at is not an ISO time: ${at}`);
  const roots = readTrustStore(rootsDir ?? path.join(import.meta.dirname, '../resources/nca-roots'));
  if (roots.length === 0) unusable('the trust store folder holds no certificate (give one with --roots DIR)');

  const result = await inspectCms({
    cms: readFile(file, 'CMS'), ...(content ? { content: readFile(content, 'content') } : {}), trustedRoots: roots, at: checkedAt,
  });
  // A CMS we cannot even read is unusable input, not an invalid signature.
  if (!result.ok && result.code === 'MALFORMED' && !result.signer) unusable(`the CMS cannot be used: ${result.message}`);
  const report = cmsReport(result, checkedAt);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(report.valid ? 0 : 1);
}

void main();
