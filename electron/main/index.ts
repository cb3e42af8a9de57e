/**
 * Entry of the Electron main process (bundled to out/main/index.cjs). It only gathers the real Electron modules and
 * file locations and hands them to runShell(); the logic lives in the modules next to this one.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { StartDemoServices } from '../../domain/demo-services';
import { runShell } from './shell';

// Files packed into app.asar cannot be a worker's entry or hold the native module; they are unpacked (asarUnpack).
const unpacked = (file: string) => file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
const resourcesRoot = app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources');

/** Demo services are built to out/demo only for unpackaged runs (`npm start`); a packaged app never loads them. */
const startDemoServices: StartDemoServices = async (options) => {
  const demoModule = (await import(pathToFileURL(path.join(__dirname, '..', 'demo', 'index.mjs')).href)) as { startDemoServices: StartDemoServices };
  return demoModule.startDemoServices(options);
};

runShell({
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  shell,
  autoUpdater,
  files: {
    preload: path.join(__dirname, '..', 'preload', 'index.cjs'),
    worker: unpacked(path.join(__dirname, '..', 'backend', 'worker.mjs')),
    rendererRoot: path.join(__dirname, '..', 'renderer'),
    migrationsFolder: app.isPackaged ? path.join(process.resourcesPath, 'migrations') : path.join(app.getAppPath(), 'db', 'migrations'),
    resourcesDir: resourcesRoot,
  },
  startDemoServices,
});
