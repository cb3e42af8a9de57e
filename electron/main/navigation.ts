/**
 * Guards every webContents (attached from `web-contents-created`): navigation and redirects only within our exact
 * origin, no webviews, no new windows (allowed external links go to the browser through the one wrapper).
 */
import { isAppUrl } from './origin';

export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents this guard uses (kept small so tests can fake it). */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: PreventableEvent & { url: string }, url?: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function navigationTargetAllowed(url: unknown): boolean {
  return isAppUrl(url);
}

export function guardWebContents(contents: GuardableContents, openExternal: (url: string) => void): void {
  // Electron passes the URL both as the second argument (older signature) and on the event (newer); check both.
  const limit = (event: PreventableEvent & { url: string }, url?: string) => {
    const targets = [url, event.url].filter((target) => target !== undefined);
    if (targets.length === 0 || !targets.every(navigationTargetAllowed)) event.preventDefault();
  };
  contents.on('will-navigate', limit);
  contents.on('will-frame-navigate', limit);
  contents.on('will-redirect', limit);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}
