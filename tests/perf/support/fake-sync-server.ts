/**
 * A minimal sync server on 127.0.0.1 for client-side benchmarks: answers the bootstrap with a prepared NDJSON body
 * (streamed in chunks, as a real server would) and every pull/push with "nothing new". No auth: only the client's
 * ingest and responsiveness are measured.
 */
import http from 'node:http';

export interface FakeSyncServer {
  url: string;
  /** Resolves when the first pull after a bootstrap arrives, i.e. the client finished its bootstrap. */
  bootstrapped: Promise<void>;
  close(): Promise<void>;
}

const CHUNK = 64 * 1024;

export async function startFakeSyncServer(ndjson: Uint8Array): Promise<FakeSyncServer> {
  let served = false;
  let markDone!: () => void;
  const bootstrapped = new Promise<void>((resolve) => (markDone = resolve));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/v1/sync/bootstrap') {
      served = true;
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      let offset = 0;
      const pump = () => {
        while (offset < ndjson.length) {
          const chunk = ndjson.subarray(offset, offset + CHUNK);
          offset += CHUNK;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
      return;
    }
    if (url.pathname === '/v1/sync/pull') {
      if (served) markDone();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ changes: [], cursor: 1, hasMore: false, mutations: [] }));
      return;
    }
    if (url.pathname === '/v1/sync/push') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ results: [], lastClientSeq: 0 }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'not served by the bench server' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    bootstrapped,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
