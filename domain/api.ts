/**
 * The API contract between the renderer and the backend: method name → zod args + zod result, and events.
 * Both transports (Electron IPC and the WebSocket bridge) and the preload are derived from this one object.
 * Each feature owns its file under domain/api/; this file only merges them.
 */
import { z } from 'zod';
import { appMethods } from './api/app';
import { authMethods } from './api/auth';
import { contractMethods } from './api/contracts';
import { groupMethods } from './api/groups';
import { apiEvents } from './api/events';
import { specialQueueMethods } from './api/special-queue';
import { syncMethods } from './api/sync';

export const apiMethods = {
  ...appMethods,
  ...authMethods,
  ...syncMethods,
  ...contractMethods,
  ...specialQueueMethods,
  ...groupMethods,
} as const;

export type ApiMethods = typeof apiMethods;
export type MethodName = keyof ApiMethods;
export type MethodArgs<M extends MethodName> = z.input<ApiMethods[M]['args']>;
export type MethodResult<M extends MethodName> = z.infer<ApiMethods[M]['result']>;
export const methodNames = Object.keys(apiMethods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiMethods, name);
}

export { apiEvents };
export type ApiEvents = typeof apiEvents;
export type EventName = keyof ApiEvents;
export type EventPayload<E extends EventName> = z.infer<ApiEvents[E]>;
export const eventNames = Object.keys(apiEvents) as EventName[];

/** The renderer-facing client: one async function per method. */
export type ApiClient = {
  [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>>;
};

/** Name of a method as exposed on window.qabyl: 'settings.get' → 'settings_get'. */
export const exposedName = (m: MethodName): string => m.replace('.', '_');
