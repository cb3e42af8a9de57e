import { defineConfig } from '@playwright/test';
import { freePortSync } from './tests/support/free-port';

// e2e-web: the built renderer in Debian's Chromium, against the real backend, demo server and NCALayer emulator
// started by `dev:web --static`. The browser comes from the system (no Playwright download).
// A free port chosen once; the workers inherit it through the environment when they load this file again.
const port = Number((process.env.E2E_PORT ??= String(freePortSync())));
export const E2E_TOKEN = 'e2e-bridge-token-not-secret';

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx tsx demo/dev-web.ts --static --port ${port} --token ${E2E_TOKEN} --data-dir .tmp/e2e-data --fresh`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
  },
});
