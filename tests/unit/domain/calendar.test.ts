import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCalendarDays,
  addWorkingDays,
  BUILT_IN_CALENDAR_VERSION,
  calendarStatusOn,
  installCalendar,
  installedCalendarVersion,
  isCalendarYearCovered,
  isProvisionalDate,
  isWorkingDay,
  todayInKazakhstan,
  workingDaysBetween,
  workingDaysLeft,
} from '../../../domain/calendar';
import { builtInCalendarYears, calendarImportFileSchema, type CalendarYearData } from '../../../domain/calendar-data';

/** Weekdays (Mon–Fri) of `year` that are not working days, as MM-DD. */
function nonWorkingWeekdays(year: number): string[] {
  const result: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isWorkingDay(d)) result.push(d.slice(5));
  }
  return result;
}

function workingWeekendDays(year: number): string[] {
  const result: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if ((weekday === 0 || weekday === 6) && isWorkingDay(d)) result.push(d.slice(5));
  }
  return result;
}

describe('Kazakhstan working-day calendar: published calendars', () => {
  it('2026: Nauryz carry-over makes 24 March a day off; 31 August is a working day (30 August no longer a holiday)', () => {
    expect(isWorkingDay('2026-03-24')).toBe(false);
    expect(isWorkingDay('2026-08-31')).toBe(true);
  });

  it('2026 agrees with the published production calendar (non-working weekdays)', () => {
    expect(nonWorkingWeekdays(2026)).toEqual([
      '01-01', '01-02', '01-07', '03-09', '03-23', '03-24', '03-25', '05-01', '05-07', '05-11', '05-27', '07-06',
      '10-26', '12-16',
    ]);
    expect(workingWeekendDays(2026)).toEqual([]);
  });

  it('2025: carry-overs of weekend holidays and the 3 January ← 5 January transfer', () => {
    expect(nonWorkingWeekdays(2025)).toEqual([
      '01-01', '01-02', '01-03', '01-07', '03-10', '03-21', '03-24', '03-25', '05-01', '05-07', '05-09', '06-06',
      '07-07', '09-01', '10-27', '12-16',
    ]);
    expect(workingWeekendDays(2025)).toEqual(['01-05']);
  });

  it('2024: the 8 May ← 4 May transfer; Kurban Ait and Christmas on a Sunday are not carried over', () => {
    expect(nonWorkingWeekdays(2024)).toEqual([
      '01-01', '01-02', '03-08', '03-21', '03-22', '03-25', '05-01', '05-07', '05-08', '05-09', '07-08', '08-30',
      '10-25', '12-16',
    ]);
    expect(workingWeekendDays(2024)).toEqual(['05-04']);
  });

  it('2027: Constitution Day on 15 March, weekend holidays carried over', () => {
    expect(isWorkingDay('2027-03-15')).toBe(false);
    expect(isWorkingDay('2027-01-04')).toBe(false); // 2 January is a Saturday
    expect(isWorkingDay('2027-03-24')).toBe(false); // 21 March is a Sunday
    expect(isWorkingDay('2027-05-03')).toBe(false); // 1 May is a Saturday
    expect(isWorkingDay('2027-08-30')).toBe(true);
  });

  it('addWorkingDays across New Year and Nauryz 2026', () => {
    expect(addWorkingDays('2025-12-30', 1)).toBe('2025-12-31');
    expect(addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    expect(addWorkingDays('2025-12-31', 2)).toBe('2026-01-06');
    expect(addWorkingDays('2026-01-06', 1)).toBe('2026-01-08'); // 7 January, Orthodox Christmas
    expect(addWorkingDays('2026-03-20', 1)).toBe('2026-03-26');
    expect(addWorkingDays('2026-03-19', 7)).toBe('2026-04-02'); // 20, 26, 27, 30, 31 March, 1, 2 April
    expect(workingDaysBetween('2026-03-20', '2026-03-26')).toBe(1);
  });

  it('covers 2024–2027 as data and projects fixed-date holidays beyond', () => {
    expect([2024, 2025, 2026, 2027].every(isCalendarYearCovered)).toBe(true);
    expect(isCalendarYearCovered(2028)).toBe(false);
    expect(isWorkingDay('2028-03-15')).toBe(false); // Constitution Day, Wednesday
    expect(isWorkingDay('2028-01-03')).toBe(false); // 1 January 2028 is a Saturday → Monday
    expect(isWorkingDay('2028-01-04')).toBe(false); // 2 January is a Sunday → Tuesday
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2026-3-1')).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-01', -1)).toThrow(RangeError);
  });

  it('todayInKazakhstan uses UTC+5', () => {
    expect(todayInKazakhstan(new Date('2026-03-23T18:59:59Z'))).toBe('2026-03-23');
    expect(todayInKazakhstan(new Date('2026-03-23T19:00:00Z'))).toBe('2026-03-24');
  });

  it('workingDaysLeft: 0 on the due day, negative when overdue', () => {
    expect(workingDaysLeft('2026-03-19', '2026-04-01')).toBe(6);
    expect(workingDaysLeft('2026-04-01', '2026-04-01')).toBe(0);
    expect(workingDaysLeft('2026-04-03', '2026-04-01')).toBe(-2);
  });
});

