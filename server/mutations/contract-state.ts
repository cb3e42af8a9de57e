/** Reads a contract with its current documents into the domain machine's state, and writes the outcome back. */
import { contractStateOf, type ContractState } from '../../domain/contract-machine';
import type { Contract, ContractDocument } from '../../domain/entities';
import type { ServerTx } from '../db/connect';
import { listRowsWhere, putRow, type StoredRow } from '../store/entity-store';

export async function currentDocuments(tx: ServerTx, contractId: string): Promise<ContractDocument[]> {
  const rows = await listRowsWhere(tx, 'contractDocument', 'contractId', contractId);
  return rows.map((r) => r.data).filter((d) => d.current);
}

export function contractState(contract: Contract, documents: readonly ContractDocument[]): ContractState {
  return contractStateOf(contract, documents);
}

/** Saves the contract with the machine's new status/counters plus any other field changes. */
export async function saveContract(
  tx: ServerTx,
  row: StoredRow<'contract'>,
  state: ContractState,
  changes: Partial<Contract>,
  now: Date,
): Promise<Contract> {
  const saved = await putRow(tx, 'contract', row.orgId, {
    ...row.data,
    ...changes,
    status: state.status,
    reworkCount: state.reworkCount,
    round: state.round,
    updatedAt: now.toISOString(),
  });
  return saved.data;
}
