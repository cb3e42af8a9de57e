/**
 * `npm run check:package` (after `npm run build`): prints what the installer would carry besides Electron, package by
 * package with sizes, and fails when a package is not on the runtime allow-list or the total exceeds the budget.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computePackageContents, formatMb, packageProblems, readBuilderConfig, readRuntimeDependencies } from './package-contents';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contents = computePackageContents(root, readBuilderConfig(root), readRuntimeDependencies(root));

for (const p of [...contents.packages].sort((a, b) => b.bytes - a.bytes)) console.log(`${formatMb(p.bytes).padStart(10)}  ${p.name}  (${p.dir})`);
console.log(`${formatMb(contents.appBytes).padStart(10)}  app files (out/, package.json)`);
console.log(`${formatMb(contents.resourceBytes).padStart(10)}  extra resources (migrations, fonts, NCA roots)`);
console.log(`${formatMb(contents.totalBytes).padStart(10)}  total before Electron, ${contents.packages.length} packages`);

const problems = packageProblems(contents);
for (const problem of problems) console.error(`check:package: ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
