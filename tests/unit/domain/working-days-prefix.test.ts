/**
 * Working-day counts come from per-year prefix sums; they equal a day-by-day walk over the same calendar for any
 * two dates, in either order, across year ends, and whichever year is asked first.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addCalendarDays, BUILT_IN_CALENDAR_VERSION, installCalendar, isWorkingDay, workingDaysBetween } from '../../../domain/calendar';
import { builtInCalendarYears } from '../../../domain/calendar-data';

function walked(a: string, b: string): number {
  const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = addCalendarDays(low, 1); day <= high; day = addCalendarDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count === 0 ? 0 : sign * count;
}

const isoDate = fc.date({ min: new Date('2022-06-01T00:00:00Z'), max: new Date('2029-06-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

it('counts the same working days as a day-by-day walk', () => {
  // A late year first, then earlier ones: the counting origin moves back and the counts still agree.
  expect(workingDaysBetween('2028-12-25', '2029-01-10')).toBe(walked('2028-12-25', '2029-01-10'));
  expect(workingDaysBetween('2024-01-01', '2026-12-31')).toBe(walked('2024-01-01', '2026-12-31'));
  fc.assert(
    fc.property(isoDate, isoDate, (a, b) => {
      expect(workingDaysBetween(a, b)).toBe(walked(a, b));
    }),
    { numRuns: 300 },
  );
  expect(Object.is(workingDaysBetween('2026-03-07', '2026-03-08'), 0)).toBe(true);
});

it('counts with the calendar installed now, not one counted before it', () => {
  const before = workingDaysBetween('2026-12-25', '2027-01-20');
  installCalendar(
    builtInCalendarYears.map((y) => (y.year === 2027 ? { ...y, transfers: [{ dayOff: '2027-01-08', workingDay: '2027-01-16' }, { dayOff: '2027-01-11', workingDay: '2027-01-23' }] } : y)),
    2,
  );
  try {
    // Two weekdays off, one Saturday (16th) working in the range: one working day fewer.
    expect(workingDaysBetween('2026-12-25', '2027-01-20')).toBe(before - 1);
    expect(workingDaysBetween('2026-12-25', '2027-01-20')).toBe(walked('2026-12-25', '2027-01-20'));
  } finally {
    installCalendar(builtInCalendarYears, BUILT_IN_CALENDAR_VERSION);
  }
  expect(workingDaysBetween('2026-12-25', '2027-01-20')).toBe(before);
});
