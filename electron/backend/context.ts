import type { OpenedDatabase } from '../../db/open';
import type { BackendConfig } from './config';
import type { EventBus } from './events';
import type { Logger } from './logger';
import type { SyncService } from './sync/sync-service';
import type { ContractPdfSource } from './contracts/contract-pdf-source';
import type { DecisionService } from './decisions/decision-service';
import type { NcaLayerClient } from './ncalayer/client';
import type { SignatureTrust } from './signatures/signature-trust';

/** What every backend service and handler gets: config, the open DB, the event bus, the logger. */
export interface BackendContext {
  config: BackendConfig;
  db: OpenedDatabase;
  events: EventBus;
  log: Logger;
  /** Sync engine (outbox: `sync.engine.enqueueDecision`, login: `sync.session.login`) and documents. */
  sync: SyncService;
  /** Signed decisions → outbox (sign through NCALayer, verify locally, enqueue). */
  decisions: DecisionService;
  /** Contract PDFs regenerated once per signed text, for the sign dialog and the signature alike. */
  contractPdfs: ContractPdfSource;
  /** The one NCALayer client: one signing request in flight at a time. */
  ncalayer: NcaLayerClient;
  /** Roots and the online revocation check for judging the parents' signatures. */
  trust: SignatureTrust;
}
