// The group rules the server decides with and the desktop explains with: the year-end age rule, why a group cannot
// take a child (closed, full, age, language, PMPK conclusion, special-needs limit), and the bulletin's sums.
import { describe, expect, it } from 'vitest';
import { bulletinLines } from '../../../domain/bulletin';
import { ageAtYearEnd, groupMismatchCodes, groupMismatches, groupMismatchesFor, groupMismatchTexts, placesOf, type GroupForFit } from '../../../domain/groups';
import { createGroupArgsSchema } from '../../../domain/mutations';

const group = (over: Partial<GroupForFit> = {}): GroupForFit => ({
  status: 'open', ageYears: 4, teachingLanguage: 'kk', kind: 'ordinary', correctionType: null, specialNeedsLimit: 1,
  places: placesOf({ capacity: 2, enrolled: 0, reserved: 0, specialNeeds: 0 }), ...over,
});
const child = { birthDate: '2022-12-31', correctionType: null, teachingLanguage: 'kk' as const };

describe('age at the end of the calendar year', () => {
  it('counts full years reached by 31 December, whatever the birthday', () => {
    expect(ageAtYearEnd('2022-01-01', 2026)).toBe(4);
    expect(ageAtYearEnd('2022-12-31', 2026)).toBe(4);
    expect(ageAtYearEnd('2021-12-31', 2026)).toBe(5);
  });
});

describe('groupMismatchesFor', () => {
  it('accepts a fitting child and lists every reason otherwise', () => {
    expect(groupMismatchesFor(group(), child, 2026)).toEqual([]);
    const full = placesOf({ capacity: 2, enrolled: 1, reserved: 1, specialNeeds: 0 });
    expect(groupMismatchesFor(group({ status: 'closed', places: full, teachingLanguage: 'ru' }), { ...child, birthDate: '2021-06-01' }, 2026)).toEqual([
      'closed', 'full', 'age', 'language',
    ]);
  });

  it('takes only children with a matching PMPK conclusion into a special group', () => {
    const special = group({ kind: 'special', correctionType: 'speech' });
    expect(groupMismatchesFor(special, child, 2026)).toEqual(['needs_conclusion']);
    expect(groupMismatchesFor(special, { ...child, correctionType: 'vision' }, 2026)).toEqual(['conclusion_mismatch']);
    expect(groupMismatchesFor(special, { ...child, correctionType: 'speech' }, 2026)).toEqual([]);
  });

  it('limits children with special needs in an ordinary group, not other children', () => {
    const atLimit = group({ places: placesOf({ capacity: 3, enrolled: 1, reserved: 0, specialNeeds: 1 }) });
    expect(groupMismatchesFor(atLimit, { ...child, correctionType: 'speech' }, 2026)).toEqual(['special_needs_limit']);
    expect(groupMismatchesFor(atLimit, child, 2026)).toEqual([]);
  });

  it('has a refusal code and kk/ru/en texts for every reason', () => {
    for (const m of groupMismatches) {
      expect(groupMismatchCodes[m]).toMatch(/^GROUP_[A-Z_]+$/);
      for (const lang of ['kk', 'ru', 'en'] as const) expect(groupMismatchTexts[m][lang].length).toBeGreaterThan(10);
    }
  });
});

describe('group args', () => {
  const base = { groupId: 'g1', nameKk: 'Топ', nameRu: 'Группа', ageYears: 4, teachingLanguage: 'kk', capacity: 20, specialNeedsLimit: 2, cms: 'A'.repeat(24) };
  it('needs a correction type exactly for special groups and a limit within the capacity', () => {
    expect(createGroupArgsSchema.safeParse({ ...base, kind: 'ordinary' }).success).toBe(true);
    expect(createGroupArgsSchema.safeParse({ ...base, kind: 'special' }).success).toBe(false);
    expect(createGroupArgsSchema.safeParse({ ...base, kind: 'special', correctionType: 'speech' }).success).toBe(true);
    expect(createGroupArgsSchema.safeParse({ ...base, kind: 'ordinary', correctionType: 'speech' }).success).toBe(false);
    expect(createGroupArgsSchema.safeParse({ ...base, kind: 'ordinary', specialNeedsLimit: 21 }).success).toBe(false);
  });
});

describe('bulletinLines', () => {
  it('sums the free places of open groups per age, language and kind', () => {
    const g = (ageYears: number, teachingLanguage: 'kk' | 'ru', capacity: number, held: number, status: 'open' | 'closed' = 'open') => ({
      status, ageYears, teachingLanguage, kind: 'ordinary' as const, correctionType: null, places: placesOf({ capacity, enrolled: held, reserved: 0, specialNeeds: 0 }),
    });
    expect(bulletinLines([g(5, 'ru', 20, 20), g(4, 'kk', 25, 20), g(4, 'kk', 25, 24), g(4, 'kk', 25, 0, 'closed')])).toEqual([
      { ageYears: 4, teachingLanguage: 'kk', kind: 'ordinary', correctionType: null, groups: 2, capacity: 50, free: 6 },
      { ageYears: 5, teachingLanguage: 'ru', kind: 'ordinary', correctionType: null, groups: 1, capacity: 20, free: 0 },
    ]);
  });
});
