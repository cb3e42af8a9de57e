// The parts of the code base and what each may import: an allow-list per folder, enforced by the
// `qabyl/import-boundaries` lint rule (scripts/lint/import-boundaries.js) and drawn in docs/architecture.md.
// A relative import must land in the part itself or in one of `parts` (a listed sub-folder allows only that
// sub-folder); a package import must match `packages` ('node:*' = Node built-ins). Anything unlisted fails lint.

const nodeBuiltins = 'node:*';
const anyPackage = '*';

/** @typedef {{ name: string, folders: string[], parts: string[], packages: string[], why: string }} Part */

/** @type {Part[]} Longest folder first wins, so `electron/backend/host` inside `electron/backend` is never a part. */
export const PARTS = [
  {
    name: 'domain',
    folders: ['domain'],
    parts: [],
    packages: ['zod', 'pdf-lib', '@pdf-lib/fontkit', 'pkijs', 'asn1js'],
    why: 'pure TypeScript shared by every process: no Node, no DOM, no Electron',
  },
  {
    name: 'db',
    folders: ['db'],
    parts: ['domain'],
    packages: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', nodeBuiltins],
    why: 'the local encrypted database: schema, migrations, open',
  },
  {
    name: 'node-adapters',
    folders: ['node-adapters'],
    parts: ['domain'],
    packages: [nodeBuiltins],
    why: 'Node adapters both the server and the backend may use (fonts from disk)',
  },
  {
    name: 'electron/backend',
    folders: ['electron/backend'],
    parts: ['domain', 'db', 'node-adapters'],
    packages: ['zod', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', 'ws', 'tsx/esm/api', nodeBuiltins],
    why: 'the backend worker: SQL, sync, outbox, blobs, NCALayer client; never Electron',
  },
  {
    name: 'electron/main',
    folders: ['electron/main'],
    parts: ['domain', 'electron/preload/channels', 'electron/backend/host', 'electron/backend/config'],
    packages: ['electron', 'electron-updater', 'zod', nodeBuiltins],
    why: 'the Electron shell: window, protocols, IPC gate; starts the backend through its host',
  },
  {
    name: 'electron/preload',
    folders: ['electron/preload'],
    parts: ['domain'],
    packages: ['electron'],
    why: 'the sandboxed preload: window.qabyl from the API contract',
  },
  {
    name: 'renderer',
    folders: ['renderer'],
    parts: ['domain'],
    packages: [
      'react', 'react-dom', 'react-dom/*', '@mantine/*', '@tabler/icons-react', '@tanstack/react-virtual', 'i18next',
      'react-i18next', 'pdfjs-dist', 'pdfjs-dist/*', 'zod',
    ],
    why: 'React + Mantine UI; talks to the backend only through the API contract',
  },
  {
    name: 'server',
    folders: ['server'],
    parts: ['domain', 'node-adapters'],
    packages: ['fastify', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'drizzle-kit', 'pg', '@electric-sql/pglite', 'prom-client', '@aws-sdk/client-s3', 'zod', nodeBuiltins],
    why: 'the reference central server; knows nothing of the demo',
  },
  {
    name: 'demo',
    folders: ['demo'],
    parts: ['domain', 'db', 'node-adapters', 'server', 'electron/backend/host', 'electron/backend/worker-entry', 'tests/fixtures'],
    packages: [anyPackage],
    why: 'demo scaffolding: seed, parent simulator, dev launcher, WebSocket bridge; signs with the test PKI',
  },
  {
    name: 'scripts',
    folders: ['scripts'],
    parts: ['domain', 'node-adapters', 'demo', 'tests/fixtures'],
    packages: [anyPackage],
    why: 'build and tooling',
  },
  {
    name: 'tests',
    folders: ['tests'],
    parts: ['*'],
    packages: [anyPackage],
    why: 'tests, fixtures (test PKI, NCALayer emulator), benchmarks',
  },
  {
    name: 'root',
    folders: [''],
    parts: ['*'],
    packages: [anyPackage],
    why: 'configuration files of the tools',
  },
];
