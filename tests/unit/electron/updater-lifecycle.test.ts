import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../domain/api';
import { backendStatusEvent } from '../../../electron/main/backend-status';
import { acquireSingleInstance, drainBeforeQuit } from '../../../electron/main/lifecycle';
import { createUpdater, UPDATE_CHECK_INTERVAL_MS, type AutoUpdaterLike, type UpdaterDeps } from '../../../electron/main/updater';

class FakeAutoUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checkForUpdates = vi.fn(async () => null);
}

function setup(overrides: Partial<UpdaterDeps> = {}) {
  const autoUpdater = new FakeAutoUpdater();
  const statuses: Array<EventPayload<'update.status'>> = [];
  const progress: number[] = [];
  const timers: Array<{ callback: () => void; ms: number }> = [];
  const deps: UpdaterDeps = {
    autoUpdater: autoUpdater as unknown as AutoUpdaterLike,
    pendingOutboxCount: async () => 0,
    confirmInstallWithPending: vi.fn(async () => false),
    notify: (status) => statuses.push(status),
    setProgress: (fraction) => progress.push(fraction),
    log: () => undefined,
    setInterval: (callback, ms) => timers.push({ callback, ms }),
    clearInterval: () => timers.splice(0),
    ...overrides,
  };
  return { updater: createUpdater(deps), autoUpdater, statuses, progress, timers, deps };
}

describe('updater', () => {
  it('checks at start and every 4 hours', () => {
    const { updater, autoUpdater, timers } = setup();
    updater.start();
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(4 * 60 * 60 * 1000);
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(14_400_000);
    timers[0]!.callback();
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('reports download progress to the renderer and the taskbar, then clears the bar', () => {
    const { autoUpdater, statuses, progress } = setup();
    autoUpdater.emit('update-available', { version: '0.2.0' });
    autoUpdater.emit('download-progress', { percent: 42.5 });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    expect(statuses).toEqual([
      { state: 'available', version: '0.2.0' },
      { state: 'downloading', percent: 42.5 },
      { state: 'downloaded', version: '0.2.0' },
    ]);
    expect(progress).toEqual([0.425, -1]);
  });

  it('installs on restart without asking when the outbox is empty', async () => {
    const { updater, autoUpdater, deps } = setup({ pendingOutboxCount: async () => 0 });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await updater.beforeQuit();
    expect(autoUpdater.autoInstallOnAppQuit).toBe(true);
    expect(deps.confirmInstallWithPending).not.toHaveBeenCalled();
  });

  it('asks with the count when decisions are unsent, and honours "later"', async () => {
    const confirm = vi.fn(async () => false);
    const { updater, autoUpdater } = setup({ pendingOutboxCount: async () => 3, confirmInstallWithPending: confirm });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await updater.beforeQuit();
    expect(confirm).toHaveBeenCalledWith(3);
    expect(autoUpdater.autoInstallOnAppQuit).toBe(false);
  });

  it('asks (count unknown) when the outbox cannot be counted, and installs when the user agrees', async () => {
    const confirm = vi.fn(async () => true);
    const { updater, autoUpdater } = setup({ pendingOutboxCount: async () => Promise.reject(new Error('backend down')), confirmInstallWithPending: confirm });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await updater.beforeQuit();
    expect(confirm).toHaveBeenCalledWith(null);
    expect(autoUpdater.autoInstallOnAppQuit).toBe(true);
  });

  it('does not install anything on quit when nothing was downloaded, and stops checking once downloaded', async () => {
    const { updater, autoUpdater, timers } = setup();
    updater.start();
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    timers[0]!.callback();
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    const fresh = setup();
    await fresh.updater.beforeQuit();
    expect(fresh.autoUpdater.autoInstallOnAppQuit).toBe(false);
  });

  it('turns errors into an error status and clears the bar', () => {
    const { autoUpdater, statuses, progress } = setup();
    autoUpdater.emit('error', new Error('signature mismatch'));
    expect(statuses).toEqual([{ state: 'error' }]);
    expect(progress).toEqual([-1]);
  });
});

describe('lifecycle', () => {
  it('quits a second instance and focuses the first', () => {
    const focus = vi.fn();
    const second = { requestSingleInstanceLock: () => false, on: vi.fn() };
    expect(acquireSingleInstance(second, focus)).toBe(false);
    const first = new EventEmitter() as EventEmitter & { requestSingleInstanceLock(): boolean };
    first.requestSingleInstanceLock = () => true;
    expect(acquireSingleInstance(first, focus)).toBe(true);
    first.emit('second-instance');
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('holds the quit until the drain (backend stop) finished, once', async () => {
    const app = new EventEmitter() as EventEmitter & { quit(): void };
    let releaseDrain!: () => void;
    const drain = vi.fn(() => new Promise<void>((resolve) => (releaseDrain = resolve)));
    app.quit = vi.fn(() => {
      const event = { preventDefault: vi.fn() };
      app.emit('before-quit', event);
      if (!event.preventDefault.mock.calls.length) app.emit('quit-for-real');
    });
    const quitForReal = vi.fn();
    app.on('quit-for-real', quitForReal);
    drainBeforeQuit(app, drain, () => undefined);

    app.quit();
    app.quit(); // a second request while draining must not start another drain nor quit
    expect(drain).toHaveBeenCalledTimes(1);
    expect(quitForReal).not.toHaveBeenCalled();
    releaseDrain();
    await vi.waitFor(() => expect(quitForReal).toHaveBeenCalledTimes(1));
  });

  it('still quits when the drain fails, reporting the error', async () => {
    const app = new EventEmitter() as EventEmitter & { quit(): void };
    const quitForReal = vi.fn();
    app.quit = () => {
      const event = { preventDefault: vi.fn() };
      app.emit('before-quit', event);
      if (!event.preventDefault.mock.calls.length) quitForReal();
    };
    const onError = vi.fn();
    drainBeforeQuit(app, async () => Promise.reject(new Error('stuck')), onError);
    app.quit();
    await vi.waitFor(() => expect(quitForReal).toHaveBeenCalled());
    expect(onError).toHaveBeenCalled();
  });

  it('turns backend host statuses into renderer notices', () => {
    expect(backendStatusEvent({ state: 'crashed', restarts: 2, message: 'exit code 1' })).toEqual({ state: 'crashed', restarts: 2 });
    expect(backendStatusEvent({ state: 'failed', code: 'BACKEND_CRASH_LOOP', message: 'x' })).toEqual({ state: 'failed' });
    expect(backendStatusEvent({ state: 'ready' })).toEqual({ state: 'ready' });
  });
});
