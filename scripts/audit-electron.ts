/**
 * `npm run audit:electron`: runs Electronegativity over the Electron sources (main, preload, backend) and the
 * renderer's index.html, then fails on any finding above INFORMATIONAL that is not in the reviewed exceptions file
 * (Electronegativity itself always exits 0). Electron-version checks are skipped: they need GitHub.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

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

execFileSync(
  process.execPath,
  [path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'), '-i', input, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report, '-r', '-v', 'false', '-e', '41.0.0'],
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
console.log(`Electronegativity: ${findings.length} finding(s), ${blocking.length} blocking.`);
process.exitCode = blocking.length > 0 ? 1 : 0;
