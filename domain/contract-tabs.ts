/**
 * Which contract statuses each staff inbox tab shows (the parents' split plus directions): the one source for the
 * inbox queries, the replica's generated `tab` column (`tabColumnSql`) and the contract screen.
 */
import type { ContractInboxTab } from './api/contracts';
import type { ContractStatus } from './statuses';

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

/** The SQL CASE of the replica's generated `tab` column over `status`; the archive tab is the ELSE. */
export function tabColumnSql(): string {
  const tabs = (Object.keys(statusesOfTab) as ContractInboxTab[]).filter((tab) => tab !== 'archive');
  const whens = tabs.map((tab) => {
    const statuses = statusesOfTab[tab];
    const test = statuses.length === 1 ? `status = '${statuses[0]}'` : `status IN (${statuses.map((s) => `'${s}'`).join(', ')})`;
    return `WHEN ${test} THEN '${tab}'`;
  });
  return `CASE ${whens.join('\n      ')} ELSE 'archive' END`;
}
