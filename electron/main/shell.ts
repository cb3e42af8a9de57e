/**
 * The Electron shell, wired from injected Electron objects: security defaults before `ready`, protocols and
 * permission handlers on every session, the DB key, the backend worker, the IPC gate, the window, the updater and
 * the drained quit. index.ts passes the real modules; every piece with logic lives in its own tested module.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as Electron from 'electron';
import type { EventPayload } from '../../domain/api';
import { AppError } from '../../domain/envelope';
import { BackendHost } from '../backend/host/backend-host';
import type { BackendConfigInput } from '../backend/config';
import { backendStatusEvent } from './backend-status';
import { dataPaths, eraseLocalData, type DataPaths } from './data-paths';
import { fileKeyStore, loadOrCreateDbKey } from './db-key';
import type { DemoServices, StartDemoServices } from '../../domain/demo-services';
import { createEventForwarder } from './event-forwarder';
import { openExternalSafely } from './external-links';
import { installIpcGate } from './ipc-gate';
import { askToStartOver } from './key-recovery';
import { acquireSingleInstance, drainBeforeQuit } from './lifecycle';
import { bilingual, bilingualCaption, shellText, type KeyProblem } from './messages';
import { guardWebContents } from './navigation';
import { installPermissionHandlers } from './permissions';
import { installProtocols, registerPrivilegedSchemes } from './protocols';
import { assertProductionTrustStore, readCertificates, readProductionConfig, resolveMode, CONFIG_FILE_NAME, type Mode } from './shell-config';
import { createUpdater, type AutoUpdaterLike, type Updater } from './updater';
import { createMainWindow } from './window';

export interface ShellDeps {
  app: Electron.App;
  BrowserWindow: typeof Electron.BrowserWindow;
  dialog: Electron.Dialog;
  ipcMain: Electron.IpcMain;
  protocol: Electron.Protocol;
  safeStorage: Electron.SafeStorage;
  session: typeof Electron.session;
  shell: Electron.Shell;
  autoUpdater: AutoUpdaterLike;
  /** Built files: out/main/../preload, ../backend, ../renderer; resources: migrations, fonts, nca-roots. */
  files: { preload: string; worker: string; rendererRoot: string; migrationsFolder: string; resourcesDir: string };
  startDemoServices: StartDemoServices;
}

/** A dedicated, cache-less session: server answers with children's data never land in an HTTP disk cache. */
const SESSION_PARTITION = 'persist:qabyl';

type Started = { host: BackendHost; demo: DemoServices | null };

export function runShell(deps: ShellDeps): void {
  const { app } = deps;
  let window: Electron.BrowserWindow | null = null;
  const log = (message: string) => console.log(`[qabyl] ${message}`);

  if (!acquireSingleInstance(app, () => focus(window))) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerPrivilegedSchemes(deps.protocol);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void openExternalSafely(deps.shell, url)));
  app.on('session-created', (session) => installPermissionHandlers(session));
  app.on('window-all-closed', () => app.quit());

  const forwarder = createEventForwarder(
    () => (window && !window.isDestroyed() ? [window.webContents] : []),
    (event) => log(`dropped event ${event}`),
  );

  void app.whenReady().then(async () => {
    const mode = resolveMode({ isPackaged: app.isPackaged, argv: process.argv });
    const paths = dataPaths(app.getPath('userData'));
    const session = deps.session.fromPartition(SESSION_PARTITION, { cache: false });
    let started: Started | null = null;
    for (const ses of [deps.session.defaultSession, session]) {
      installPermissionHandlers(ses);
      installProtocols(ses.protocol, { rendererRoot: deps.files.rendererRoot, readDocument: (sha256) => readDocument(started, sha256) });
    }

    // The window opens as soon as a backend worker exists, so a long start (the one-time re-encryption of a legacy
    // database) shows its progress; calls made meanwhile wait for the backend to be ready.
    let host: BackendHost | null = null;
    let hostCreated: (created: BackendHost) => void = () => undefined;
    const firstHost = new Promise<BackendHost>((resolve) => (hostCreated = resolve));
    installIpcGate(deps.ipcMain, async (method, args) => (host ?? (await firstHost)).call(method, args));
    const onHost = (created: BackendHost) => {
      host = created;
      hostCreated(created);
      window ??= createMainWindow(deps.BrowserWindow, { preloadFile: deps.files.preload, session, devTools: !app.isPackaged });
    };
    try {
      started = await startBackend(
        deps,
        mode,
        paths,
        (event, payload) => forwarder.forward(event, payload),
        (status) => forwarder.emit('backend.status', status),
        onHost,
      );
    } catch (error) {
      deps.dialog.showErrorBox(bilingualCaption(shellText('backendFailedTitle')), error instanceof Error ? error.message : String(error));
    }
    if (!started) {
      app.quit();
      return;
    }
    const { demo } = started;
    const running = started.host;
    const updater: Updater | null = app.isPackaged ? startUpdater(deps, running, () => window, (status) => forwarder.emit('update.status', status), log) : null;

    drainBeforeQuit(
      app,
      async () => {
        await updater?.beforeQuit();
        await running.stop();
        await demo?.close();
      },
      (error) => log(`quit drain failed: ${String(error)}`),
    );
  });
}

