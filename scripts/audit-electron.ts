/**
 * `npm run audit:electron`: runs Electronegativity over the Electron sources (main, preload, backend), the
 * renderer's index.html and package.json, then fails on any finding above INFORMATIONAL that is not in the reviewed
 * exceptions file (Electronegativity itself always exits 0), and on an Electron that is not the newest patch of a
 * supported line. Electronegativity's version check reads package.json; its security-fix check downloads GitHub's
 * release notes (unreachable from the build machines), so that one is replaced by the same question asked of the
 * npm registry's release list (electron-version-policy.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { electronVersionProblems } from './electron-version-policy';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, '.tmp', 'electronegativity');
const input = path.join(work, 'input');
const report = path.join(work, 'report.csv');

const exceptionsSchema = z.array(z.object({ issue: z.string(), file: z.string(), reason: z.string().min(20) }).strict());
const exceptions = exceptionsSchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'audit-electron.exceptions.json'), 'utf8')));

/** Splits one CSV line with double-quoted fields (quotes doubled inside). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field.trim());
  return fields;
}

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(input, 'renderer'), { recursive: true });
fs.cpSync(path.join(root, 'electron'), path.join(input, 'electron'), { recursive: true });
fs.copyFileSync(path.join(root, 'renderer', 'index.html'), path.join(input, 'renderer', 'index.html'));
fs.copyFileSync(path.join(root, 'package.json'), path.join(input, 'package.json'));

const registrySchema = z.object({ versions: z.array(z.string()), 'dist-tags': z.object({ latest: z.string() }) });
const registry = registrySchema.parse(JSON.parse(execFileSync('npm', ['view', 'electron', 'versions', 'dist-tags', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })));
const installed = z.object({ version: z.string() }).parse(JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))).version;

execFileSync(
  process.execPath,
  ['--require', path.join(root, 'scripts', 'electronegativity-offline.cjs'), path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', input, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report, '-r', '-e', installed],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

const [, ...rows] = fs.readFileSync(report, 'utf8').split(/\r?\n/).filter(Boolean);
const findings = rows.map(parseCsvLine).map(([issue = '', severity = '', confidence = '', file = '', location = '', , description = '']) => ({ issue, severity, confidence, file, location, description }));
const reviewed = (f: (typeof findings)[number]) => exceptions.some((e) => e.issue === f.issue && e.file === f.file);
const blocking = findings.filter((f) => f.severity !== 'INFORMATIONAL' && !reviewed(f));

for (const f of findings) {
  const mark = blocking.includes(f) ? 'FAIL' : reviewed(f) ? 'reviewed' : 'info';
  console.log(`[${mark}] ${f.issue} ${f.severity}/${f.confidence} ${f.file}:${f.location} — ${f.description}`);
}
const versionProblems = electronVersionProblems(installed, registry.versions);
for (const problem of versionProblems) console.log(`[FAIL] ELECTRON_VERSION ${problem}`);
console.log(`Electron ${installed}; newest stable ${registry['dist-tags'].latest}; version policy: ${versionProblems.length === 0 ? 'ok' : 'FAILED'}.`);
console.log(`Electronegativity: ${findings.length} finding(s), ${blocking.length} blocking.`);
process.exitCode = blocking.length + versionProblems.length > 0 ? 1 : 0;
