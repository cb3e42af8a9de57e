import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canArchive,
  canReject,
  canReturnForRework,
  canReviewDocuments,
  canSign,
  contractStateOf,
  initialContractState,
  transitionContract,
  type ContractEvent,
  type ContractState,
} from '../../../domain/contract-machine';
import { MAX_REWORK_ATTEMPTS } from '../../../domain/rules';
import { contractStatuses } from '../../../domain/statuses';

function run(events: readonly ContractEvent[], from: ContractState = initialContractState()): ContractState {
  return events.reduce((state, event) => {
    const result = transitionContract(state, event);
    if (!result.ok) throw new Error(`refused ${event.type}: ${result.refusal.code}`);
    return result.state;
  }, from);
}

const submitted = run([{ type: 'parentOpened' }, { type: 'parentSubmitted', documentIds: ['photo', 'birth'] }]);
const mark = (documentId: string, decision: 'approved' | 'flagged'): ContractEvent => ({ type: 'markDocument', documentId, decision });

describe('contract machine: flows of the seeds', () => {
  it('offer → opened → submitted → all approved → signed → archived', () => {
    const reviewed = run([mark('photo', 'approved'), mark('birth', 'approved')], submitted);
    expect(canSign(reviewed)).toBe(true);
    const signed = run([{ type: 'sign' }], reviewed);
    expect(signed.status).toBe('signed');
    expect(canArchive(signed)).toBe(true);
    expect(run([{ type: 'archive' }], signed).status).toBe('archived');
  });

  it('a flagged document blocks signing and allows «Доработать»; the parent replaces only the flagged one', () => {
    const flagged = run([mark('photo', 'approved'), mark('birth', 'flagged')], submitted);
    expect(transitionContract(flagged, { type: 'sign' })).toEqual({ ok: false, refusal: { code: 'DOCUMENT_FLAGGED', documentIds: ['birth'] } });
    const returned = run([{ type: 'returnForRework' }], flagged);
    expect(returned).toMatchObject({ status: 'rework_requested', reworkCount: 1 });
    expect(transitionContract(returned, { type: 'parentResubmitted', replacements: [] })).toEqual({
      ok: false,
      refusal: { code: 'FLAGGED_DOCUMENT_NOT_REPLACED', documentIds: ['birth'] },
    });
    expect(
      transitionContract(returned, { type: 'parentResubmitted', replacements: [{ documentId: 'photo', newDocumentId: 'photo2' }, { documentId: 'birth', newDocumentId: 'birth2' }] }),
    ).toEqual({ ok: false, refusal: { code: 'DOCUMENT_NOT_REPLACEABLE', documentIds: ['photo'] } });
    const resubmitted = run([{ type: 'parentResubmitted', replacements: [{ documentId: 'birth', newDocumentId: 'birth2' }] }], returned);
    expect(resubmitted).toEqual({
      status: 'resubmitted',
      reworkCount: 1,
      round: 2,
      documents: [
        { id: 'photo', reviewStatus: 'approved' },
        { id: 'birth2', reviewStatus: 'pending' },
      ],
    });
    expect(transitionContract(resubmitted, { type: 'sign' })).toEqual({ ok: false, refusal: { code: 'DOCUMENT_NOT_REVIEWED', documentIds: ['birth2'] } });
  });

  it('after the second resubmission only sign or reject remain', () => {
    let state = run([mark('photo', 'approved')], submitted);
    for (let attempt = 1; attempt <= MAX_REWORK_ATTEMPTS; attempt += 1) {
      const birth = state.documents[1]!.id;
      state = run([mark(birth, 'flagged'), { type: 'returnForRework' }, { type: 'parentResubmitted', replacements: [{ documentId: birth, newDocumentId: `birth${attempt}` }] }], state);
    }
    state = run([mark('birth2', 'flagged')], state);
    expect(canReturnForRework(state)).toBe(false);
    expect(transitionContract(state, { type: 'returnForRework' })).toEqual({ ok: false, refusal: { code: 'REWORK_LIMIT_REACHED', limit: 2 } });
    expect(canReject(state)).toBe(true);
    expect(canSign(run([mark('birth2', 'approved')], state))).toBe(true);
  });

  it('return for rework needs every document reviewed and at least one flagged', () => {
    expect(transitionContract(run([mark('photo', 'flagged')], submitted), { type: 'returnForRework' })).toEqual({
      ok: false,
      refusal: { code: 'DOCUMENT_NOT_REVIEWED', documentIds: ['birth'] },
    });
    expect(transitionContract(run([mark('photo', 'approved'), mark('birth', 'approved')], submitted), { type: 'returnForRework' })).toEqual({
      ok: false,
      refusal: { code: 'NO_FLAGGED_DOCUMENT' },
    });
  });

  it('a withdrawn contract refuses every decision with CONTRACT_WITHDRAWN', () => {
    const withdrawn = run([{ type: 'parentWithdrew' }], submitted);
    for (const event of [{ type: 'sign' }, { type: 'reject' }, { type: 'returnForRework' }, { type: 'archive' }, mark('photo', 'approved')] as ContractEvent[]) {
      expect(transitionContract(withdrawn, event)).toEqual({ ok: false, refusal: { code: 'CONTRACT_WITHDRAWN' } });
    }
    expect(canReviewDocuments(withdrawn)).toBe(false);
  });

  it('expiry only while the parent must act; closed contracts refuse with INVALID_TRANSITION', () => {
    expect(run([{ type: 'expire' }]).status).toBe('expired');
    expect(transitionContract(submitted, { type: 'expire' })).toEqual({ ok: false, refusal: { code: 'INVALID_TRANSITION', status: 'submitted', event: 'expire' } });
    const rejected = run([{ type: 'reject' }], submitted);
    expect(transitionContract(rejected, { type: 'sign' })).toMatchObject({ ok: false, refusal: { code: 'INVALID_TRANSITION' } });
  });

  it('reads the machine state from synced rows, ignoring replaced files', () => {
    const others = (['child_photo', 'parent_id', 'health_passport'] as const).map((kind) => ({ id: kind, kind, reviewStatus: 'approved' as const, current: true }));
    const state = contractStateOf({ status: 'resubmitted', reworkCount: 1, round: 2, isVoucher: false, pmpkConclusion: false }, [
      { id: 'birth', kind: 'birth_certificate', reviewStatus: 'flagged', current: false },
      { id: 'birth2', kind: 'birth_certificate', reviewStatus: 'approved', current: true },
      ...others,
    ]);
    expect(state.documents[0]).toEqual({ id: 'birth2', kind: 'birth_certificate', reviewStatus: 'approved' });
    expect(state.documents).toHaveLength(4);
    expect(canSign(state)).toBe(true);
  });

});