function focus(window: Electron.BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

async function readDocument(started: Started | null, sha256: string): Promise<Uint8Array | null> {
  if (!started) return null;
  const answer = await started.host.call('documents.get', { sha256 });
  if (!answer.ok) return null;
  const value = answer.value as { base64: string };
  return Uint8Array.from(Buffer.from(value.base64, 'base64'));
}

/**
 * Unwraps (or creates) the DB key and starts the backend with it. A lost key, or a DB that refuses the key, leads to
 * the "start over from the server" dialog; only the user's double confirmation erases anything.
 */
async function startBackend(
  deps: ShellDeps,
  mode: Mode,
  paths: DataPaths,
  onEvent: (event: string, payload: unknown) => void,
  onStatus: (status: EventPayload<'backend.status'>) => void,
  onHost: (host: BackendHost) => void,
): Promise<Started | null> {
  const { app } = deps;
  const locale = app.getLocale();
  const offerStartOver = (problem: KeyProblem): boolean => {
    if (!askToStartOver(deps.dialog, problem, locale)) return false;
    eraseLocalData(paths);
    return true;
  };
  const demo = mode === 'demo' ? await deps.startDemoServices({ dataDir: path.join(paths.dataDir, 'demo') }) : null;
  const external = demo ?? productionServices(deps);

  for (;;) {
    const key = await loadOrCreateDbKey({
      safeStorage: deps.safeStorage,
      store: fileKeyStore(paths.wrappedKeyFile),
      databaseExists: () => fs.existsSync(paths.databaseFile),
    });
    if (!key.ok) {
      if (offerStartOver(key.problem)) continue;
      await demo?.close();
      return null;
    }
    const config: BackendConfigInput = {
      appVersion: app.getVersion(),
      mode,
      dataDir: paths.dataDir,
      dbKeyHex: Buffer.from(key.key).toString('hex'),
      migrationsFolder: deps.files.migrationsFolder,
      resourcesDir: deps.files.resourcesDir,
      serverUrl: external.serverUrl,
      ncalayer: external.ncalayer,
      trustedRootsPem: external.trustedRootsPem,
      revocation: external.revocation,
    };
    const host = new BackendHost({ workerFile: deps.files.worker, config, onEvent, onStatus: (status) => onStatus(backendStatusEvent(status)) });
    onHost(host);
    try {
      await host.start();
      return { host, demo };
    } catch (error) {
      await host.stop();
      if (error instanceof Error && (error as Partial<AppError>).code === 'DB_KEY_INVALID' && offerStartOver('db-rejects-key')) continue;
      await demo?.close();
      throw error;
    }
  }
}

function productionServices(deps: ShellDeps): Omit<DemoServices, 'close'> {
  const config = readProductionConfig(path.join(path.dirname(deps.app.getPath('exe')), CONFIG_FILE_NAME));
  const roots = readCertificates(path.join(deps.files.resourcesDir, 'nca-roots'));
  assertProductionTrustStore(roots);
  // NCALayer's local TLS certificate chains to the NCA RK root, so the same roots pin that socket.
  return {
    serverUrl: config.serverUrl,
    ncalayer: { url: config.ncalayerUrl, tlsCaPem: roots.join('\n') || null, allowTestKeys: false },
    trustedRootsPem: roots,
    // Production asks the responders and CRLs the NCA certificates name.
    revocation: {},
  };
}

function startUpdater(
  deps: ShellDeps,
  host: BackendHost,
  window: () => Electron.BrowserWindow | null,
  notify: (status: EventPayload<'update.status'>) => void,
  log: (message: string) => void,
): Updater {
  const updater = createUpdater({
    autoUpdater: deps.autoUpdater,
    pendingOutboxCount: async () => {
      const answer = await host.call('sync.status', {});
      return answer.ok ? (answer.value as { pending: number }).pending : null;
    },
    confirmInstallWithPending: async (count) => {
      const INSTALL = 1;
      const { response } = await deps.dialog.showMessageBox({
        type: 'question',
        title: bilingualCaption(shellText('updateReadyTitle')),
        message: bilingual(shellText('updatePendingDecisions', { count: count ?? shellText('unknownCount') }), deps.app.getLocale()),
        buttons: [bilingualCaption(shellText('installLater')), bilingualCaption(shellText('installNow'))],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      return response === INSTALL;
    },
    notify,
    setProgress: (fraction) => window()?.setProgressBar(fraction),
    log,
  });
  updater.start();
  return updater;
}
