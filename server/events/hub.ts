/** Data-free pokes over /v1/events: after a commit, every socket whose user sees one of the changed orgs is told to pull. */
export interface PokeTarget {
  orgIds: readonly string[];
  send(frame: string): void;
}

export class EventHub {
  private readonly targets = new Set<PokeTarget>();

  add(target: PokeTarget): () => void {
    this.targets.add(target);
    return () => this.targets.delete(target);
  }

  poke(orgIds: Iterable<string>, cursor: number): void {
    const changed = new Set(orgIds);
    const frame = JSON.stringify({ type: 'poke', cursor });
    for (const target of this.targets) {
      if (target.orgIds.some((id) => changed.has(id))) target.send(frame);
    }
  }

  get size(): number {
    return this.targets.size;
  }
}
