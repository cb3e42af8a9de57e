/** An S3-compatible server on loopback for tests (s3rver, files in a temporary folder), with one bucket. */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import type { S3Config } from '../../server/blobs/object-store';

export interface LoopbackS3 {
  config: S3Config;
  stop(): Promise<void>;
}

export async function startLoopbackS3(bucket = 'qabyl-test'): Promise<LoopbackS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'qabyl-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket }] });
  const address = (await server.run()) as AddressInfo;
  return {
    config: {
      endpoint: `http://127.0.0.1:${address.port}`,
      bucket,
      region: 'us-east-1',
      forcePathStyle: true,
      // s3rver accepts these fixed test credentials.
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    },
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
