import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exposedName, methodNames } from '../../../domain/api';
import { channelForMethod, EVENT_CHANNEL } from '../../../electron/preload/channels';

// A fake electron module: records what the preload exposes and which channels it uses.
const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed,
    listeners,
    invoke: (() => undefined) as unknown as import('vitest').Mock,
  };
});

vi.mock('electron', () => {
  fake.invoke = vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } }));
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => fake.invoke(...args),
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
        fake.listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => fake.listeners.get(channel)?.delete(listener),
    },
  };
});

type Bridge = Record<string, unknown> & { onEvent(listener: (event: string, payload: unknown) => void): () => void };
let bridge: Bridge;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  bridge = fake.exposed.get('qabyl') as Bridge;
});

describe('preload', () => {
  it('exposes only window.qabyl', () => {
    expect([...fake.exposed.keys()]).toEqual(['qabyl']);
  });

  it('exposes exactly one function per contract method plus onEvent, nothing generic', () => {
    const expected = [...methodNames.map(exposedName), 'onEvent'].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    for (const forbidden of ['invoke', 'send', 'ipcRenderer', 'on', 'require', 'call']) expect(bridge).not.toHaveProperty(forbidden);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('maps each function to its own channel with the args unchanged', async () => {
    for (const method of methodNames) {
      const answer = await (bridge[exposedName(method)] as (args: unknown) => Promise<unknown>)({ probe: method });
      expect(answer).toEqual({ ok: true, value: { channel: channelForMethod(method), args: { probe: method } } });
    }
    expect(fake.invoke).toHaveBeenCalledTimes(methodNames.length);
  });

  it('relays events without the IpcRendererEvent and unsubscribes', () => {
    const seen: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args) => seen.push(args));
    const listener = [...fake.listeners.get(EVENT_CHANNEL)!][0]!;
    listener({ sender: 'ipc-renderer-internals', senderFrame: {} }, { event: 'data.changed', payload: { tables: ['contracts'] } });
    expect(seen).toEqual([['data.changed', { tables: ['contracts'] }]]);
    unsubscribe();
    expect(fake.listeners.get(EVENT_CHANNEL)!.size).toBe(0);
    expect(() => bridge.onEvent('not a function' as unknown as () => void)).toThrow(TypeError);
  });
});
