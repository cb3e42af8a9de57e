/**
 * Kazakhstan public holidays and government day transfers, as data per year (reference/domain.md §5).
 * Sources: Закон РК «О праздниках в Республике Казахстан» № 267 (holiday list and the weekend carry-over rule),
 * the yearly government decrees on transfers, and the 2026 constitutional changes (30 August is no longer a
 * holiday from 2026; Constitution Day is 15 March from 2027). Update this file when a new decree is published.
 */
import type { Localized } from './i18n-languages';

export const holidayIds = [
  'new_year',
  'orthodox_christmas',
  'womens_day',
  'constitution_day',
  'nauryz',
  'unity_day',
  'defender_day',
  'victory_day',
  'capital_day',
  'republic_day',
  'independence_day',
  'kurban_ait',
] as const;
export type HolidayId = (typeof holidayIds)[number];

/** Religious holidays are days off but are never carried over to the next working day when on a weekend. */
export const holidaysWithoutCarryOver: ReadonlySet<HolidayId> = new Set<HolidayId>(['orthodox_christmas', 'kurban_ait']);

/** Holidays whose date moves every year (lunar calendar); they cannot be projected to years without data. */
export const movableHolidays: ReadonlySet<HolidayId> = new Set<HolidayId>(['kurban_ait']);

export interface HolidayEntry {
  readonly date: string;
  readonly holiday: HolidayId;
}

/** A government decree moving a day off: `dayOff` becomes non-working, `workingDay` (a weekend day) working. */
export interface DayTransfer {
  readonly dayOff: string;
  readonly workingDay: string;
}

export interface CalendarYear {
  readonly holidays: readonly HolidayEntry[];
  readonly transfers: readonly DayTransfer[];
}

const h = (date: string, holiday: HolidayId): HolidayEntry => ({ date, holiday });

export const calendarYears: Readonly<Record<number, CalendarYear>> = {
  2024: {
    holidays: [
      h('2024-01-01', 'new_year'),
      h('2024-01-02', 'new_year'),
      h('2024-01-07', 'orthodox_christmas'),
      h('2024-03-08', 'womens_day'),
      h('2024-03-21', 'nauryz'),
      h('2024-03-22', 'nauryz'),
      h('2024-03-23', 'nauryz'),
      h('2024-05-01', 'unity_day'),
      h('2024-05-07', 'defender_day'),
      h('2024-05-09', 'victory_day'),
      h('2024-06-16', 'kurban_ait'),
      h('2024-07-06', 'capital_day'),
      h('2024-08-30', 'constitution_day'),
      h('2024-10-25', 'republic_day'),
      h('2024-12-16', 'independence_day'),
    ],
    transfers: [{ dayOff: '2024-05-08', workingDay: '2024-05-04' }],
  },
  2025: {
    holidays: [
      h('2025-01-01', 'new_year'),
      h('2025-01-02', 'new_year'),
      h('2025-01-07', 'orthodox_christmas'),
      h('2025-03-08', 'womens_day'),
      h('2025-03-21', 'nauryz'),
      h('2025-03-22', 'nauryz'),
      h('2025-03-23', 'nauryz'),
      h('2025-05-01', 'unity_day'),
      h('2025-05-07', 'defender_day'),
      h('2025-05-09', 'victory_day'),
      h('2025-06-06', 'kurban_ait'),
      h('2025-07-06', 'capital_day'),
      h('2025-08-30', 'constitution_day'),
      h('2025-10-25', 'republic_day'),
      h('2025-12-16', 'independence_day'),
    ],
    transfers: [{ dayOff: '2025-01-03', workingDay: '2025-01-05' }],
  },
  // 2026: 30 August is no longer Constitution Day; no transfer decree.
  2026: {
    holidays: [
      h('2026-01-01', 'new_year'),
      h('2026-01-02', 'new_year'),
      h('2026-01-07', 'orthodox_christmas'),
      h('2026-03-08', 'womens_day'),
      h('2026-03-21', 'nauryz'),
      h('2026-03-22', 'nauryz'),
      h('2026-03-23', 'nauryz'),
      h('2026-05-01', 'unity_day'),
      h('2026-05-07', 'defender_day'),
      h('2026-05-09', 'victory_day'),
      h('2026-05-27', 'kurban_ait'),
      h('2026-07-06', 'capital_day'),
      h('2026-10-25', 'republic_day'),
      h('2026-12-16', 'independence_day'),
    ],
    transfers: [],
  },
  // 2027: Constitution Day on 15 March; Kurban Ait is an estimate; no transfer decree published yet.
  2027: {
    holidays: [
      h('2027-01-01', 'new_year'),
      h('2027-01-02', 'new_year'),
      h('2027-01-07', 'orthodox_christmas'),
      h('2027-03-08', 'womens_day'),
      h('2027-03-15', 'constitution_day'),
      h('2027-03-21', 'nauryz'),
      h('2027-03-22', 'nauryz'),
      h('2027-03-23', 'nauryz'),
      h('2027-05-01', 'unity_day'),
      h('2027-05-07', 'defender_day'),
      h('2027-05-09', 'victory_day'),
      h('2027-05-16', 'kurban_ait'),
      h('2027-07-06', 'capital_day'),
      h('2027-10-25', 'republic_day'),
      h('2027-12-16', 'independence_day'),
    ],
    transfers: [],
  },
};

export const holidayNames: Readonly<Record<HolidayId, Localized>> = {
  new_year: { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' },
  orthodox_christmas: { kk: 'Православиелік Рождество', ru: 'Православное Рождество', en: 'Orthodox Christmas' },
  womens_day: { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день', en: "International Women's Day" },
  constitution_day: {
    kk: 'Қазақстан Республикасының Конституциясы күні',
    ru: 'День Конституции Республики Казахстан',
    en: 'Constitution Day',
  },
  nauryz: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' },
  unity_day: { kk: 'Қазақстан халқының бірлігі мерекесі', ru: 'Праздник единства народа Казахстана', en: 'Unity Day of the People of Kazakhstan' },
  defender_day: { kk: 'Отан Қорғаушы күні', ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' },
  victory_day: { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' },
  capital_day: { kk: 'Астана күні', ru: 'День столицы', en: 'Capital Day' },
  republic_day: { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' },
  independence_day: { kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' },
  kurban_ait: { kk: 'Құрбан айт', ru: 'Курбан айт', en: 'Kurban Ait' },
};
