import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layout's dependency rules are enforced by eslint.config.js; these cases prove a violation fails lint.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layering rules', () => {
  it.each([
    ['renderer/src/bad.ts', "import 'electron';\n"],
    ['renderer/src/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/backend/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['domain/bad.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['domain/bad.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['renderer/src/bad.ts', "import { openDatabase } from '../../db/open';\nexport const a = openDatabase;\n"],
    ['renderer/src/bad.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['server/bad.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s: %s fails lint', async (file, code) => {
    expect(await ruleIdsFor(file, code)).toContain('no-restricted-imports');
  });

  it('domain/ may not touch DOM or Node globals', async () => {
    expect(await ruleIdsFor('domain/bad.ts', 'export const a = window.location;\n')).toContain('no-restricted-globals');
    expect(await ruleIdsFor('domain/bad.ts', 'export const a = Buffer.from("x");\n')).toContain('no-restricted-globals');
  });

  it.each([
    ['electron/main/ok.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/preload/ok.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;\n"],
    ['renderer/src/ok.ts', "import { apiMethods } from '../../domain/api';\nexport const a = apiMethods;\n"],
    ['electron/backend/ok.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
  ])('%s is allowed', async (file, code) => {
    expect(await ruleIdsFor(file, code)).not.toContain('no-restricted-imports');
  });
});