/** Every kind of event, with document ids taken from the state so that marks and replacements hit real files. */
function eventsFor(state: ContractState): ContractEvent[] {
  const flaggedIds = state.documents.filter((d) => d.reviewStatus === 'flagged').map((d) => d.id);
  const nextId = (id: string) => `${id.split('.')[0]}.r${state.round + 1}`;
  return [
    { type: 'parentOpened' },
    { type: 'parentSubmitted', documentIds: ['a', 'b'] },
    { type: 'parentSubmitted', documentIds: [] },
    ...state.documents.flatMap((d) => [mark(d.id, 'approved'), mark(d.id, 'flagged')]),
    mark('unknown', 'approved'),
    { type: 'returnForRework' },
    { type: 'parentResubmitted', replacements: flaggedIds.map((id) => ({ documentId: id, newDocumentId: nextId(id) })) },
    { type: 'parentResubmitted', replacements: [] },
    { type: 'parentResubmitted', replacements: state.documents.map((d) => ({ documentId: d.id, newDocumentId: nextId(d.id) })) },
    { type: 'parentResubmitted', replacements: [{ documentId: 'unknown', newDocumentId: 'x' }] },
    { type: 'sign' },
    { type: 'reject' },
    { type: 'parentWithdrew' },
    { type: 'expire' },
    { type: 'archive' },
  ];
}

