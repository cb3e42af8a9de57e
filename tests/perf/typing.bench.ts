/**
 * Typing latency in a text field of the built app (`dev:web --static`, the demo seed, Chromium): for every key, the
 * time from the keydown to the frame after the field changed (the next paint), read in the page itself so the
 * browser-control channel is not counted. The field is the inbox search, which also starts a search as one types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startDevWebInstance } from '../e2e/dev-web-instance';
import { metric, percentile, type BenchMetric } from './support/metrics';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'bench-typing-token-0123456789';
const TEXT = 'serikbaev 780412 abenova 2105 kg1 nurlan 0001 ';

export async function benchTyping(options: { quick: boolean }): Promise<BenchMetric[]> {
  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('the built renderer is missing: run `npm run build` first');
  const app = await startDevWebInstance({ port: 0, token: TOKEN, as: 'kg1-head', dataDir: path.join(ROOT, '.tmp', 'bench-typing'), startTimeoutMs: 300_000 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ baseURL: app.baseURL, viewport: { width: 1366, height: 768 } });
    await page.goto(`/?token=${TOKEN}#/contracts/list/review`);
    const login = page.getByRole('button', { name: /ЭЦҚ арқылы кіру|Войти с ЭЦП|Sign in/ });
    const user = page.getByTestId('session-user');
    await login.or(user).first().waitFor({ timeout: 120_000 });
    if (await login.isVisible()) {
      await login.click({ timeout: 60_000 });
      await user.waitFor({ timeout: 60_000 });
    }
    await page.locator('[role="row"][data-contract-id]').first().waitFor({ timeout: 120_000 });
    const field = page.getByRole('textbox').first();
    await field.click();
    await page.evaluate(() => {
      const w = window as unknown as { typingLatencies: number[] };
      w.typingLatencies = [];
      let downAt: number | null = null;
      window.addEventListener('keydown', (e) => (downAt = e.timeStamp), true);
      window.addEventListener('input', () => {
        const start = downAt;
        if (start === null) return;
        downAt = null;
        // rAF runs before the paint that shows the character; the task after it runs once that frame is out.
        requestAnimationFrame(() => setTimeout(() => w.typingLatencies.push(performance.now() - start), 0));
      }, true);
    });
    const rounds = options.quick ? 2 : 6;
    for (let round = 0; round < rounds; round++) {
      await page.keyboard.type(TEXT, { delay: 40 });
      await field.fill('');
    }
    const latencies = await page.evaluate(() => (window as unknown as { typingLatencies: number[] }).typingLatencies);
    return [
      metric({
        metric: 'typing_latency_p95',
        value: percentile(latencies, 95),
        unit: 'ms',
        target: { op: '<=', value: 50 },
        notes: `inbox search field of the built app, ${latencies.length} keys, keydown → next frame; p50 ${percentile(latencies, 50).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms; Chromium, 1366×768`,
      }),
    ];
  } finally {
    await browser.close();
    await app.stop();
  }
}