const isoDateInRange = fc
  .integer({ min: Date.UTC(2023, 11, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('Kazakhstan working-day calendar: properties', () => {
  it('addWorkingDays lands on a working day and workingDaysBetween inverts it', () => {
    fc.assert(
      fc.property(isoDateInRange, fc.integer({ min: 1, max: 60 }), (date, n) => {
        const due = addWorkingDays(date, n);
        expect(isWorkingDay(due)).toBe(true);
        expect(due > date).toBe(true);
        expect(workingDaysBetween(date, due)).toBe(n);
        // the day before the due date is still short of n working days
        expect(workingDaysBetween(date, addCalendarDays(due, -1))).toBe(n - 1);
      }),
    );
  });

  it('adding in steps equals adding at once', () => {
    fc.assert(
      fc.property(isoDateInRange, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (date, m, n) => {
        expect(addWorkingDays(addWorkingDays(date, m), n)).toBe(addWorkingDays(date, m + n));
      }),
    );
  });

  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(isoDateInRange, isoDateInRange, isoDateInRange, (a, b, c) => {
        expect(workingDaysBetween(b, a) + workingDaysBetween(a, b)).toBe(0);
        expect(workingDaysBetween(a, c)).toBe(workingDaysBetween(a, b) + workingDaysBetween(b, c));
      }),
    );
  });

  it('no Saturday or Sunday is working except decreed transfers, and a week has at most 5 working days', () => {
    fc.assert(
      fc.property(isoDateInRange, (date) => {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        if ((weekday === 0 || weekday === 6) && isWorkingDay(date)) expect(['2024-05-04', '2025-01-05']).toContain(date);
        expect(workingDaysBetween(date, addCalendarDays(date, 7))).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('installed calendar (the server’s synced data)', () => {
  const base = builtInCalendarYears;
  const with2027 = (year: Partial<CalendarYearData>) => base.map((y) => (y.year === 2027 ? { ...y, ...year } : y));

  afterEach(() => installCalendar(base, BUILT_IN_CALENDAR_VERSION));

  it('knows each year’s status: confirmed, provisional, projected beyond the data', () => {
    expect(calendarStatusOn('2026-12-31')).toBe('confirmed');
    expect(calendarStatusOn('2027-01-08')).toBe('provisional');
    expect(calendarStatusOn('2028-01-08')).toBe('projected');
    expect([isProvisionalDate('2026-06-01'), isProvisionalDate('2027-06-01'), isProvisionalDate('2031-06-01')]).toEqual([false, true, true]);
  });

  it('a transfer decree makes 8 January 2027 a day off and Saturday 16 January a working day', () => {
    expect(addWorkingDays('2026-12-29', 7)).toBe('2027-01-12');
    installCalendar(with2027({ status: 'confirmed', transfers: [{ dayOff: '2027-01-08', workingDay: '2027-01-16' }] }), 2);
    expect(installedCalendarVersion()).toBe(2);
    expect(isWorkingDay('2027-01-08')).toBe(false);
    expect(isWorkingDay('2027-01-16')).toBe(true);
    expect(addWorkingDays('2026-12-29', 7)).toBe('2027-01-13');
    expect(workingDaysBetween('2026-12-29', '2027-01-13')).toBe(7);
    expect(workingDaysBetween('2027-01-04', '2027-01-18')).toBe(9);
    expect(isProvisionalDate('2027-01-13')).toBe(false);
  });

  it('refuses an import file whose dates leave their year or whose holiday is unknown', () => {
    const year2027 = base.find((y) => y.year === 2027)!;
    expect(calendarImportFileSchema.safeParse({ years: [year2027] }).success).toBe(true);
    expect(calendarImportFileSchema.safeParse({ years: [{ ...year2027, year: 2028 }] }).success).toBe(false);
    expect(calendarImportFileSchema.safeParse({ years: [{ ...year2027, holidays: [{ date: '2027-02-01', holiday: 'pancake_day' }] }] }).success).toBe(false);
    expect(calendarImportFileSchema.safeParse({ years: [] }).success).toBe(false);
  });
});
