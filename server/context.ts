/** Everything a request handler needs, created once per server. */
import type { ServerDb } from './db/connect';
import type { CmsVerifier } from './auth/cms-verifier';
import type { BlobStore } from './blobs/store';
import type { EventHub } from './events/hub';
import type { OfferEndedHooks } from './offers/offer-ended';
import type { Timestamper } from './auth/timestamper';
import type { ServerMetrics } from './ops/metrics';

export type PushPath = 'unit-of-work' | 'per-mutation';

export interface ServerContext {
  db: ServerDb;
  verifier: CmsVerifier;
  /** Stamps contract signatures before `contract.sign` is applied; null = signing time as the signer asserted it. */
  timestamper: Timestamper | null;
  events: EventHub;
  blobs: BlobStore;
  /** The NOTIFY channel of this database's change feed (events/change-feed.ts). */
  changeChannel: string;
  metrics: ServerMetrics;
  /** Injected so tests can move time (token and challenge expiry, deadlines). */
  now: () => Date;
  /** Told when an offer ends without enrollment (releases what the offer reserved). */
  offerEnded: OfferEndedHooks;
  demo: boolean;
  /**
   * How a push batch is applied: 'unit-of-work' (reads up front, buffered writes, one flush) or 'per-mutation'
   * (every write sent at once, a savepoint per mutation) — the slower path the first is measured and checked against.
   */
  pushPath: PushPath;
  minAppVersion: string;
  tokenTtlSeconds: number;
}
