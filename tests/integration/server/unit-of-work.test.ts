// The push's unit of work on its own (PGlite): reads see the batch's buffered writes, an undo drops exactly what was
// written after the mark (rows, versions, change events, notifications), and the flush numbers events in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, gt } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../../server/db/connect';
import { changes, clients, entities, mutationResults, notifications } from '../../../server/db/schema';
import { registerWriter } from '../../../server/store/change-horizon';
import { currentSeq, getRow, listRowsWhere, putRow } from '../../../server/store/entity-store';
import { UnitOfWork } from '../../../server/store/unit-of-work';
import { attachUnit, detachUnit } from '../../../server/store/unit-registry';
import { registerClient } from '../../../server/sync/clients';
import type { ContractDocument } from '../../../domain/entities';

const ORG = 'org-1';

function document(id: string, contractId: string, reviewStatus: ContractDocument['reviewStatus']): Omit<ContractDocument, 'version'> {
  return {
    id,
    contractId,
    kind: 'birth_certificate',
    round: 1,
    current: true,
    fileName: `${id}.pdf`,
    mime: 'application/pdf',
    sha256: 'a'.repeat(64),
    size: 1000,
    reviewStatus,
    flagReason: null,
    flagComment: null,
    reviewedByIin: null,
    reviewedAt: null,
  };
}

describe('unit of work', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ kind: 'pglite' });
    await handle.db.transaction(async (tx) => {
      await registerWriter(tx);
      await putRow(tx, 'contractDocument', ORG, document('doc-a', 'c-1', 'pending'));
      await putRow(tx, 'contractDocument', ORG, document('doc-b', 'c-1', 'pending'));
      await registerClient(tx, 'client-1', '000000000000', 'scope');
    });
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });

  it('undoes what a refused mutation buffered and writes the rest in event order', async () => {
    const start = await currentSeq(handle.db);
    await handle.db.transaction(async (tx) => {
      await registerWriter(tx);
      const unit = new UnitOfWork(tx, 'client-1');
      await unit.prefetch(new Map([['contractDocument', ['doc-a']]]), { entity: 'contractDocument', field: 'contractId', values: ['c-1'] });
      attachUnit(tx, unit);
      try {
        // Mutation 1 (kept): approves doc-a.
        await putRow(tx, 'contractDocument', ORG, document('doc-a', 'c-1', 'approved'));
        unit.recordResult({ clientId: 'client-1', clientSeq: 1, mutationId: 'm1', name: 'contract.markDocument', status: 'applied', recordedAt: '2026-10-05T05:00:00.000Z' });
        // Mutation 2 (refused after writing): flags doc-a, moves doc-b to another contract, adds doc-c, notifies.
        const mark = unit.mark();
        await putRow(tx, 'contractDocument', ORG, document('doc-a', 'c-1', 'flagged'));
        await putRow(tx, 'contractDocument', ORG, document('doc-b', 'c-2', 'pending'));
        await putRow(tx, 'contractDocument', ORG, document('doc-c', 'c-1', 'pending'));
        unit.notify({ id: 'n-1', parentIin: '111111111111', subjectType: 'contract', subjectId: 'c-1', kind: 'k', textKk: 'kk', textRu: 'ru', createdAt: '2026-10-05T05:00:00.000Z' });
        expect((await getRow(tx, 'contractDocument', 'doc-a'))?.version).toBe(3);
        expect((await listRowsWhere(tx, 'contractDocument', 'contractId', 'c-1')).map((r) => r.id)).toEqual(['doc-a', 'doc-c']);
        unit.undo(mark);
        unit.recordResult({ clientId: 'client-1', clientSeq: 2, mutationId: 'm2', name: 'contract.markDocument', status: 'rejected', recordedAt: '2026-10-05T05:00:00.000Z' });
        const a = await getRow(tx, 'contractDocument', 'doc-a');
        expect([a?.version, a?.data.reviewStatus]).toEqual([2, 'approved']);
        expect(await getRow(tx, 'contractDocument', 'doc-c')).toBeNull();
        expect((await listRowsWhere(tx, 'contractDocument', 'contractId', 'c-1')).map((r) => r.id)).toEqual(['doc-a', 'doc-b']);
        await unit.flush();
      } finally {
        detachUnit(tx);
      }
    });
    const log = await handle.db.select().from(changes).where(gt(changes.seq, start)).orderBy(asc(changes.seq));
    expect(log.map((c) => [c.id, c.version, c.seq - start])).toEqual([['doc-a', 2, 1]]);
    const results = await handle.db.select().from(mutationResults).orderBy(asc(mutationResults.clientSeq));
    expect(results.map((r) => [r.clientSeq, r.status, r.resultSeq - start])).toEqual([
      [1, 'applied', 2],
      [2, 'rejected', 3],
    ]);
    expect(await handle.db.select().from(notifications)).toHaveLength(0);
    const stored = await handle.db.select().from(entities).where(eq(entities.entity, 'contractDocument')).orderBy(asc(entities.id));
    expect(stored.map((r) => [r.id, r.version, (r.data as ContractDocument).contractId, (r.data as ContractDocument).reviewStatus])).toEqual([
      ['doc-a', 2, 'c-1', 'approved'],
      ['doc-b', 1, 'c-1', 'pending'],
    ]);
    expect((await handle.db.select().from(clients).where(eq(clients.clientId, 'client-1')))[0]?.lastClientSeq).toBe(2);
  });
});
