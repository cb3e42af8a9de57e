/**
 * Data-free pokes over /v1/events: the sockets of this instance, each with the organisations its user sees. The
 * change feed (change-feed.ts) calls poke for every committed change of any instance.
 */
import { EVERY_ORGANISATION } from '../store/entity-store';

export interface PokeTarget {
  orgIds: readonly string[];
  send(frame: string): void;
}

export class EventHub {
  private readonly targets = new Set<PokeTarget>();
  /** Whether the change feed currently hears every instance's changes (readiness). */
  listening = false;

  add(target: PokeTarget): () => void {
    this.targets.add(target);
    return () => this.targets.delete(target);
  }

  /** Pokes every socket in scope of the changed organisations; returns how many were poked. */
  poke(orgIds: Iterable<string>, cursor: number): number {
    const changed = new Set(orgIds);
    if (changed.has(EVERY_ORGANISATION)) return this.pokeAll(cursor);
    return this.send([...this.targets].filter((t) => t.orgIds.some((id) => changed.has(id))), cursor);
  }

  pokeAll(cursor: number): number {
    return this.send([...this.targets], cursor);
  }

  private send(targets: readonly PokeTarget[], cursor: number): number {
    const frame = JSON.stringify({ type: 'poke', cursor });
    for (const target of targets) target.send(frame);
    return targets.length;
  }

  get size(): number {
    return this.targets.size;
  }
}
