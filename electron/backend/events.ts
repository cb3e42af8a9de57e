/** Typed backend → renderer event bus, validated against the contract before it leaves the backend. */
import { apiEvents, type EventName, type EventPayload } from '../../domain/api';

export type EventListener = (event: EventName, payload: unknown) => void;

export class EventBus {
  private listeners = new Set<EventListener>();

  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = apiEvents[event].parse(payload);
    for (const l of this.listeners) l(event, checked);
  }
}
