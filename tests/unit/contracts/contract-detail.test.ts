import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../domain/sync-protocol';
import { contractDetail } from '../../../electron/backend/contracts/contract-detail';
import { contract, documentOf, put, openTestReplica, type TestReplica } from './inbox-fixtures';

let t: TestReplica;
let user: SessionUser | null;
const head: SessionUser = { id: 'u', iin: '800101400123', fullName: 'Заведующая', roles: ['head'], orgs: [{ id: 'kg1', bin: '123456789012', kind: 'kindergarten', name: 'kg1' }] };
const detail = (id: string) =>
  contractDetail({ sqlite: t.db.sqlite, today: () => '2026-03-02', user: () => user, outboxFor: (e, id2) => t.outbox.all().filter((r) => r.targetEntity === e && r.targetId === id2) }, id);
const mark = (contractId: string, documentId: string, decision: 'approved' | 'flagged') =>
  t.outbox.enqueue('contract.markDocument', { contractId, documentId, decision, reason: decision === 'flagged' ? 'unreadable' : null }, 1, null);

beforeEach(() => {
  t = openTestReplica();
  user = head;
});
afterEach(() => t.close());

describe('contract detail with the outbox overlaid', () => {
  it('applies queued marks to the documents and enables sign only when every document is approved', () => {
    const c = contract(1);
    put(t, 'contract', c);
    put(t, 'contractDocument', documentOf(c, 1));
    put(t, 'contractDocument', documentOf(c, 2, { kind: 'parent_id' }));
    // The health passport is required for an ordinary contract: signing names it while it is missing.
    expect(detail('c-1').actions).toMatchObject({ review: true, sign: false, returnForRework: false, signBlockedBy: 'REQUIRED_DOCUMENT_MISSING' });
    put(t, 'contractDocument', documentOf(c, 3, { kind: 'child_photo', reviewStatus: 'approved' }));
    put(t, 'contractDocument', documentOf(c, 4, { kind: 'health_passport', reviewStatus: 'approved' }));
    expect(detail('c-1').actions).toMatchObject({ sign: false, signBlockedBy: 'REQUIRED_DOCUMENT_NOT_APPROVED' });
    mark('c-1', 'c-1-d1', 'approved');
    mark('c-1', 'c-1-d2', 'flagged');
    let d = detail('c-1');
    const byId = Object.fromEntries(d.documents.map((x) => [x.id, [x.effectiveStatus, x.sync]]));
    expect(byId).toEqual({ 'c-1-d1': ['approved', 'pending'], 'c-1-d2': ['flagged', 'pending'], 'c-1-d3': ['approved', null], 'c-1-d4': ['approved', null] });
    expect(d.actions).toMatchObject({ sign: false, returnForRework: true, signBlockedBy: 'REQUIRED_DOCUMENT_NOT_APPROVED' });
    mark('c-1', 'c-1-d2', 'approved'); // the latest mark wins
    d = detail('c-1');
    expect(d.actions).toMatchObject({ sign: true, returnForRework: false, reworkBlockedBy: 'NO_FLAGGED_DOCUMENT' });
    user = { ...head, roles: ['employee'] };
    expect(detail('c-1').actions).toMatchObject({ sign: false, maySign: false, signBlockedBy: 'ROLE_NOT_ALLOWED' });
  });

  it('refuses a third rework and blocks actions while a decision is in flight', () => {
    const c = contract(1, { status: 'resubmitted', reworkCount: 2, round: 3 });
    put(t, 'contract', c);
    put(t, 'contractDocument', documentOf(c, 1, { reviewStatus: 'flagged', flagReason: 'expired', round: 3 }));
    expect(detail('c-1').actions).toMatchObject({ returnForRework: false, reworkBlockedBy: 'REWORK_LIMIT_REACHED' });
    const c2 = contract(2);
    put(t, 'contract', c2);
    put(t, 'contractDocument', documentOf(c2, 1, { reviewStatus: 'approved' }));
    t.outbox.enqueue('contract.sign', { contractId: 'c-2', pdfSha256: 'a'.repeat(64), cms: 'QUFBQUFBQUFBQUFBQUFBQQ==' }, 1, null);
    const d = detail('c-2');
    expect(d.sync).toBe('pending');
    expect(d.actions).toMatchObject({ sign: false, signBlockedBy: 'DECISION_PENDING' });
    expect(d.pendingDecisions.map((p) => [p.name, p.state])).toEqual([['contract.sign', 'pending']]);
  });

  it('highlights documents the parent replaced in the latest round and links the previous file', () => {
    const c = contract(1, { status: 'resubmitted', round: 2, reworkCount: 1 });
    put(t, 'contract', c);
    put(t, 'contractDocument', documentOf(c, 1, { kind: 'birth_certificate', round: 1, reviewStatus: 'approved' }));
    put(t, 'contractDocument', documentOf(c, 2, { kind: 'parent_id', round: 1, current: false, reviewStatus: 'flagged', flagReason: 'unreadable' }));
    put(t, 'contractDocument', documentOf(c, 3, { kind: 'parent_id', round: 2 }));
    const d = detail('c-1');
    expect(d.documents.map((x) => [x.id, x.changedSinceLastRound, x.previousId])).toEqual([
      ['c-1-d1', false, null],
      ['c-1-d3', true, 'c-1-d2'],
    ]);
    expect(d.previousDocuments.map((x) => x.id)).toEqual(['c-1-d2']);
  });
});
