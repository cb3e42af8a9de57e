import { defineConfig } from '@playwright/test';

// Electron e2e (tier P): the built app (`npm run build`) launched through Playwright's _electron. The specs skip, with
// the reason printed, where the Electron binary is not installed (our Linux build machines).
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/e2e-electron',
});
