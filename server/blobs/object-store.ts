/**
 * Where document bytes live when they are not in PostgreSQL: an S3-compatible object store (AWS S3, MinIO, Ceph,
 * any provider speaking the S3 API). Objects are keyed by their SHA-256, so writing twice is harmless and an object
 * never changes; reads of a whole object are re-hashed, so a damaged or substituted object is never served.
 */
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { sha256OfBytes } from './hash';

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export interface ObjectStore {
  put(sha256: string, bytes: Uint8Array, mime: string): Promise<void>;
  /** The bytes (or the range of them), or null when there is no such object. */
  get(sha256: string, range?: ByteRange): Promise<Uint8Array | null>;
}

export const s3ConfigSchema = z.object({
  endpoint: z.string().url().optional(),
  region: z.string().min(1).default('us-east-1'),
  bucket: z.string().min(3).max(63),
  /** Prepended to every key, so one bucket can serve several environments. */
  prefix: z.string().max(200).default('blobs/'),
  /** Path-style URLs (MinIO and most self-hosted servers need them). */
  forcePathStyle: z.boolean().default(true),
  credentials: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1) }).optional(),
});
export type S3Config = z.input<typeof s3ConfigSchema>;

/** The S3 settings from the environment (QABYL_S3_BUCKET set means S3 is used); credentials by the SDK's usual chain. */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv): S3Config | null {
  if (!env.QABYL_S3_BUCKET) return null;
  return {
    bucket: env.QABYL_S3_BUCKET,
    ...(env.QABYL_S3_ENDPOINT ? { endpoint: env.QABYL_S3_ENDPOINT } : {}),
    ...(env.QABYL_S3_REGION ? { region: env.QABYL_S3_REGION } : {}),
    ...(env.QABYL_S3_PREFIX !== undefined ? { prefix: env.QABYL_S3_PREFIX } : {}),
  };
}

export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;
  private readonly config: z.output<typeof s3ConfigSchema>;

  constructor(config: S3Config) {
    this.config = s3ConfigSchema.parse(config);
    this.client = new S3Client({
      region: this.config.region,
      forcePathStyle: this.config.forcePathStyle,
      ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
      ...(this.config.credentials ? { credentials: this.config.credentials } : {}),
    });
  }

  private key(sha256: string): string {
    return `${this.config.prefix}${sha256}`;
  }

  async put(sha256: string, bytes: Uint8Array, mime: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: this.key(sha256), Body: bytes, ContentType: mime }));
  }

  async get(sha256: string, range?: ByteRange): Promise<Uint8Array | null> {
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.key(sha256), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
      );
      if (!response.Body) return null;
      const bytes = await response.Body.transformToByteArray();
      if (!range && sha256OfBytes(bytes) !== sha256) throw new Error(`object ${sha256} in the object store does not hash to its key`);
      return bytes;
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  close(): void {
    this.client.destroy();
  }
}
