/**
 * App lifecycle pieces that need care: one instance only (it is also the only SQLite writer), and a quit that waits
 * for the drain (updater decision, backend stop: outbox sender finished, DB closed) before the process exits.
 */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** Returns false when another instance runs (this one must quit); otherwise focuses us when a second one starts. */
export function acquireSingleInstance(app: InstanceApp, focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', focusExisting);
  return true;
}

export interface QuitApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** Holds the first quit until `drain` finishes, then quits for real; later quit requests pass straight through. */
export function drainBeforeQuit(app: QuitApp, drain: () => Promise<void>, onError: (error: unknown) => void): void {
  let state: 'running' | 'draining' | 'drained' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'drained') return;
    event.preventDefault();
    if (state === 'draining') return;
    state = 'draining';
    drain()
      .catch(onError)
      .finally(() => {
        state = 'drained';
        app.quit();
      });
  });
}
