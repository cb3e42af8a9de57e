/**
 * A second `dev:web` instance for specs that need another signed-in key than the default demo head (e.g. a PMPK
 * specialist) or the README's development mode (Vite, React StrictMode) instead of the built files: its own port,
 * data directory, embedded demo server and NCALayer emulator. Started in `beforeAll`, stopped in `afterAll`;
 * startup and shutdown are bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface DevWebInstance {
  baseURL: string;
  /** The embedded demo server (parent simulator routes under /v1/dev/parent). */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface DevWebOptions {
  /** 0 = a free port chosen by the system. */
  port: number;
  token: string;
  /** Demo identity key inserted into the emulator (tests/fixtures/pki/identities.ts). */
  as: string;
  dataDir: string;
  startTimeoutMs?: number;
  /** Keep what `dataDir` holds (default: start from an empty directory). */
  keepData?: boolean;
  /** `dev` = the sources through Vite as `npm run dev:web` runs them; default `static` = the built renderer. */
  mode?: 'static' | 'dev';
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
  const args = ['tsx', 'demo/dev-web.ts', ...(options.mode === 'dev' ? [] : ['--static']), ...(options.keepData ? [] : ['--fresh']), '--port', String(options.port), '--token', options.token, '--as', options.as, '--data-dir', options.dataDir];
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
  const started = await new Promise<{ baseURL: string; serverUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal('SIGKILL');
      reject(new Error(`dev:web --as ${options.as} did not start in time:\n${output.slice(-2000)}`));
    }, options.startTimeoutMs ?? 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const running = /Qabyl dev:web is running: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      const demo = /Demo server: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (running && demo) {
        clearTimeout(timer);
        resolve({ baseURL: running[1]!, serverUrl: demo[1]! });
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
    ...started,
    async stop() {
      signal('SIGTERM');
      if (!(await waitForExit(child, 15_000))) {
        signal('SIGKILL');
        await waitForExit(child, 5_000);
      }
    },
  };
}
