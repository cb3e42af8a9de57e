/**
 * The demo kindergartens' groups (ясли … предшкольная, Kazakh and Russian, one speech-therapy group) and the
 * places the seeded contracts hold in them. Seeded contracts take a fitting group as they are made; the groups
 * whose plan says `full` end with exactly as many places as are held.
 */
import type { CorrectionType, TeachingLanguage } from '../../domain/catalogue-ids';
import type { Contract } from '../../domain/entities';
import { ageAtYearEnd, DEFAULT_SPECIAL_NEEDS_LIMIT, MAX_GROUP_CAPACITY, placesOf, type GroupKind } from '../../domain/groups';
import type { ContractStatus } from '../../domain/statuses';
import type { ServerTx } from '../../server/db/connect';
import { groupHolds, groupPlaces } from '../../server/db/schema';
import type { RowWriter } from '../../server/store/row-writer';

interface PlannedGroup {
  key: string;
  nameKk: string;
  nameRu: string;
  ageYears: number;
  teachingLanguage: TeachingLanguage;
  kind: GroupKind;
  correctionType: CorrectionType | null;
  capacity: number;
  full: boolean;
}

const plan: readonly PlannedGroup[] = [
  { key: 'nursery', nameKk: '«Балапан» бөбекжай тобы', nameRu: 'Ясельная группа «Балапан»', ageYears: 2, teachingLanguage: 'kk', kind: 'ordinary', correctionType: null, capacity: 15, full: false },
  { key: 'junior', nameKk: '«Қызғалдақ» кіші тобы', nameRu: 'Младшая группа «Қызғалдақ»', ageYears: 3, teachingLanguage: 'ru', kind: 'ordinary', correctionType: null, capacity: 20, full: false },
  { key: 'middle-kk', nameKk: '«Күншуақ» ортаңғы тобы', nameRu: 'Средняя группа «Күншуақ»', ageYears: 4, teachingLanguage: 'kk', kind: 'ordinary', correctionType: null, capacity: 25, full: false },
  { key: 'middle-ru', nameKk: '«Жұлдыз» ортаңғы тобы', nameRu: 'Средняя группа «Жұлдыз»', ageYears: 4, teachingLanguage: 'ru', kind: 'ordinary', correctionType: null, capacity: 25, full: false },
  { key: 'senior-kk', nameKk: '«Айгөлек» ересек тобы', nameRu: 'Старшая группа «Айгөлек»', ageYears: 5, teachingLanguage: 'kk', kind: 'ordinary', correctionType: null, capacity: 25, full: true },
  { key: 'senior-ru', nameKk: '«Ромашка» ересек тобы', nameRu: 'Старшая группа «Ромашка»', ageYears: 5, teachingLanguage: 'ru', kind: 'ordinary', correctionType: null, capacity: 25, full: false },
  { key: 'speech', nameKk: '«Бұлбұл» логопедиялық тобы', nameRu: 'Логопедическая группа «Бұлбұл»', ageYears: 5, teachingLanguage: 'kk', kind: 'special', correctionType: 'speech', capacity: 12, full: false },
  { key: 'preschool-kk', nameKk: '«Бәйтерек» мектепалды даярлық тобы', nameRu: 'Предшкольная группа «Бәйтерек»', ageYears: 6, teachingLanguage: 'kk', kind: 'ordinary', correctionType: null, capacity: 25, full: true },
  { key: 'preschool-ru', nameKk: '«Күнбағыс» мектепалды даярлық тобы', nameRu: 'Предшкольная группа «Күнбағыс»', ageYears: 6, teachingLanguage: 'ru', kind: 'ordinary', correctionType: null, capacity: 25, full: false },
];

const reservingStatuses: ReadonlySet<ContractStatus> = new Set(['offer_sent', 'awaiting_parent', 'submitted', 'rework_requested', 'resubmitted']);

interface Allocated {
  orgId: string;
  planned: PlannedGroup;
  holds: { contractId: string; state: 'reserved' | 'enrolled' }[];
}

export class SeedGroups {
  private readonly groups = new Map<string, Allocated>();

  constructor(private readonly year: number) {}

  private groupsOf(orgId: string): Allocated[] {
    for (const planned of plan) {
      const id = `grp-${orgId}-${planned.key}`;
      if (!this.groups.has(id)) this.groups.set(id, { orgId, planned, holds: [] });
    }
    return [...this.groups.entries()].filter(([, g]) => g.orgId === orgId).map(([, g]) => g);
  }

  /**
   * The group of a seeded contract by the child's age and the language; the contract holds a place when its final
   * status keeps one. A contract beyond the largest possible group keeps the group's name without a place.
   */
  assign(contract: Pick<Contract, 'id' | 'orgId' | 'child' | 'teachingLanguage'>, finalStatus: ContractStatus): Contract['group'] {
    const age = ageAtYearEnd(contract.child.birthDate, this.year);
    const fitting = this.groupsOf(contract.orgId).filter(
      (g) => g.planned.kind === 'ordinary' && g.planned.teachingLanguage === contract.teachingLanguage && g.planned.ageYears === age,
    );
    const group = fitting[0];
    if (!group) return { id: null, nameKk: 'Топ', nameRu: 'Группа' };
    const holds = reservingStatuses.has(finalStatus) || finalStatus === 'signed';
    if (holds && group.holds.length >= MAX_GROUP_CAPACITY) return { id: null, nameKk: group.planned.nameKk, nameRu: group.planned.nameRu };
    if (holds) group.holds.push({ contractId: contract.id, state: finalStatus === 'signed' ? 'enrolled' : 'reserved' });
    return { id: this.idOf(group), nameKk: group.planned.nameKk, nameRu: group.planned.nameRu };
  }

  private idOf(group: Allocated): string {
    return `grp-${group.orgId}-${group.planned.key}`;
  }

  /** Every kindergarten gets the planned groups, even without contracts. */
  plan(orgIds: readonly string[]): void {
    for (const orgId of orgIds) this.groupsOf(orgId);
  }

  /** The group rows (into the seed batch, before its last flush). */
  async putRows(store: RowWriter): Promise<void> {
    for (const [id, g] of this.groups) {
      const { key: _key, full: _full, capacity: _capacity, ...fields } = g.planned;
      await store.put('group', g.orgId, {
        ...fields, id, orgId: g.orgId, specialNeedsLimit: DEFAULT_SPECIAL_NEEDS_LIMIT, places: this.placesOf(g), status: 'open', closedOn: null,
      });
    }
  }

  private placesOf(g: Allocated) {
    const enrolled = g.holds.filter((h) => h.state === 'enrolled').length;
    const reserved = g.holds.length - enrolled;
    const held = enrolled + reserved;
    const capacity = g.planned.full && held > 0 ? held : Math.min(MAX_GROUP_CAPACITY, Math.max(g.planned.capacity, held));
    return placesOf({ capacity, enrolled, reserved, specialNeeds: 0 });
  }

  /** The place counters and holds (after the batch flushed the group rows). */
  async writePlaces(tx: ServerTx): Promise<void> {
    for (const [id, g] of this.groups) {
      const p = this.placesOf(g);
      await tx.insert(groupPlaces).values({ groupId: id, orgId: g.orgId, capacity: p.capacity, enrolled: p.enrolled, reserved: p.reserved, specialNeeds: 0 });
      if (g.holds.length > 0) await tx.insert(groupHolds).values(g.holds.map((h) => ({ ...h, groupId: id, specialNeeds: false })));
    }
  }
}
