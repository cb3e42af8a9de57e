import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toDer } from '../../../domain/pki';
import { startEmulator, type RunningEmulator } from '../../fixtures/ncalayer/emulator';
import { opensslVerifies } from '../../unit/pki/openssl';

const run = promisify(execFile);
let emulator: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ keystore: ['kg1-head'], hardwareTokens: ['AKKaztokenStore'] });
  dir = mkdtempSync(join(tmpdir(), 'qabyl-ncalayer-'));
  writeFileSync(join(dir, 'ca.pem'), emulator.caPem);
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

it('the npm ncalayer-js-client connects, reads the version, lists tokens and gets a CMS openssl accepts', async () => {
  const document = Buffer.from('Қабыл: документ для подписи');
  emulator.setUser({ type: 'approve' });
  const script = join(import.meta.dirname, 'third-party-client.mjs');
  // The cancel of the second (commonUtils) call is scripted after the first signature: switch the user mid-run.
  const child = run(process.execPath, [script, emulator.url, document.toString('base64')], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem') }, timeout: 20_000,
  });
  const switchToCancel = setInterval(() => {
    if (emulator.requests().some((r) => (r as { method?: string }).method === 'sign')) emulator.setUser({ type: 'cancel' });
  }, 5);
  const { stdout } = await child.finally(() => clearInterval(switchToCancel));
  const result = JSON.parse(stdout) as { version: string; tokens: string[]; cms: string; cancelled: string | false };

  expect(result.version).toBe('1.4');
  expect(result.tokens).toEqual(['AKKaztokenStore']);
  expect(result.cms.startsWith('-----BEGIN CMS-----\n')).toBe(true);
  expect(opensslVerifies(toDer(result.cms), document)).toBe(true);
  expect(result.cancelled).toBe('500: action.canceled');
  // It probed KAZTOKEN's module first and got NCALayer's answer to an unknown module.
  const frames = emulator.frames.map((f) => f.data);
  expect(frames).toContain('{"module":"kz.digiflow.mobile.extensions","method":"getVersion"}');
  expect(frames).toContain('{"success":false,"errorCode":"MODULE_NOT_FOUND"}');
});
