import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendConfigInput as BackendConfig } from '../../../electron/backend/config';
import { BackendHost, type HostStatus } from '../../../electron/backend/host/backend-host';
import { apiEvents, type EventPayload } from '../../../domain/api';
import { makeLegacyInstallation } from '../../support/legacy-database';

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

  it('shows the one-time re-encryption of a legacy database as start-up events, repeated to late subscribers', async () => {
    const key = randomBytes(32);
    const cfg = config(key.toString('hex'));
    makeLegacyInstallation(path.join(cfg.dataDir, 'qabyl.db'), key, 3_000);
    const seen: Array<EventPayload<'backend.startup'>> = [];
    const host = new BackendHost({ workerFile, config: cfg });
    host.onEvent((event, payload) => {
      if (event === 'backend.startup') seen.push(apiEvents['backend.startup'].parse(payload));
    });
    await host.start();

    // Per file (the replica, then the local database) the percent only grows, up to 100; then the end, once.
    const progress = seen.filter((e) => e.state === 'reencrypting');
    expect(new Set(progress.map((e) => `${e.fileNumber}/${e.files}`))).toEqual(new Set(['1/2', '2/2']));
    for (const file of [1, 2]) {
      const percents = progress.filter((e) => e.fileNumber === file).map((e) => e.percent);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(percents.at(-1)).toBe(100);
    }
    expect(new Set(progress.filter((e) => e.fileNumber === 1).map((e) => e.percent)).size).toBeGreaterThan(2);
    const end = seen.at(-1);
    expect(end).toMatchObject({ state: 'reencrypted', files: 2, backupFile: 'qabyl.db.bak-sqlcipher4' });
    expect(end?.state === 'reencrypted' && end.rows).toBeGreaterThanOrEqual(3_000);

    // A page that connects after the start learns the outcome at once.
    const late: unknown[] = [];
    host.onEvent((event, payload) => late.push({ event, payload }))();
    expect(late).toEqual([{ event: 'backend.startup', payload: end }]);

    // A database that needs nothing says nothing.
    await host.stop();
    const again = new BackendHost({ workerFile, config: cfg });
    const quiet: string[] = [];
    again.onEvent((event) => quiet.push(event));
    await again.start();
    expect(quiet).not.toContain('backend.startup');
    await again.stop();
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
