/** Everything a request handler needs, created once per server. */
import type { ServerDb } from './db/connect';
import type { CmsVerifier } from './auth/cms-verifier';
import type { BlobStore } from './blobs/store';
import type { EventHub } from './events/hub';
import type { OfferEndedHooks } from './offers/offer-ended';
import type { Timestamper } from './auth/timestamper';
import type { ServerMetrics } from './ops/metrics';

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
  minAppVersion: string;
  tokenTtlSeconds: number;
}
