// ESLint flat config. Besides code quality, it enforces the dependency rules of the layout (docs/architecture.md):
// domain/ is pure, renderer/ sees only domain/ and itself, and only electron/main and electron/preload import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const nodeBuiltins = {
  group: ['node:*'],
  message: 'This layer must not use Node built-ins.',
};
const outsideRenderer = {
  group: ['**/db/**', '**/server/**', '**/electron/**', '**/tests/**', '**/scripts/**', 'better-sqlite3', 'ws', 'drizzle-orm*', 'fastify*', 'pg', '@electric-sql/*'],
  message: 'renderer/ may import only domain/ and its own files (plus UI libraries).',
};
const outsideDomain = {
  group: ['**/db/**', '**/server/**', '**/electron/**', '**/renderer/**', '**/tests/**', '**/scripts/**', 'better-sqlite3', 'ws', 'react', 'react-dom', 'drizzle-orm*', 'fastify*'],
  message: 'domain/ is pure TypeScript shared by every layer.',
};
const nodeModules = [
  'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'https', 'net', 'tls', 'stream', 'url',
  'util', 'events', 'zlib', 'buffer', 'process',
].map((name) => ({ name, message: 'This layer must not use Node built-ins.' }));

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'renderer/dist', 'db/migrations', 'test-results', 'playwright-report', '.data', '.tmp', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electron] }],
    },
  },
  {
    files: ['domain/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electron, ...nodeModules], patterns: [nodeBuiltins, outsideDomain] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electron, ...nodeModules], patterns: [nodeBuiltins, outsideRenderer] }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
