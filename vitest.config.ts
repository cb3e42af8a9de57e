import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Generous: integration tests start PGlite, servers and workers, which on a loaded 2-core machine takes tens of
    // seconds; a hang still fails, a slow machine does not.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    setupFiles: ['tests/support/fast-check-seed.ts'],
  },
});
