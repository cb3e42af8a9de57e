/**
 * Free loopback ports for test servers that must be told their port up front (Playwright's webServer, a second
 * dev:web instance, OpenSSL responders). Ports are drawn at random from below the kernel's ephemeral range: every
 * outgoing connection and every `listen(0)` takes its port from that range, so a port chosen there could be taken by
 * another socket between the probe and the server binding it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const FALLBACK_EPHEMERAL_LOW = 32768;
const LOWEST = 20000;
const TRIES = 64;

function ephemeralLow(): number {
  try {
    const low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST + 1000 ? low : FALLBACK_EPHEMERAL_LOW;
  } catch {
    return FALLBACK_EPHEMERAL_LOW;
  }
}

function candidates(): number[] {
  const span = ephemeralLow() - LOWEST;
  return Array.from({ length: TRIES }, () => LOWEST + Math.floor(Math.random() * span));
}

// Tries the candidates in order and prints the first one that binds; exits 1 when none does.
const PROBE = `const net=require('node:net');const ports=JSON.parse(process.argv[1]);
(function next(i){if(i>=ports.length)process.exit(1);const s=net.createServer();
s.once('error',()=>next(i+1));s.listen(ports[i],'127.0.0.1',()=>{process.stdout.write(String(ports[i]));s.close()})})(0)`;

/** Synchronous, for configuration files evaluated before any test runs. */
export function freePortSync(): number {
  return Number(execFileSync(process.execPath, ['-e', PROBE, JSON.stringify(candidates())], { encoding: 'utf8' }));
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (const port of candidates()) if (await bindable(port)) return port;
  throw new Error(`no free loopback port found in ${TRIES} tries`);
}
