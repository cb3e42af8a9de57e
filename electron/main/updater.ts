/**
 * Auto-update through electron-updater's generic feed: check at start and every 4 hours, download in the background
 * with progress (taskbar bar + `update.status` events), and install on the next restart only when the outbox is
 * empty; with unsent decisions the user is asked first. The autoUpdater and the outbox count are injected.
 */
import type { EventPayload } from '../../domain/api';

export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdaterDeps {
  autoUpdater: AutoUpdaterLike;
  /** Decisions still in the outbox; null when they cannot be counted (backend down). */
  pendingOutboxCount: () => Promise<number | null>;
  /** Asks whether to install although decisions are unsent; true = install on this restart. */
  confirmInstallWithPending: (count: number | null) => Promise<boolean>;
  notify: (status: EventPayload<'update.status'>) => void;
  /** Taskbar progress: 0..1 while downloading, -1 to remove the bar. */
  setProgress: (fraction: number) => void;
  log: (message: string) => void;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export function createUpdater(deps: UpdaterDeps) {
  const { autoUpdater, notify, setProgress } = deps;
  const every = deps.setInterval ?? ((callback, ms) => setInterval(callback, ms));
  const cancel = deps.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
  let downloadedVersion: string | null = null;
  let timer: unknown = null;

  autoUpdater.autoDownload = true;
  // Must be true when the download finishes, or electron-updater never adds its quit handler; the handler re-reads
  // the flag at quit time, and beforeQuit() sets it to the real decision before the app quits.
  autoUpdater.autoInstallOnAppQuit = true;

  autoUpdater.on('checking-for-update', () => notify({ state: 'checking' }));
  autoUpdater.on('update-not-available', () => notify({ state: 'none' }));
  autoUpdater.on('update-available', (info) => notify({ state: 'available', version: info.version }));
  autoUpdater.on('download-progress', (progress) => {
    const percent = Math.min(100, Math.max(0, progress.percent));
    setProgress(percent / 100);
    notify({ state: 'downloading', percent });
  });
  autoUpdater.on('update-downloaded', (info) => {
    downloadedVersion = info.version;
    setProgress(-1);
    notify({ state: 'downloaded', version: info.version });
  });
  autoUpdater.on('error', (error) => {
    setProgress(-1);
    deps.log(`update failed: ${error.message}`);
    notify({ state: 'error' });
  });

  const check = () => {
    if (downloadedVersion) return; // already waiting for a restart
    autoUpdater.checkForUpdates().catch((error: unknown) => deps.log(`update check failed: ${String(error)}`));
  };

  return {
    start(): void {
      check();
      timer = every(check, UPDATE_CHECK_INTERVAL_MS);
    },
    /** Called once while the app quits: decides whether the downloaded update installs now. */
    async beforeQuit(): Promise<void> {
      if (timer !== null) cancel(timer);
      timer = null;
      if (!downloadedVersion) {
        autoUpdater.autoInstallOnAppQuit = false; // a download finishing during the quit must not install unasked
        return;
      }
      const count = await deps.pendingOutboxCount().catch(() => null);
      autoUpdater.autoInstallOnAppQuit = count === 0 || (await deps.confirmInstallWithPending(count));
    },
  };
}
export type Updater = ReturnType<typeof createUpdater>;
