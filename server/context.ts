/** Everything a request handler needs, created once per server. */
import type { ServerDb } from './db/connect';
import type { CmsVerifier } from './auth/cms-verifier';
import type { EventHub } from './events/hub';
import type { OfferEndedHooks } from './offers/offer-ended';
import type { ServerMetrics } from './ops/metrics';

export interface ServerContext {
  db: ServerDb;
  verifier: CmsVerifier;
  events: EventHub;
  metrics: ServerMetrics;
  /** Injected so tests can move time (token and challenge expiry, deadlines). */
  now: () => Date;
  /** Told when an offer ends without enrollment (releases what the offer reserved). */
  offerEnded: OfferEndedHooks;
  demo: boolean;
  minAppVersion: string;
  tokenTtlSeconds: number;
}
