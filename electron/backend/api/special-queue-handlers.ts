/** API handlers of the special queue (domain/api/special-queue.ts): lists, one application, signed decisions. */
import type { SignatureTrust } from '../signatures/signature-trust';
import { specialQueueRefusalText } from '../../../domain/text/machine-refusals';
import { textError } from '../../../domain/text/text-error';
import { text } from '../../../domain/text/text-ref';
import type { SessionUser } from '../../../domain/sync-protocol';
import type { DecisionService } from '../decisions/decision-service';
import { mayDecide } from '../../../domain/signing-policy';
import { SpecialQueueDetailQuery } from '../special-queue/detail-query';
import { SpecialQueueListQuery } from '../special-queue/list-query';
import { parentSignatureVerdict } from '../signatures/parent-signature-verdict';
import { waitingWorkingDays } from '../special-queue/waiting';
import type { SyncService } from '../sync/sync-service';
import type { Handlers } from './dispatch';

type SpecialQueueHandlers = Pick<
  Handlers,
  'specialQueue.list' | 'specialQueue.counts' | 'specialQueue.get' | 'specialQueue.neighbours' | 'specialQueue.confirm' | 'specialQueue.reject'
>;

export interface SpecialQueueDeps {
  sync: SyncService;
  decisions: Pick<DecisionService, 'decide'>;
  trust: SignatureTrust;
  now?: () => Date;
}


/** The user's PMPK organisations: a kindergarten employee has none and therefore sees no special-queue data. */
export function pmpkOrgIds(user: SessionUser | null): string[] {
  return user?.orgs.filter((o) => o.kind === 'pmpk').map((o) => o.id) ?? [];
}

export function specialQueueHandlers(deps: SpecialQueueDeps): SpecialQueueHandlers {
  const { sync } = deps;
  const engine = sync.engine;
  const now = deps.now ?? (() => new Date());
  const sqlite = engine.options.sqlite;
  const lists = new SpecialQueueListQuery(sqlite, now);
  const details = new SpecialQueueDetailQuery(sqlite);
  const orgIds = () => pmpkOrgIds(engine.user());

  /** An application the user may decide on now, with the version the decision is based on. */
  const decidable = (id: string) => {
    const { application, version } = details.application(orgIds(), id);
    if (application.status !== 'awaiting_confirmation') throw textError(specialQueueRefusalText({ code: 'ALREADY_DECIDED', status: application.status }));
    if (details.outboxDecision(id)) throw textError(text('DECISION_PENDING'));
    return { application, version };
  };

  return {
    'specialQueue.list': ({ tab, search, offset, limit }) => ({ offset, ...lists.window({ orgIds: orgIds(), tab, search }, offset, limit) }),
    'specialQueue.counts': ({ search }) => lists.counts(orgIds(), search),
    'specialQueue.neighbours': ({ id, tab, search }) => lists.neighbours({ orgIds: orgIds(), tab, search }, id),
    'specialQueue.get': async ({ id }) => {
      const { application } = details.application(orgIds(), id);
      const { parentSignature, ...rest } = application;
      const sha256 = application.conclusionSha256;
      const downloaded = sync.store.has(sha256);
      // Opening an application moves its conclusion to the head of the download queue.
      if (!downloaded) sync.requestDocument(sha256);
      const decision = details.outboxDecision(id);
      return {
        application: rest,
        waitingWorkingDays: waitingWorkingDays(application, now()),
        kindergartens: details.kindergartenNames(application),
        conclusion: { sha256, mime: application.conclusionMime, size: application.conclusionSize, downloaded },
        parentSignature: downloaded
          ? await parentSignatureVerdict(parentSignature, (await sync.readDocument(sha256)).bytes, application.parentIin, deps.trust)
          : null,
        history: details.history(id),
        decision,
        canDecide: application.status === 'awaiting_confirmation' && decision === null && mayDecide(engine.user(), 'specialQueue.confirm'),
      };
    },
    'specialQueue.confirm': async ({ applicationId, correctionType, note }) => {
      const { application, version } = decidable(applicationId);
      // Choosing the requested type again is no correction.
      const corrected = correctionType && correctionType !== application.correctionType ? correctionType : null;
      const row = await deps.decisions.decide('specialQueue.confirm', { applicationId, correctionType: corrected, note }, version);
      return { clientSeq: row.clientSeq, mutationId: row.mutationId };
    },
    'specialQueue.reject': async ({ applicationId, reason, comment }) => {
      const { version } = decidable(applicationId);
      const row = await deps.decisions.decide('specialQueue.reject', { applicationId, reason, comment }, version);
      return { clientSeq: row.clientSeq, mutationId: row.mutationId };
    },
  };
}
