/**
 * A second `dev:web --static` instance for specs that need another signed-in key than the default demo head (e.g. a
 * PMPK specialist): its own port, data directory, embedded demo server and NCALayer emulator. Started in
 * `beforeAll`, stopped in `afterAll`; startup and shutdown are bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface DevWebInstance {
  baseURL: string;
  /** The embedded demo server (parent simulator routes under /v1/dev/parent). */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface DevWebOptions {
  port: number;
  token: string;
  /** Demo identity key inserted into the emulator (tests/fixtures/pki/identities.ts). */
  as: string;
  dataDir: string;
  startTimeoutMs?: number;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startDevWebInstance(options: DevWebOptions): Promise<DevWebInstance> {
  const args = ['tsx', 'demo/dev-web.ts', '--static', '--fresh', '--port', String(options.port), '--token', options.token, '--as', options.as, '--data-dir', options.dataDir];
  // Its own process group, so stopping it reaches tsx and node behind npx.
  const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  let output = '';
  const serverUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal('SIGKILL');
      reject(new Error(`dev:web --as ${options.as} did not start in time:\n${output.slice(-2000)}`));
    }, options.startTimeoutMs ?? 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const running = output.includes('Qabyl dev:web is running');
      const demo = /Demo server: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (running && demo) {
        clearTimeout(timer);
        resolve(demo[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      signal('SIGKILL');
      reject(new Error(`dev:web --as ${options.as} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
  return {
    baseURL: `http://127.0.0.1:${options.port}`,
    serverUrl,
    async stop() {
      signal('SIGTERM');
      if (!(await waitForExit(child, 15_000))) {
        signal('SIGKILL');
        await waitForExit(child, 5_000);
      }
    },
  };
}
