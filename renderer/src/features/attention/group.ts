/** Needs attention per contract or application: every refused decision about one target goes on one card. */
import type { AttentionItem } from '../../../../domain/api/sync';

export interface AttentionGroup {
  key: string;
  target: AttentionItem['target'];
  /** Oldest first. */
  items: AttentionItem[];
}

export function groupByTarget(items: readonly AttentionItem[]): AttentionGroup[] {
  const groups = new Map<string, AttentionGroup>();
  for (const item of [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)) {
    const key = `${item.target.entity}:${item.target.id}`;
    const group = groups.get(key) ?? { key, target: item.target, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The decisions of a card by name, in the order first made, with how many of each (e.g. five document reviews). */
export function decisionCounts(group: AttentionGroup): Array<{ name: AttentionItem['name']; count: number }> {
  const counts = new Map<AttentionItem['name'], number>();
  for (const item of group.items) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}
