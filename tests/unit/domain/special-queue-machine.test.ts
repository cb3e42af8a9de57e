import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canDecideSpecialQueue,
  initialSpecialQueueState,
  transitionSpecialQueue,
  type SpecialQueueEvent,
} from '../../../domain/special-queue-machine';

describe('special-queue machine', () => {
  it('awaiting confirmation → confirmed with the queue place', () => {
    expect(transitionSpecialQueue(initialSpecialQueueState(), { type: 'confirm', queuePlace: 17 })).toEqual({
      ok: true,
      state: { status: 'confirmed', queuePlace: 17 },
    });
  });

  it('awaiting confirmation → rejected', () => {
    expect(transitionSpecialQueue(initialSpecialQueueState(), { type: 'reject' })).toEqual({ ok: true, state: { status: 'rejected', queuePlace: null } });
  });

  it('refuses a queue place that is not a positive integer', () => {
    for (const queuePlace of [0, -1, 1.5, Number.NaN]) {
      const result = transitionSpecialQueue(initialSpecialQueueState(), { type: 'confirm', queuePlace });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.refusal.code).toBe('INVALID_QUEUE_PLACE');
    }
  });

  it('property: along any event sequence at most one decision is accepted, and decided applications refuse everything', () => {
    const event: fc.Arbitrary<SpecialQueueEvent> = fc.oneof(
      fc.constant<SpecialQueueEvent>({ type: 'reject' }),
      fc.integer({ min: -3, max: 1000 }).map((queuePlace): SpecialQueueEvent => ({ type: 'confirm', queuePlace })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), (events) => {
        let state = initialSpecialQueueState();
        let decisions = 0;
        for (const e of events) {
          const wasOpen = canDecideSpecialQueue(state);
          const result = transitionSpecialQueue(state, e);
          if (!wasOpen) expect(result).toEqual({ ok: false, refusal: { code: 'ALREADY_DECIDED', status: state.status } });
          if (!result.ok) continue;
          decisions += 1;
          if (result.state.status === 'confirmed') expect(result.state.queuePlace).toBeGreaterThan(0);
          state = result.state;
        }
        expect(decisions).toBeLessThanOrEqual(1);
      }),
    );
  });
});
