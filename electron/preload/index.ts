/**
 * The preload (sandboxed, bundled as CJS): exposes `window.qabyl` with exactly one named function per contract
 * method (`window.qabyl.app_info(args)` → Promise of an Envelope) plus `onEvent`. No ipcRenderer object, no generic
 * invoke, and the IpcRendererEvent never reaches page code.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { exposedName, methodNames } from '../../domain/api';
import { channelForMethod, EVENT_CHANNEL } from './channels';

export type EventListener = (event: string, payload: unknown) => void;

function buildApi(): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const method of methodNames) {
    const channel = channelForMethod(method);
    api[exposedName(method)] = (args: unknown) => ipcRenderer.invoke(channel, args);
  }
  api.onEvent = (listener: EventListener): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    const relay = (_event: IpcRendererEvent, message: { event: string; payload: unknown }) => listener(message.event, message.payload);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  };
  return Object.freeze(api);
}

contextBridge.exposeInMainWorld('qabyl', buildApi());
