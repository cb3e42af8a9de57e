import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_RUNTIME_PACKAGES,
  computePackageContents,
  matchesFileSet,
  packageProblems,
  PACKAGE_BUDGET_BYTES,
  readBuilderConfig,
  readRuntimeDependencies,
} from '../../../scripts/package-contents';

const root = path.resolve(__dirname, '../../..');
const config = readBuilderConfig(root);
const runtime = readRuntimeDependencies(root);

describe('what the installer carries', () => {
  it('holds only the runtime allow-list, within the budget', () => {
    const contents = computePackageContents(root, config, runtime);
    const names = contents.packages.map((p) => p.name);
    expect(names).toContain('better-sqlite3');
    expect(names).toContain('electron-updater');
    expect(names.filter((n) => !(ALLOWED_RUNTIME_PACKAGES as readonly string[]).includes(n))).toEqual([]);
    expect(packageProblems(contents)).toEqual([]);
    expect(contents.totalBytes).toBeLessThan(PACKAGE_BUDGET_BYTES);
  });

  it.each(['fastify', '@electric-sql/pglite', 'pdfjs-dist', 'node-forge'])('fails when the dev-only %s is moved into dependencies', (name) => {
    const problems = packageProblems(computePackageContents(root, config, [...runtime, name]));
    expect(problems.some((p) => p.startsWith(`${name} (`))).toBe(true);
  });

  it('fails on size alone when the exclusions of the native module are dropped', () => {
    const loose = { ...config, files: config.files.filter((p) => !p.includes('better-sqlite3')) };
    const strict = computePackageContents(root, config, runtime);
    const bigger = computePackageContents(root, loose, runtime);
    expect(bigger.totalBytes).toBeGreaterThan(strict.totalBytes + 10 * 1024 * 1024);
  });

  it('applies electron-builder glob order: later patterns win, ! excludes', () => {
    const patterns = ['out/**', '!out/demo/**', '!**/*.map', 'package.json'];
    expect(matchesFileSet('out/main/index.cjs', patterns)).toBe(true);
    expect(matchesFileSet('out/demo/index.mjs', patterns)).toBe(false);
    expect(matchesFileSet('out/main/index.cjs.map', patterns)).toBe(false);
    expect(matchesFileSet('package.json', patterns)).toBe(true);
    expect(matchesFileSet('server/app.ts', patterns)).toBe(false);
  });
});
