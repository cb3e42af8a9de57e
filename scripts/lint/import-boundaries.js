// Lint rule `qabyl/import-boundaries`: every import (static, re-export, dynamic) must be allowed by the part table of
// scripts/lint/parts.js. Relative imports are resolved to a folder of the repository; bare specifiers are packages.
import path from 'node:path';
import { PARTS } from './parts.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Repository-relative path with forward slashes, or null when outside the repository. */
function repoPath(absolute) {
  const rel = path.relative(ROOT, absolute).split(path.sep).join('/');
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel;
}

const within = (file, folder) => folder === '' || file === folder || file.startsWith(`${folder}/`);

/** The part a repository path belongs to: the one with the longest matching folder. */
export function partOf(file) {
  let best = null;
  let bestLength = -1;
  for (const part of PARTS) {
    for (const folder of part.folders) {
      if (within(file, folder) && folder.length > bestLength) {
        best = part;
        bestLength = folder.length;
      }
    }
  }
  return best;
}

/** A target path without its extension matches a listed sub-path such as `electron/backend/config`. */
function targetAllowed(part, target) {
  if (part.parts.includes('*')) return true;
  const bare = target.replace(/\.(ts|tsx|js|mjs|cjs|json)$/, '');
  return [...part.folders, ...part.parts].some((allowed) => within(bare, allowed) || within(target, allowed));
}

/** 'x' is exactly the package x, 'x/*' any sub-path of x (or any package of the scope @x), 'node:*' Node built-ins. */
function packageAllowed(part, specifier) {
  const name = specifier.split('?')[0];
  return part.packages.some((allowed) => {
    if (allowed === '*') return true;
    if (allowed.endsWith('*')) return name.startsWith(allowed.slice(0, -1));
    return name === allowed;
  });
}

export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its entry in scripts/lint/parts.js allows.' },
    schema: [],
    messages: {
      part: '{{from}} may not import {{target}} (part {{to}}); allowed: {{allowed}}. See docs/architecture.md.',
      outside: '{{from}} may not import {{target}}: it lies outside the repository.',
      pkg: '{{from}} may not import the package {{target}}; allowed: {{allowed}}. See docs/architecture.md.',
    },
  },
  create(context) {
    const file = repoPath(context.filename);
    const part = file === null ? null : partOf(file);
    if (!part || file === null) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = repoPath(path.resolve(path.dirname(context.filename), specifier));
        if (target === null) {
          context.report({ node, messageId: 'outside', data: { from: part.name, target: specifier } });
          return;
        }
        if (!targetAllowed(part, target)) {
          const to = partOf(target)?.name ?? '?';
          context.report({ node, messageId: 'part', data: { from: part.name, target, to, allowed: [part.name, ...part.parts].join(', ') } });
        }
        return;
      }
      if (!packageAllowed(part, specifier)) {
        context.report({ node, messageId: 'pkg', data: { from: part.name, target: specifier, allowed: part.packages.join(', ') || 'none' } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression, node.moduleReference.expression.value),
    };
  },
};

export const boundariesPlugin = { rules: { 'import-boundaries': importBoundaries } };
