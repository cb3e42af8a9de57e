/**
 * Kazakhstan working-day calendar (five-day week). Dates are ISO `YYYY-MM-DD` local dates in Kazakhstan
 * (single time zone UTC+5). Holidays and decrees are data: the server's calendar, versioned and synced to every
 * client, is installed here with `installCalendar` (until then, the built-in first version of domain/calendar-data.ts
 * applies). This module applies the rules of the holiday law to that data:
 *  - a holiday on Saturday or Sunday moves the day off to the next working day (each weekend holiday moves
 *    separately: Nauryz 2026 Sat 21 + Sun 22 → Tue 24 + Wed 25), except Orthodox Christmas and Kurban Ait;
 *  - government transfers make a weekday a day off and a weekend day a working day.
 * Years outside the data are `projected`: the fixed-date holidays of the nearest year (no Kurban Ait, no decrees).
 */
import { builtInCalendarYears, holidaysWithoutCarryOver, movableHolidays, type CalendarStatus, type CalendarYear, type CalendarYearData } from './calendar-data';

const DAY_MS = 86_400_000;
export const KAZAKHSTAN_UTC_OFFSET_MS = 5 * 3_600_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid ISO date; throws RangeError on anything else (e.g. 2026-02-30). */
function toDayNumber(iso: string): number {
  const m = isoDatePattern.exec(iso);
  if (!m) throw new RangeError(`expected an ISO date YYYY-MM-DD, got "${iso}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day || month < 1 || month > 12) throw new RangeError(`no such date: "${iso}"`);
  return ms / DAY_MS;
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The installed calendar and the day sets derived from it, filled lazily per year. */
interface InstalledCalendar {
  readonly version: number;
  readonly years: ReadonlyMap<number, CalendarYear>;
  readonly coveredYears: readonly number[];
  /** Day numbers of non-working weekdays and of working weekend days. */
  readonly daysOff: Set<number>;
  readonly workingWeekendDays: Set<number>;
  readonly loadedYears: Set<number>;
  /** Per year, working days among its first i days at [i] (a prefix sum), so a count is two look-ups, not a walk. */
  readonly workingPrefixByYear: Map<number, Int32Array>;
  /** Per year, working days in the years from `firstCountedYear` up to it (exclusive). */
  readonly workingBeforeYear: Map<number, number>;
  firstCountedYear: number | null;
}

function buildCalendar(years: readonly CalendarYearData[], version: number): InstalledCalendar {
  if (years.length === 0) throw new RangeError('a calendar needs at least one year');
  const byYear = new Map(years.map((y) => [y.year, { status: y.status, holidays: y.holidays, transfers: y.transfers }]));
  return {
    version,
    years: byYear,
    coveredYears: [...byYear.keys()].sort((a, b) => a - b),
    daysOff: new Set(),
    workingWeekendDays: new Set(),
    loadedYears: new Set(),
    workingPrefixByYear: new Map(),
    workingBeforeYear: new Map(),
    firstCountedYear: null,
  };
}

/** The version of the built-in calendar; the server's first stored calendar has it too. */
export const BUILT_IN_CALENDAR_VERSION = 1;

let calendar = buildCalendar(builtInCalendarYears, BUILT_IN_CALENDAR_VERSION);

/**
 * Replaces the calendar every function of this module uses (the server after loading or importing it, the desktop
 * after syncing it). `version` is the calendar version deadlines record.
 */
export function installCalendar(years: readonly CalendarYearData[], version: number): void {
  calendar = buildCalendar(years, version);
}

/** The version of the installed calendar, recorded with every deadline computed from it. */
export function installedCalendarVersion(): number {
  return calendar.version;
}

export function isCalendarYearCovered(year: number): boolean {
  return calendar.years.has(year);
}

/** How far the calendar of `isoDate`'s year can be trusted (`projected` for years without data). */
export function calendarStatusOn(isoDate: string): CalendarStatus {
  return calendar.years.get(Number(isoDate.slice(0, 4)))?.status ?? 'projected';
}

/** A deadline on this day may still move with a decree: shown as provisional, never expired. */
export function isProvisionalDate(isoDate: string): boolean {
  return calendarStatusOn(isoDate) !== 'confirmed';
}

function calendarFor(year: number): CalendarYear {
  const data = calendar.years.get(year);
  if (data) return data;
  const covered = calendar.coveredYears;
  const nearest = year > covered[covered.length - 1]! ? covered[covered.length - 1]! : covered[0]!;
  const source = calendar.years.get(nearest)!;
  return {
    status: 'projected',
    holidays: source.holidays
      .filter((entry) => !movableHolidays.has(entry.holiday))
      .map((entry) => ({ ...entry, date: `${year}${entry.date.slice(4)}` })),
    transfers: [],
  };
}

function loadYear(year: number): void {
  const { daysOff, workingWeekendDays, loadedYears } = calendar;
  if (loadedYears.has(year)) return;
  loadedYears.add(year);
  const { holidays, transfers } = calendarFor(year);
  const holidayDays = new Set(holidays.map((entry) => toDayNumber(entry.date)));
  for (const day of holidayDays) daysOff.add(day);
  const carriedTo = new Set<number>();
  const byDate = [...holidays].sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const entry of byDate) {
    const day = toDayNumber(entry.date);
    if (!isWeekend(day) || holidaysWithoutCarryOver.has(entry.holiday)) continue;
    let target = day + 1;
    while (isWeekend(target) || holidayDays.has(target) || carriedTo.has(target)) target += 1;
    carriedTo.add(target);
    daysOff.add(target);
  }
  for (const transfer of transfers) {
    daysOff.add(toDayNumber(transfer.dayOff));
    workingWeekendDays.add(toDayNumber(transfer.workingDay));
  }
}

function isWorkingDayNumber(dayNumber: number): boolean {
  const year = new Date(dayNumber * DAY_MS).getUTCFullYear();
  // A carried-over day may fall into the next year, so the previous year is loaded too.
  loadYear(year - 1);
  loadYear(year);
  if (calendar.workingWeekendDays.has(dayNumber)) return true;
  return !isWeekend(dayNumber) && !calendar.daysOff.has(dayNumber);
}

export function isWorkingDay(isoDate: string): boolean {
  return isWorkingDayNumber(toDayNumber(isoDate));
}

/**
 * The date `n` working days after `isoDate` (the event day itself is not counted); `n = 0` returns the date
 * unchanged. The result of `n ≥ 1` is always a working day.
 */
export function addWorkingDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let day = toDayNumber(isoDate);
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorkingDayNumber(day)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Working days in the half-open interval (a, b]; negative when b is before a. Inverse of addWorkingDays:
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
 */
export function workingDaysBetween(a: string, b: string): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  const [low, high] = from <= to ? [from, to] : [to, from];
  // The earlier day first: it may move the counting origin back, which must happen before the later day is counted.
  const before = workingDaysThrough(low);
  const count = workingDaysThrough(high) - before;
  return from <= to ? count : 0 - count; // 0 - 0 is +0, unlike -1 * 0
}

function yearOfDay(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

function workingPrefix(year: number): Int32Array {
  let prefix = calendar.workingPrefixByYear.get(year);
  if (prefix) return prefix;
  const first = Date.UTC(year, 0, 1) / DAY_MS;
  const days = Date.UTC(year + 1, 0, 1) / DAY_MS - first;
  prefix = new Int32Array(days + 1);
  for (let i = 0; i < days; i++) prefix[i + 1] = prefix[i]! + (isWorkingDayNumber(first + i) ? 1 : 0);
  calendar.workingPrefixByYear.set(year, prefix);
  return prefix;
}

/** Working days in the years before `year`, counted from a first year (any origin cancels out in a difference). */
function workingDaysBeforeYear(year: number): number {
  const { workingBeforeYear } = calendar;
  calendar.firstCountedYear ??= year;
  if (year < calendar.firstCountedYear) {
    // An earlier year than any asked before: move the origin back and recount from it.
    workingBeforeYear.clear();
    calendar.firstCountedYear = year;
  }
  const origin = calendar.firstCountedYear;
  let known = workingBeforeYear.get(year);
  if (known !== undefined) return known;
  let y = year;
  while (y > origin && !workingBeforeYear.has(y)) y -= 1;
  known = y === origin ? 0 : workingBeforeYear.get(y)!;
  for (; y < year; y++) {
    workingBeforeYear.set(y, known);
    known += workingPrefix(y)[workingPrefix(y).length - 1]!;
  }
  workingBeforeYear.set(year, known);
  return known;
}

/** Working days from the counting origin through `dayNumber` (inclusive): only differences of it mean anything. */
function workingDaysThrough(dayNumber: number): number {
  const year = yearOfDay(dayNumber);
  return workingDaysBeforeYear(year) + workingPrefix(year)[dayNumber - Date.UTC(year, 0, 1) / DAY_MS + 1]!;
}

/**
 * Working days left until a due date, as shown in lists: 0 means due today (or on the next working day when
 * today is a day off), negative values count the working days overdue.
 */
export function workingDaysLeft(today: string, due: string): number {
  return workingDaysBetween(today, due);
}

/** Today's date in Kazakhstan (UTC+5, no daylight saving) at the instant `now`. */
export function todayInKazakhstan(now: Date): string {
  return new Date(now.getTime() + KAZAKHSTAN_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Adds calendar days to an ISO date (for rules counted in calendar days and for tests). */
export function addCalendarDays(isoDate: string, n: number): string {
  return fromDayNumber(toDayNumber(isoDate) + n);
}
