/**
 * Kazakhstan public holidays and government day transfers, as data per year (reference/domain.md §5).
 * Sources: Закон РК «О праздниках в Республике Казахстан» № 267 (holiday list and the weekend carry-over rule),
 * the yearly government decrees on transfers, and the 2026 constitutional changes (30 August is no longer a
 * holiday from 2026; Constitution Day is 15 March from 2027).
 * The years below are the server's first calendar (version 1). Later decrees are not code: the server stores the
 * calendar as synced data and an administrator imports a new year or decree (`npm run calendar -- import FILE`).
 */
import { z } from 'zod';
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

/**
 * How far a year's data can be trusted: `confirmed` (law and the year's transfer decree published), `provisional`
 * (the decree is not published yet or a movable holiday is estimated) or `projected` (no data: the fixed-date
 * holidays of the nearest year are reused). Deadlines on days of a year that is not confirmed are shown as
 * provisional and never expired.
 */
export const calendarStatuses = ['confirmed', 'provisional', 'projected'] as const;
export type CalendarStatus = (typeof calendarStatuses)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Religious holidays are days off but are never carried over to the next working day when on a weekend. */
export const holidaysWithoutCarryOver: ReadonlySet<HolidayId> = new Set<HolidayId>(['orthodox_christmas', 'kurban_ait']);

/** Holidays whose date moves every year (lunar calendar); they cannot be projected to years without data. */
export const movableHolidays: ReadonlySet<HolidayId> = new Set<HolidayId>(['kurban_ait']);

export const holidayEntrySchema = z.object({ date: isoDate, holiday: z.enum(holidayIds) });
export type HolidayEntry = z.infer<typeof holidayEntrySchema>;

/** A government decree moving a day off: `dayOff` becomes non-working, `workingDay` (a weekend day) working. */
export const dayTransferSchema = z.object({ dayOff: isoDate, workingDay: isoDate });
export type DayTransfer = z.infer<typeof dayTransferSchema>;

export const calendarYearFieldsSchema = z.object({
  year: z.number().int().min(2000).max(2199),
  status: z.enum(calendarStatuses),
  /** The act the data comes from (law, decree number and date), as published. */
  sourceAct: z.string().regex(/^[^\p{Cc}\p{Cs}]*$/u, 'forbidden character').min(1).max(500),
  holidays: z.array(holidayEntrySchema),
  transfers: z.array(dayTransferSchema),
});

/** One year of the calendar as an administrator imports it; every date must lie in that year. */
export const calendarYearDataSchema = calendarYearFieldsSchema.refine(
  (y) => [...y.holidays.map((h) => h.date), ...y.transfers.flatMap((t) => [t.dayOff, t.workingDay])].every((d) => d.startsWith(`${y.year}-`)),
  'every date of a calendar year must lie in that year',
);
export type CalendarYearData = z.infer<typeof calendarYearDataSchema>;

/** The file `npm run calendar -- import FILE` reads: one or more years, each replacing the stored one. */
export const calendarImportFileSchema = z.object({ years: z.array(calendarYearDataSchema).min(1).max(20) }).strict();

export interface CalendarYear {
  readonly status: CalendarStatus;
  readonly holidays: readonly HolidayEntry[];
  readonly transfers: readonly DayTransfer[];
}

const h = (date: string, holiday: HolidayId): HolidayEntry => ({ date, holiday });

export const builtInCalendarYears: readonly CalendarYearData[] = [
  {
    year: 2024,
    status: 'confirmed',
    sourceAct: 'Закон РК «О праздниках в Республике Казахстан» № 267; постановление Правительства РК о переносе выходных дней на 2024 год',
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
  {
    year: 2025,
    status: 'confirmed',
    sourceAct: 'Закон РК «О праздниках в Республике Казахстан» № 267; постановление Правительства РК о переносе выходных дней на 2025 год',
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
  {
    year: 2026,
    status: 'confirmed',
    sourceAct: 'Закон РК «О праздниках в Республике Казахстан» № 267 с изменениями 2026 года; переноса выходных дней нет',
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
  {
    year: 2027,
    status: 'provisional',
    sourceAct: 'Закон РК «О праздниках в Республике Казахстан» № 267; постановление о переносе выходных дней на 2027 год не опубликовано, дата Курбан айта оценочная',
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
];

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
