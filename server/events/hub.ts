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

  /** Pokes every socket in scope of the changed organisations; returns how many were poked. */
  poke(orgIds: Iterable<string>, cursor: number): number {
    const changed = new Set(orgIds);
    const frame = JSON.stringify({ type: 'poke', cursor });
    let poked = 0;
    for (const target of this.targets) {
      if (target.orgIds.some((id) => changed.has(id))) {
        target.send(frame);
        poked++;
      }
    }
    return poked;
  }

  get listening(): boolean {
    return true;
  }

  get size(): number {
    return this.targets.size;
  }
}
