// `npm run cms:verify -- FILE [--content FILE] [--roots DIR] [--at ISO-TIME]`: verifies a CMS (PEM, base64 or DER)
// against a trust store folder and prints a JSON verdict. Exit 0 valid, 1 invalid, 2 unusable input.
import fs from 'node:fs';
import path from 'node:path';
import { inspectCms } from '../domain/pki';
import { cmsReport } from '../domain/pki/signature-report';
import { readCertificates } from '../electron/main/shell-config';
import { parseArgs } from './cli-args';

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

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  const file = argv.find((arg, i) => !arg.startsWith('--') && (i === 0 || !argv[i - 1]!.startsWith('--')));
  if (!file) unusable('no CMS file given');
  const content = args.get('content');
  const rootsDir = args.get('roots');
  const at = args.get('at');
  if (content === true || rootsDir === true || at === true) unusable('an option is missing its value');
  const checkedAt = at ? new Date(at) : new Date();
  if (Number.isNaN(checkedAt.getTime())) unusable(`--at is not an ISO time: ${at}`);
  const roots = readCertificates(rootsDir ?? path.join(import.meta.dirname, '../resources/nca-roots'));
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
