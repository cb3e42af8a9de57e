import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok, type Envelope } from '../../../domain/envelope';
import { attachBridge, type BridgeTarget } from '../../../demo/bridge/ws-bridge';

const TOKEN = 'test-token-0123456789abcdef';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startBridge(): Promise<{ port: number; calls: Array<[string, unknown]>; emit: (e: string, p: unknown) => void }> {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Set<(e: string, p: unknown) => void>();
  const target: BridgeTarget = {
    call: async (method, args): Promise<Envelope<unknown>> => {
      calls.push([method, args]);
      return ok({ language: 'kk' });
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const server = http.createServer();
  const bridge = attachBridge(server, { token: TOKEN, target });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => bridge.close(), () => new Promise<void>((r) => server.close(() => r())));
  return { port: (server.address() as { port: number }).port, calls, emit: (e, p) => listeners.forEach((l) => l(e, p)) };
}

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    cleanups.push(() => ws.terminate());
  });
}

const nextFrame = (ws: WebSocket) => new Promise<Record<string, unknown>>((r) => ws.once('message', (d) => r(JSON.parse(String(d)))));

describe('WebSocket bridge', () => {
  it('refuses a connection without the token, with a wrong token, or from another origin', async () => {
    const { port } = await startBridge();
    await expect(connect(`ws://127.0.0.1:${port}/bridge`)).rejects.toThrow('HTTP 401');
    await expect(connect(`ws://127.0.0.1:${port}/bridge?token=wrong`)).rejects.toThrow('HTTP 401');
    await expect(connect(`ws://127.0.0.1:${port}/bridge?token=${TOKEN}`, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 401');
  });

  it('forwards a valid call and returns the envelope with the request id', async () => {
    const { port, calls } = await startBridge();
    const ws = await connect(`ws://127.0.0.1:${port}/bridge?token=${TOKEN}`, { origin: `http://127.0.0.1:${port}` });
    ws.send(JSON.stringify({ id: 7, method: 'settings.set', args: { language: 'kk' } }));
    expect(await nextFrame(ws)).toEqual({ id: 7, envelope: { ok: true, value: { language: 'kk' } } });
    expect(calls).toEqual([['settings.set', { language: 'kk' }]]);
  });

  it('refuses unknown methods, bad args and malformed frames without calling the backend', async () => {
    const { port, calls } = await startBridge();
    const ws = await connect(`ws://127.0.0.1:${port}/bridge?token=${TOKEN}`);
    ws.send(JSON.stringify({ id: 1, method: 'fs.readFile', args: {} }));
    expect(await nextFrame(ws)).toMatchObject({ id: 1, envelope: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    ws.send(JSON.stringify({ id: 2, method: 'settings.set', args: { language: 'de' } }));
    expect(await nextFrame(ws)).toMatchObject({ id: 2, envelope: { ok: false, error: { code: 'BAD_ARGS' } } });
    ws.send('{not json');
    expect(await nextFrame(ws)).toMatchObject({ envelope: { ok: false, error: { code: 'BAD_ARGS' } } });
    expect(calls).toEqual([]);
  });

  it('pushes backend events to connected pages', async () => {
    const { port, emit } = await startBridge();
    const ws = await connect(`ws://127.0.0.1:${port}/bridge?token=${TOKEN}`);
    const frame = nextFrame(ws);
    emit('data.changed', { tables: ['contracts'] });
    expect(await frame).toEqual({ event: 'data.changed', payload: { tables: ['contracts'] } });
  });
});
