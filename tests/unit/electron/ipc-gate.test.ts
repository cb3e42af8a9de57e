import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../domain/api';
import { ok, type Envelope } from '../../../domain/envelope';
import { createEventForwarder } from '../../../electron/main/event-forwarder';
import { installIpcGate, type InvokeEvent, type SenderFrame } from '../../../electron/main/ipc-gate';
import { channelForMethod, EVENT_CHANNEL } from '../../../electron/preload/channels';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    ipcMain: { handle: (channel: string, listener: Listener) => handlers.set(channel, listener), removeHandler: (channel: string) => handlers.delete(channel) },
  };
}

const mainFrame = (url: string): SenderFrame => ({ url, parent: null });
const ourPage = { senderFrame: mainFrame('app://qabyl/index.html') };

describe('IPC gate', () => {
  it('registers exactly one channel per contract method and removes them all', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const uninstall = installIpcGate(ipcMain, async () => ok({}));
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelForMethod).sort());
    uninstall();
    expect(handlers.size).toBe(0);
  });

  it('forwards a valid call from our main frame to the backend and returns its envelope', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const backend = vi.fn(async () => ok({ language: 'ru' }));
    installIpcGate(ipcMain, backend);
    const answer = await handlers.get(channelForMethod('settings.set'))!(ourPage, { language: 'ru' });
    expect(answer).toEqual(ok({ language: 'ru' }));
    expect(backend).toHaveBeenCalledWith('settings.set', { language: 'ru' });
  });

  const hostileSenders: Array<[string, InvokeEvent]> = [
    ['no frame', { senderFrame: null }],
    ['a sub-frame of our page', { senderFrame: { url: 'app://qabyl/index.html', parent: mainFrame('app://qabyl/index.html') } }],
    ['another origin', { senderFrame: mainFrame('https://evil.com/') }],
    ['a lookalike host', { senderFrame: mainFrame('app://qabyl.evil/index.html') }],
    ['file:', { senderFrame: mainFrame('file:///C:/x/index.html') }],
    ['a document', { senderFrame: mainFrame(`doc://${'a'.repeat(64)}`) }],
    ['about:blank', { senderFrame: mainFrame('about:blank') }],
  ];

  it.each(hostileSenders)('refuses %s with FORBIDDEN_SENDER before the backend sees it', async (_name, event) => {
    const { ipcMain, handlers } = fakeIpcMain();
    const backend = vi.fn(async () => ok({}));
    installIpcGate(ipcMain, backend);
    const answer = await handlers.get(channelForMethod('app.info'))!(event, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(backend).not.toHaveBeenCalled();
  });

  it('refuses bad args with BAD_ARGS and never calls the backend', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const backend = vi.fn(async () => ok({}));
    installIpcGate(ipcMain, backend);
    const handler = handlers.get(channelForMethod('settings.set'))!;
    for (const args of [{ language: 'de' }, { language: 'kk', extra: 1 }, 'kk', 42, [{ language: 'kk' }]]) {
      expect(await handler(ourPage, args)).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    }
    expect(await handler(ourPage, { language: 'kk' }, { second: true })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(backend).not.toHaveBeenCalled();
  });

  it('exposes no channel for an unknown method', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    installIpcGate(ipcMain, async () => ok({}));
    expect(handlers.has('qabyl:call:db.exec')).toBe(false);
    expect([...handlers.keys()].every((channel) => channel.startsWith('qabyl:call:'))).toBe(true);
  });
});

describe('event forwarder', () => {
  const target = () => ({ isDestroyed: () => false, send: vi.fn() });

  it('sends contract events with valid payloads on the one event channel', () => {
    const window = target();
    const forwarder = createEventForwarder(() => [window], () => undefined);
    forwarder.emit('backend.status', { state: 'crashed', restarts: 1 });
    expect(window.send).toHaveBeenCalledWith(EVENT_CHANNEL, { event: 'backend.status', payload: { state: 'crashed', restarts: 1 } });
  });

  it('drops unknown events and invalid payloads, and skips destroyed windows', () => {
    const window = target();
    const gone = { isDestroyed: () => true, send: vi.fn() };
    const dropped: string[] = [];
    const forwarder = createEventForwarder(() => [window, gone], (event) => dropped.push(event));
    forwarder.forward('db.secret', { key: 'x' });
    forwarder.forward('update.status', { state: 'downloading', percent: 400 });
    expect(dropped).toEqual(['db.secret', 'update.status']);
    expect(window.send).not.toHaveBeenCalled();
    forwarder.forward('data.changed', { tables: ['contracts'] });
    expect(window.send).toHaveBeenCalledTimes(1);
    expect(gone.send).not.toHaveBeenCalled();
  });
});
