/**
 * Special-queue (voucher) application as decided by a PMPK specialist (DESIGN §2):
 * awaiting_confirmation ─confirm(queue place)→ confirmed | ─reject→ rejected (archived). Decisions are final.
 */
import { z } from 'zod';
import type { SpecialQueueStatus } from './statuses';

export interface SpecialQueueState {
  readonly status: SpecialQueueStatus;
  readonly queuePlace: number | null;
}

export type SpecialQueueEvent =
  /** The server assigns the place; the client proposes the decision without one. */
  | { readonly type: 'confirm'; readonly queuePlace: number }
  | { readonly type: 'reject' };

export const specialQueueRefusalCodes = ['ALREADY_DECIDED', 'INVALID_QUEUE_PLACE'] as const;
export const specialQueueRefusalCodeSchema = z.enum(specialQueueRefusalCodes);
export type SpecialQueueRefusalCode = z.infer<typeof specialQueueRefusalCodeSchema>;

export type SpecialQueueRefusal =
  | { readonly code: 'ALREADY_DECIDED'; readonly status: SpecialQueueStatus }
  | { readonly code: 'INVALID_QUEUE_PLACE'; readonly queuePlace: number };

export type SpecialQueueTransition =
  | { readonly ok: true; readonly state: SpecialQueueState }
  | { readonly ok: false; readonly refusal: SpecialQueueRefusal };

export function initialSpecialQueueState(): SpecialQueueState {
  return { status: 'awaiting_confirmation', queuePlace: null };
}

export function transitionSpecialQueue(state: SpecialQueueState, event: SpecialQueueEvent): SpecialQueueTransition {
  if (state.status !== 'awaiting_confirmation') return { ok: false, refusal: { code: 'ALREADY_DECIDED', status: state.status } };
  if (event.type === 'reject') return { ok: true, state: { status: 'rejected', queuePlace: null } };
  if (!Number.isInteger(event.queuePlace) || event.queuePlace < 1) {
    return { ok: false, refusal: { code: 'INVALID_QUEUE_PLACE', queuePlace: event.queuePlace } };
  }
  return { ok: true, state: { status: 'confirmed', queuePlace: event.queuePlace } };
}

/** Whether a PMPK specialist can still confirm or reject the application. */
export function canDecideSpecialQueue(state: SpecialQueueState): boolean {
  return state.status === 'awaiting_confirmation';
}
