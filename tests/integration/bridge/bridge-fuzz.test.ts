// The dev:web process (its real backend worker and Vite) against hostile bridge traffic: oversize and invalid-UTF-8
// frames, random frames, other upgrade paths, foreign origins. Each bad connection ends with a typed answer or close
// code; the process stays up and a well-behaved page is still served and answered.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_FRAME_BYTES } from '../../../demo/bridge/ws-bridge';

const TOKEN = 'fuzz-token-0123456789abcdef0123';
let child: ChildProcess;
let base = '';
let dataDir = '';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-bridge-fuzz-'));
  const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
  // No demo services: the backend points at a closed port, which is all the bridge needs.
  child = spawn(process.execPath, [tsx, 'demo/dev-web.ts', '--port', '0', '--token', TOKEN, '--data-dir', dataDir, '--server-url', 'http://127.0.0.1:9'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  base = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const running = /dev:web is running: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (running) resolve(running[1]!);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`dev:web exited with ${code}:\n${output.slice(-2000)}`)));
  });
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

const wsUrl = (pathAndQuery: string) => `${base.replace('http:', 'ws:')}${pathAndQuery}`;
const bridgeUrl = () => wsUrl(`/bridge?token=${TOKEN}`);

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { origin: base, ...headers } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
const nextFrame = (ws: WebSocket) => new Promise<Record<string, unknown>>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));

/** A well-behaved page: HTTP answers and a call through the bridge returns the backend's envelope. */
async function stillAnswers(): Promise<void> {
  expect(child.exitCode).toBeNull();
  expect((await fetch(base)).status).toBe(200);
  const ws = await open(bridgeUrl());
  const reply = nextFrame(ws);
  ws.send(JSON.stringify({ id: 1, method: 'app.info', args: {} }));
  expect(await reply).toMatchObject({ id: 1, envelope: { ok: true } });
  ws.close();
}

describe('the bridge under hostile traffic', () => {
  it('closes a connection that sends an oversize frame with 1009, and carries on', async () => {
    const ws = await open(bridgeUrl());
    const closed = closeCode(ws);
    ws.on('error', () => undefined);
    ws.send('x'.repeat(MAX_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);
    await stillAnswers();
  });

  it('closes a connection that sends invalid UTF-8 with 1007, and carries on', async () => {
    const ws = await open(bridgeUrl());
    const closed = closeCode(ws);
    ws.on('error', () => undefined);
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    await stillAnswers();
  });

  it('answers random frames with an envelope and keeps the connection', async () => {
    const ws = await open(bridgeUrl());
    const frames = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }),
      fc.record({ id: fc.nat(), method: fc.string({ maxLength: 30 }), args: fc.anything({ maxDepth: 2 }) }).map((f) => JSON.stringify(f)),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    );
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        const reply = nextFrame(ws);
        ws.send(frame);
        const answer = await reply;
        expect(answer).toHaveProperty('envelope');
      }),
      { numRuns: 150 },
    );
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
    await stillAnswers();
  });

  it('answers other upgrade paths with 404 and foreign or look-alike origins with 401', async () => {
    await expect(open(wsUrl(`/other?token=${TOKEN}`))).rejects.toThrow('HTTP 404');
    await expect(open(wsUrl(`/bridge/extra?token=${TOKEN}`))).rejects.toThrow('HTTP 404');
    await expect(open(wsUrl('/'))).rejects.toThrow('HTTP 404');
    await expect(open(bridgeUrl(), { origin: 'http://evil.example' })).rejects.toThrow('HTTP 401');
    await expect(open(bridgeUrl(), { origin: base.replace('127.0.0.1', 'localhost') })).rejects.toThrow('HTTP 401');
    await expect(open(bridgeUrl(), { origin: `${base}.evil.example` })).rejects.toThrow('HTTP 401');
    await expect(open(wsUrl('/bridge?token=wrong'))).rejects.toThrow('HTTP 401');
    await stillAnswers();
  });
});
