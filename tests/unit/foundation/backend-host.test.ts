import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendConfigInput as BackendConfig } from '../../../electron/backend/config';
import { BackendHost, type HostStatus } from '../../../electron/backend/host/backend-host';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function config(dbKeyHex = randomBytes(32).toString('hex')): BackendConfig {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-host-'));
  dirs.push(dataDir);
  return {
    appVersion: '0.0.0-test',
    mode: 'production',
    dataDir,
    dbKeyHex,
    migrationsFolder: path.resolve('db/migrations'),
    resourcesDir: path.resolve('resources'),
    serverUrl: 'http://127.0.0.1:9',
    ncalayer: { url: 'wss://127.0.0.1:13579', tlsCaPem: null },
    trustedRootsPem: [],
  };
}
const workerFile = path.resolve('electron/backend/worker-entry.ts');

describe('BackendHost (worker thread)', () => {
  it('answers calls with request ids, keeps settings across a restart of the worker', async () => {
    const cfg = config();
    const statuses: HostStatus['state'][] = [];
    const host = new BackendHost({ workerFile, config: cfg, onStatus: (s) => statuses.push(s.state) });
    await host.start();
    const [a, b] = await Promise.all([host.call('app.info', {}), host.call('settings.set', { language: 'ru' })]);
    expect(a).toMatchObject({ ok: true, value: { appVersion: '0.0.0-test', protocolVersion: 1 } });
    expect(b).toEqual({ ok: true, value: { language: 'ru' } });

    await host.kill(); // a crash: the host restarts the worker by itself
    const after = await waitFor(() => host.call('settings.get', {}), (r) => r.ok);
    expect(after).toEqual({ ok: true, value: { language: 'ru' } });
    expect(statuses).toContain('crashed');
    await host.stop();
    expect(statuses.at(-1)).toBe('stopped');
  });

  it('reports a wrong DB key as a failed start with a typed code', async () => {
    const cfg = config();
    const first = new BackendHost({ workerFile, config: cfg });
    await first.start();
    await first.stop();
    const statuses: HostStatus[] = [];
    const second = new BackendHost({ workerFile, config: { ...cfg, dbKeyHex: randomBytes(32).toString('hex') }, onStatus: (s) => statuses.push(s) });
    await expect(second.start()).rejects.toMatchObject({ code: 'DB_KEY_INVALID' });
    expect(statuses).toContainEqual(expect.objectContaining({ state: 'failed', code: 'DB_KEY_INVALID' }));
    expect(statuses.filter((s) => s.state === 'starting')).toHaveLength(1); // no restart loop
    await second.stop();
  });

  it('answers calls after stop with BACKEND_UNAVAILABLE instead of hanging', async () => {
    const host = new BackendHost({ workerFile, config: config() });
    await host.start();
    await host.stop();
    expect(await host.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'BACKEND_UNAVAILABLE' } });
  });
});

async function waitFor<T>(fn: () => Promise<T>, done: (v: T) => boolean, attempts = 50): Promise<T> {
  let last: T = await fn();
  for (let i = 0; i < attempts && !done(last); i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await fn();
  }
  return last;
}
