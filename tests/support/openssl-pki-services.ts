/**
 * Real PKI services on loopback for tests, run by the system's OpenSSL over the committed test CA: an OCSP responder
 * (`openssl ocsp -index … -port`), CRLs (`openssl ca -gencrl`) and RFC 3161 replies (`openssl ts -reply`), the last
 * two served over HTTP by a small in-test server.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseCertificate } from '../../domain/pki/certificate-info';
import { toHex } from '../../domain/pki/bytes';
import { PKI_DIR } from '../fixtures/pki/load';
import { PKI_LAYOUT } from '../fixtures/pki/layout';
import { freePort } from './free-port';

const run = promisify(execFile);
const fixture = (relative: string) => join(PKI_DIR, relative);

/** OpenSSL's CA database line date: YYMMDDHHMMSSZ. */
function indexDate(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
}

export interface IndexEntry {
  certDer: Uint8Array;
  revokedAt?: Date;
}

/** An OpenSSL CA database (index.txt) listing every certificate as valid or revoked. */
export function opensslIndex(entries: readonly IndexEntry[]): string {
  return entries.map(({ certDer, revokedAt }) => {
    const cert = parseCertificate(certDer);
    const serial = toHex(new Uint8Array(cert.serialNumber.valueBlock.valueHexView)).toUpperCase();
    const expiry = indexDate(cert.notAfter.value);
    return revokedAt ? `R\t${expiry}\t${indexDate(revokedAt)},keyCompromise\t${serial}\tunknown\t/CN=${serial}` : `V\t${expiry}\t\t${serial}\tunknown\t/CN=${serial}`;
  }).join('\n') + '\n';
}

export function scratchDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `qabyl-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface RunningResponder {
  url: string;
  stop(): Promise<void>;
}

/** Resolves true once `child` printed `ready` on stderr, false when it exited first. */
function announced(child: ChildProcess, ready: string): Promise<boolean> {
  return new Promise((resolve) => {
    let text = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes(ready)) resolve(true);
    });
    child.once('exit', () => resolve(false));
  });
}

/**
 * Starts `openssl ocsp` as the intermediate CA's delegated responder; another free port is tried if the bind fails.
 * Readiness is its own announcement: a probe connection would block the single-threaded responder.
 */
export async function startOcspResponder(
  dir: string, index: string, signer: { cert: string; key: string } = { cert: PKI_LAYOUT.ocspResponder, key: PKI_LAYOUT.ocspResponderKey },
): Promise<RunningResponder> {
  const indexFile = join(dir, 'ocsp-index.txt');
  writeFileSync(indexFile, index);
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn('openssl', [
      'ocsp', '-index', indexFile, '-port', String(port), '-CA', fixture(PKI_LAYOUT.intermediate),
      '-rsigner', fixture(signer.cert), '-rkey', fixture(signer.key), '-nmin', '10', '-ignore_err',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (await announced(child, 'waiting for OCSP client connections')) {
      return { url: `http://127.0.0.1:${port}/`, stop: () => stopProcess(child) };
    }
  }
  throw new Error('openssl ocsp did not start');
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A CRL of the intermediate CA made by `openssl ca -gencrl` from `index` (DER). */
export async function makeCrl(dir: string, index: string): Promise<Uint8Array> {
  writeFileSync(join(dir, 'crl-index.txt'), index);
  writeFileSync(join(dir, 'crl-index.txt.attr'), 'unique_subject = no\n');
  writeFileSync(join(dir, 'crlnumber'), '01\n');
  writeFileSync(join(dir, 'ca.cnf'), [
    '[ ca ]', 'default_ca = test', '[ test ]', `database = ${join(dir, 'crl-index.txt')}`, `crlnumber = ${join(dir, 'crlnumber')}`,
    'default_md = sha256', 'default_crl_days = 1', 'crl_extensions = crl_ext', '[ crl_ext ]', 'authorityKeyIdentifier = keyid:always', '',
  ].join('\n'));
  const pem = join(dir, 'crl.pem');
  await run('openssl', ['ca', '-gencrl', '-batch', '-config', join(dir, 'ca.cnf'), '-cert', fixture(PKI_LAYOUT.intermediate), '-keyfile', fixture(PKI_LAYOUT.intermediateKey), '-out', pem]);
  await run('openssl', ['crl', '-in', pem, '-outform', 'DER', '-out', join(dir, 'crl.der')]);
  return new Uint8Array(readFileSync(join(dir, 'crl.der')));
}

export interface HttpStub {
  url: string;
  /** How many requests each path received. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** A loopback HTTP server answering each path with `handler`'s bytes (404 for null). */
export async function serveHttp(handler: (path: string, body: Uint8Array) => Promise<Uint8Array | null>, contentType: string): Promise<HttpStub> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    void bodyOf(request).then((body) => handler(path, body)).then((bytes) => {
      if (!bytes) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length }).end(Buffer.from(bytes));
    }, () => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The policy the test TSA stamps under. */
export const TEST_TSA_POLICY = '1.2.398.3.3.99.1';

/** An RFC 3161 TSA over HTTP: each POSTed query is answered by `openssl ts -reply` with the test PKI's TSA key. */
export async function startTsa(dir: string): Promise<HttpStub> {
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  writeFileSync(join(dir, 'tsa.cnf'), [
    '[ tsa ]', 'default_tsa = test', '[ test ]', `serial = ${join(dir, 'tsaserial')}`, 'crypto_device = builtin',
    `signer_cert = ${fixture(PKI_LAYOUT.tsa)}`, `signer_key = ${fixture(PKI_LAYOUT.tsaKey)}`, `certs = ${fixture(PKI_LAYOUT.intermediate)}`,
    'signer_digest = sha256', `default_policy = ${TEST_TSA_POLICY}`, 'digests = sha256, sha384, sha512', 'accuracy = secs:1',
    'ordering = no', 'tsa_name = yes', 'ess_cert_id_chain = no', 'ess_cert_id_alg = sha256', '',
  ].join('\n'));
  let count = 0;
  return serveHttp(async (_path, body) => {
    const name = join(dir, `query-${++count}`);
    writeFileSync(`${name}.tsq`, body);
    await run('openssl', ['ts', '-reply', '-config', join(dir, 'tsa.cnf'), '-queryfile', `${name}.tsq`, '-out', `${name}.tsr`]);
    return new Uint8Array(readFileSync(`${name}.tsr`));
  }, 'application/timestamp-reply');
}