/** The safety rules of DESIGN §2, checked on one step; returns a description of the violation or null. */
function violation(before: ContractState, event: ContractEvent): string | null {
  const result = transitionContract(before, event);
  if (before.status === 'withdrawn') {
    return !result.ok && result.refusal.code === 'CONTRACT_WITHDRAWN' ? null : `${event.type} accepted on a withdrawn contract`;
  }
  if (!result.ok) return null;
  const after = result.state;
  if (event.type === 'returnForRework') {
    if (after.reworkCount !== before.reworkCount + 1) return 'rework not counted';
    if (after.reworkCount > MAX_REWORK_ATTEMPTS) return 'a third rework';
  } else if (after.reworkCount !== before.reworkCount) return `${event.type} changed the rework count`;
  if (after.status === 'signed' && before.status !== 'signed') {
    if (event.type !== 'sign') return `${event.type} led to signed`;
    if (before.documents.length === 0 || before.documents.some((d) => d.reviewStatus !== 'approved')) return 'signed with a flagged or unreviewed document';
  }
  if (after.status === 'withdrawn' && event.type !== 'parentWithdrew') return `${event.type} led to withdrawn`;
  return null;
}

const stateKey = (s: ContractState) => JSON.stringify(s);

describe('contract machine: safety over all paths', () => {
  it('exhaustively: from every reachable state, no event allows a third rework, a signature with a flagged or unreviewed document, or a decision on a withdrawn contract', () => {
    // The machine is a pure function of the state, so checking every event from every reachable state covers
    // every event sequence over this alphabet, whatever its length.
    const seen = new Map<string, ContractState>([[stateKey(initialContractState()), initialContractState()]]);
    const queue = [initialContractState()];
    const violations: string[] = [];
    let refusedThirdRework = false;
    while (queue.length > 0) {
      const state = queue.shift()!;
      for (const event of eventsFor(state)) {
        const problem = violation(state, event);
        if (problem) violations.push(`${problem} (from ${stateKey(state)})`);
        const result = transitionContract(state, event);
        if (!result.ok && result.refusal.code === 'REWORK_LIMIT_REACHED') refusedThirdRework = true;
        if (result.ok && !seen.has(stateKey(result.state))) {
          seen.set(stateKey(result.state), result.state);
          queue.push(result.state);
        }
      }
      expect(seen.size).toBeLessThan(200_000); // the reachable space is finite; this guards against a regression
    }
    expect(violations).toEqual([]);
    expect(seen.size).toBeGreaterThan(100);
    // the exploration really went everywhere: every status, the rework limit, and the refusal at the limit
    const reached = new Set([...seen.values()].map((s) => s.status));
    expect([...reached].sort()).toEqual([...contractStatuses].sort());
    expect(Math.max(...[...seen.values()].map((s) => s.reworkCount))).toBe(MAX_REWORK_ATTEMPTS);
    expect(refusedThirdRework).toBe(true);
  });

  it('property: along arbitrary event sequences with arbitrary document ids the same rules hold', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'x');
    const event: fc.Arbitrary<ContractEvent> = fc.oneof(
      fc.constantFrom<ContractEvent>(
        { type: 'parentOpened' },
        { type: 'returnForRework' },
        { type: 'sign' },
        { type: 'reject' },
        { type: 'parentWithdrew' },
        { type: 'expire' },
        { type: 'archive' },
      ),
      fc.array(id, { maxLength: 3 }).map((documentIds): ContractEvent => ({ type: 'parentSubmitted', documentIds })),
      fc.record({ documentId: id, decision: fc.constantFrom('approved' as const, 'flagged' as const) }).map((e): ContractEvent => ({ type: 'markDocument', ...e })),
      fc
        .array(fc.record({ documentId: id, newDocumentId: id }), { maxLength: 3 })
        .map((replacements): ContractEvent => ({ type: 'parentResubmitted', replacements })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let state = initialContractState();
        let reworks = 0;
        let withdrawn = false;
        for (const e of events) {
          expect(violation(state, e)).toBeNull();
          const result = transitionContract(state, e);
          if (withdrawn) expect(result.ok).toBe(false);
          if (!result.ok) continue;
          if (e.type === 'returnForRework') reworks += 1;
          if (result.state.status === 'withdrawn') withdrawn = true;
          state = result.state;
        }
        expect(reworks).toBeLessThanOrEqual(MAX_REWORK_ATTEMPTS);
      }),
      { numRuns: 2000 },
    );
  });
});
