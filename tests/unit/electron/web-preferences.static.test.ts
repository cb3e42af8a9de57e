/**
 * Static check: every `webPreferences` object literal and every `new BrowserWindow`/`WebContentsView`/`BrowserView`
 * in the product code carries the required security settings (checklist E02-E04, E06, E08-E11).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const required: Record<string, boolean> = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
};
const forbiddenKeys = ['enableBlinkFeatures', 'nodeIntegrationInWorkers'];
/** Factories whose returned literal is checked here; a window built from anything else is a finding. */
const auditedFactories = ['mainWindowOptions'];
const windowClasses = /(^|\.)(BrowserWindow\w*|WebContentsView|BrowserView)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

function findProblems(fileName: string, text: string): { problems: string[]; literals: number; windows: number } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  let literals = 0;
  let windows = 0;
  const where = (node: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  const checkPreferences = (literal: ts.ObjectLiteralExpression) => {
    literals += 1;
    const values = new Map<string, string>();
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property)) problems.push(`${where(property)}: spread in webPreferences hides settings`);
      else if (property.name) values.set(property.name.getText(source), ts.isPropertyAssignment(property) ? property.initializer.getText(source) : '?');
    }
    for (const [key, value] of Object.entries(required)) {
      if (values.get(key) !== String(value)) problems.push(`${where(literal)}: ${key} must be ${value} (is ${values.get(key) ?? 'unset'})`);
    }
    for (const key of forbiddenKeys) if (values.has(key)) problems.push(`${where(literal)}: ${key} must not be set`);
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'webPreferences') {
      if (ts.isObjectLiteralExpression(node.initializer)) checkPreferences(node.initializer);
      else problems.push(`${where(node)}: webPreferences must be an object literal`);
    }
    if (ts.isNewExpression(node) && windowClasses.test(node.expression.getText(source))) {
      windows += 1;
      const [options] = node.arguments ?? [];
      const fromFactory = options && ts.isCallExpression(options) && auditedFactories.includes(options.expression.getText(source));
      const literalWithPreferences =
        options && ts.isObjectLiteralExpression(options) && options.properties.some((p) => p.name?.getText(source) === 'webPreferences');
      if (!fromFactory && !literalWithPreferences) problems.push(`${where(node)}: window options must be a literal with webPreferences or ${auditedFactories.join('/')}()`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { problems, literals, windows };
}

describe('webPreferences static check', () => {
  const root = path.resolve(__dirname, '../../..');
  const files = ['electron', 'renderer', 'scripts', 'server'].flatMap((dir) => (fs.existsSync(path.join(root, dir)) ? sourceFiles(path.join(root, dir)) : []));

  it('finds the window factory and every literal compliant', () => {
    const results = files.map((file) => findProblems(path.relative(root, file), fs.readFileSync(file, 'utf8')));
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    expect(results.reduce((n, r) => n + r.literals, 0)).toBeGreaterThanOrEqual(1);
    expect(results.reduce((n, r) => n + r.windows, 0)).toBeGreaterThanOrEqual(1);
  });

  it('reports insecure literals and unaudited windows', () => {
    const bad = `
      const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
      const v = new WebContentsView(opts);
      const x = { webPreferences: { ...secure, enableBlinkFeatures: 'X' } };
      const y = { webPreferences: prefs };`;
    const { problems } = findProblems('bad.ts', bad);
    const text = problems.join('\n');
    for (const expected of ['nodeIntegration must be false', 'contextIsolation must be true', 'sandbox must be true', 'webSecurity must be true', 'window options must be', 'spread in webPreferences', 'enableBlinkFeatures must not be set', 'must be an object literal']) {
      expect(text).toContain(expected);
    }
  });
});
