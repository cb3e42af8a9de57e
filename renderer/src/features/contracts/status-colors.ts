import type { ContractStatus } from '../../../../domain/statuses';

/** Calm colours: teal for work waiting for us, green for done, orange for the parent's turn, grey for closed. */
export const contractStatusColors: Partial<Record<ContractStatus, string>> = {
  submitted: 'teal',
  resubmitted: 'cyan',
  rework_requested: 'orange',
  offer_sent: 'yellow',
  awaiting_parent: 'yellow',
  signed: 'green',
  rejected: 'red',
  withdrawn: 'gray',
  expired: 'gray',
  archived: 'gray',
};
