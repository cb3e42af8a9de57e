/** Which contract statuses each staff inbox tab shows (DESIGN §2: the parents' split plus directions). */
import type { ContractInboxTab } from '../../../domain/api/contracts';
import type { ContractStatus } from '../../../domain/statuses';

export const statusesOfTab: Readonly<Record<ContractInboxTab, readonly ContractStatus[]>> = {
  /** Waiting for the kindergarten's review. */
  review: ['submitted', 'resubmitted'],
  /** Waiting for the parent: returned for rework, or the offer not signed yet. */
  rework: ['rework_requested', 'offer_sent', 'awaiting_parent'],
  signed: ['signed'],
  archive: ['rejected', 'withdrawn', 'expired', 'archived'],
};

export function tabOfStatus(status: ContractStatus): ContractInboxTab {
  const entry = Object.entries(statusesOfTab).find(([, statuses]) => statuses.includes(status));
  return (entry?.[0] ?? 'archive') as ContractInboxTab;
}
