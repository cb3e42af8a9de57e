/**
 * Forwards backend and shell events to the renderer on the single event channel. Only contract events with a
 * payload that passes their schema are sent, so the renderer never receives something the contract does not describe.
 */
import { apiEvents, type EventName, type EventPayload } from '../../domain/api';
import { EVENT_CHANNEL } from '../preload/channels';

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, message: { event: string; payload: unknown }): void;
}

const isEventName = (name: string): name is EventName => Object.prototype.hasOwnProperty.call(apiEvents, name);

export function createEventForwarder(targets: () => EventTarget[], onDropped: (event: string) => void) {
  function forward(event: string, payload: unknown): void {
    if (!isEventName(event)) return onDropped(event);
    const parsed = apiEvents[event].safeParse(payload);
    if (!parsed.success) return onDropped(event);
    for (const target of targets()) if (!target.isDestroyed()) target.send(EVENT_CHANNEL, { event, payload: parsed.data });
  }
  return {
    forward,
    /** Typed form for events raised by main itself (backend status, updates). */
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => forward(event, payload),
  };
}
