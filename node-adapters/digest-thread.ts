/**
 * Hashes documents off the calling thread. Streebog and GOST R 34.11-94 run as JavaScript (a megabyte of Streebog is
 * ~0.2 s), which would hold the desktop's API thread or the server's event loop while a signature over a contract
 * PDF is checked; this sends them to one worker thread, started on first use. Small inputs and WebCrypto's SHA
 * digests (native and asynchronous already) stay here. If the thread cannot run, the digest is computed here.
 */
import type { Worker } from 'node:worker_threads';
import { digestByOid, isScriptDigest, type ContentDigest } from '../domain/pki/digest';
import { startWorkerThread } from './worker-thread';

export interface DigestRequest { id: number; oid: string; data: Uint8Array }
export type DigestReply = { id: number; digest: Uint8Array | null } | { id: number; error: string };

/** Below this a round trip to the thread costs more than hashing here. */
export const OFF_THREAD_MIN_BYTES = 64 * 1024;

/** The entry beside this module: its TypeScript source under plain Node, its bundle in the app. */
const DEFAULT_WORKER_FILE = import.meta.url.endsWith('.ts') ? new URL('./digest-worker.ts', import.meta.url) : new URL('./digest-worker.mjs', import.meta.url);

export interface DigestThread {
  digest: ContentDigest;
  /** Stops the thread (idle, it does not keep the process alive). */
  close(): Promise<void>;
}

export function createDigestThread(workerFile: URL = DEFAULT_WORKER_FILE): DigestThread {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (digest: Uint8Array | null) => void; reject: (error: Error) => void }>();

  function failAll(error: Error): void {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    worker = null;
  }

  function thread(): Worker {
    if (worker) return worker;
    const started = startWorkerThread(workerFile, null);
    started.unref();
    started.on('message', (reply: DigestReply) => {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if ('error' in reply) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply.digest);
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => failAll(new Error(`the digest thread exited (${code})`)));
    worker = started;
    return started;
  }

  async function offThread(oid: string, data: Uint8Array): Promise<Uint8Array | null> {
    const id = nextId++;
    const reply = new Promise<Uint8Array | null>((resolve, reject) => pending.set(id, { resolve, reject }));
    const target = thread();
    // Kept alive only while it owes an answer; a copy goes over, the caller keeps its bytes.
    target.ref();
    target.postMessage({ id, oid, data } satisfies DigestRequest);
    return reply;
  }

  return {
    async digest(oid, data) {
      if (!isScriptDigest(oid) || data.length < OFF_THREAD_MIN_BYTES) return digestByOid(oid, data);
      try {
        return await offThread(oid, data);
      } catch {
        return digestByOid(oid, data);
      }
    },
    async close() {
      const running = worker;
      worker = null;
      await running?.terminate();
    },
  };
}
