/**
 * Free loopback ports for test servers that must be told their port up front (Playwright's webServer, a second
 * dev:web instance). The OS picks the port; the window between closing the probe and the server binding it is short.
 */
import { execFileSync } from 'node:child_process';
import net from 'node:net';

const PROBE = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";

/** Synchronous, for configuration files evaluated before any test runs. */
export function freePortSync(): number {
  return Number(execFileSync(process.execPath, ['-e', PROBE], { encoding: 'utf8' }));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
