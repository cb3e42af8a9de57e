/** IPC channel names shared by the preload and the main-process gate: one channel per contract method, one for events. */
import type { MethodName } from '../../domain/api';

const CHANNEL_PREFIX = 'qabyl:';

export const channelForMethod = (method: MethodName): string => `${CHANNEL_PREFIX}call:${method}`;

/** Backend and shell events reach the renderer on this single channel as `{ event, payload }`. */
export const EVENT_CHANNEL = `${CHANNEL_PREFIX}event`;
