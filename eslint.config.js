// ESLint flat config. Besides code quality, it enforces the parts of the layout (docs/architecture.md): every folder
// has an allow-list of the folders and packages it may import (scripts/lint/parts.js), anything unlisted fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { boundariesPlugin } from './scripts/lint/import-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'renderer/dist', 'db/migrations', 'test-results', 'playwright-report', '.data', '.tmp', '.tools', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { qabyl: boundariesPlugin },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'qabyl/import-boundaries': 'error',
    },
  },
  {
    files: ['domain/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
