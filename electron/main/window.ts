/**
 * The main window. Its webPreferences are written out in full (every security-relevant key explicit, checked by a
 * static test) instead of relying on Electron's defaults.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import { APP_ENTRY_URL } from './origin';

export interface MainWindowOptions {
  preloadFile: string;
  session: Session;
  /** DevTools only in development builds. */
  devTools: boolean;
}

export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Qabyl',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadFile,
      session: options.session,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  };
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createMainWindow(BrowserWindowCtor: BrowserWindowConstructor, options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindowCtor(mainWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
