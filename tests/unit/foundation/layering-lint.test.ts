import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PARTS } from '../../../scripts/lint/parts.js';

// The parts' allow-lists (scripts/lint/parts.js) are enforced by eslint.config.js; these cases plant imports in
// virtual files of every folder and prove each forbidden direction fails lint while each allowed one passes.
const eslint = new ESLint({ cwd: process.cwd() });
const RULE = 'qabyl/import-boundaries';

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/** A file of the part; for the repository root, a config file. */
const fileIn = (folder: string, name: string) => (folder === '' ? `${name}.config.ts` : `${folder}/${name}.ts`);

/** An import of `target` (repository path without extension) written from `from`. */
function importOf(from: string, target: string): string {
  let spec = path.posix.relative(path.posix.dirname(from), target);
  if (!spec.startsWith('.')) spec = `./${spec}`;
  return `import { planted } from '${spec}';\nexport const used = planted;\n`;
}

const restricted = PARTS.filter((part) => !part.parts.includes('*'));
const allowedFolders = (part: (typeof PARTS)[number]) => [...part.folders, ...part.parts];
const covers = (allowed: string, target: string) => allowed === '' || target === allowed || target.startsWith(`${allowed}/`);

const forbidden = restricted.flatMap((part) =>
  PARTS.filter((other) => other !== part)
    .map((other) => ({ part, other, target: fileIn(other.folders[0] as string, 'planted-target').replace(/\.ts$/, '') }))
    .filter(({ part: p, target }) => !allowedFolders(p).some((allowed) => covers(allowed, target)))
    .map(({ part: p, other, target }) => [p.name, other.name, fileIn(p.folders[0] as string, 'planted'), target] as const),
);

const allowed = restricted.flatMap((part) =>
  part.parts.map((allowedPart) => [part.name, allowedPart, fileIn(part.folders[0] as string, 'planted'), `${allowedPart}/planted-target`] as const),
);

describe('per-folder import allow-lists', () => {
  it('covers every forbidden direction of every restricted folder', () => {
    expect(new Set(forbidden.map(([from]) => from))).toEqual(new Set(restricted.map((part) => part.name)));
    expect(forbidden.length).toBeGreaterThan(60);
  });

  it.each(forbidden)('%s → %s fails lint', async (_from, _to, file, target) => {
    expect(await ruleIdsFor(file, importOf(file, target))).toContain(RULE);
  });

  it.each(allowed)('%s → %s passes', async (_from, _to, file, target) => {
    expect(await ruleIdsFor(file, importOf(file, target))).not.toContain(RULE);
  });

  it.each([
    ['renderer/src/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/backend/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['server/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['domain/bad.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['domain/bad.ts', "import fs from 'fs';\nexport const a = fs;\n"],
    ['domain/bad.ts', "import React from 'react';\nexport const a = React;\n"],
    ['renderer/src/bad.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['renderer/src/bad.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['electron/preload/bad.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['db/bad.ts', "import Fastify from 'fastify';\nexport const a = Fastify;\n"],
    ['server/bad.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['electron/backend/bad.ts', "export const load = () => import('../../server/index');\n"],
    ['server/bad.ts', "export { seedDemo } from '../demo/seed/demo-seed';\n"],
    ['electron/main/bad.ts', "import { dispatch } from '../backend/api/dispatch';\nexport const a = dispatch;\n"],
  ])('%s: %s fails lint', async (file, code) => {
    expect(await ruleIdsFor(file, code)).toContain(RULE);
  });

  it.each([
    ['electron/main/ok.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/main/ok.ts', "import { BackendHost } from '../backend/host/backend-host';\nexport const a = BackendHost;\n"],
    ['electron/preload/ok.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;\n"],
    ['renderer/src/ok.ts', "import { Button } from '@mantine/core';\nexport const a = Button;\n"],
    ['electron/backend/ok.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
  ])('%s: %s passes', async (file, code) => {
    expect(await ruleIdsFor(file, code)).not.toContain(RULE);
  });

  it('domain/ may not touch DOM or Node globals', async () => {
    expect(await ruleIdsFor('domain/bad.ts', 'export const a = window.location;\n')).toContain('no-restricted-globals');
    expect(await ruleIdsFor('domain/bad.ts', 'export const a = Buffer.from("x");\n')).toContain('no-restricted-globals');
  });

  it('docs/architecture.md lists the same parts and arrows as the lint rule', () => {
    const doc = readFileSync('docs/architecture.md', 'utf8');
    const rows = new Map(
      [...doc.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], [...(m[2] as string).matchAll(/`([^`]+)`/g)].map((x) => x[1]).sort()]),
    );
    for (const part of PARTS) {
      expect(rows.get(part.name), part.name).toEqual([...part.parts].sort());
    }
  });
});
