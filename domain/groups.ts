/**
 * Kindergarten groups and their places. A group serves one age (full years at the end of the calendar year, the
 * portals' age rule), one teaching language and one kind; its places are held by enrolled children and by pending
 * offers (a reservation until the offer ends). free = capacity − enrolled − reserved, never negative.
 * The server decides with `groupMismatches`; the desktop uses the same function to explain its offer list.
 */
import { z } from 'zod';
import type { CorrectionType, TeachingLanguage } from './catalogue-ids';
import type { Localized } from './i18n-languages';

export const groupKinds = ['ordinary', 'special', 'sanatorium'] as const;
export const groupKindSchema = z.enum(groupKinds);
export type GroupKind = z.infer<typeof groupKindSchema>;

/** Ages a kindergarten group can serve (ясли 1 … предшкольная 5–6). */
export const MIN_GROUP_AGE = 1;
export const MAX_GROUP_AGE = 6;
export const MAX_GROUP_CAPACITY = 60;
/**
 * Default limit of children with a PMPK conclusion in an ordinary (inclusive) group; the head may set another
 * per group.
 */
export const DEFAULT_SPECIAL_NEEDS_LIMIT = 2;

export const groupAgeSchema = z.number().int().min(MIN_GROUP_AGE).max(MAX_GROUP_AGE);
export const groupCapacitySchema = z.number().int().min(1).max(MAX_GROUP_CAPACITY);
export const specialNeedsLimitSchema = z.number().int().min(0).max(MAX_GROUP_CAPACITY);

/** The places of a group: the server keeps them in step with reservations and enrollments. */
export const groupPlacesSchema = z.object({
  capacity: groupCapacitySchema,
  enrolled: z.number().int().nonnegative(),
  reserved: z.number().int().nonnegative(),
  free: z.number().int().nonnegative(),
  /** Children with a PMPK conclusion among the enrolled and reserved ones. */
  specialNeeds: z.number().int().nonnegative(),
});
export type GroupPlaces = z.infer<typeof groupPlacesSchema>;

export function placesOf(held: { capacity: number; enrolled: number; reserved: number; specialNeeds: number }): GroupPlaces {
  return { ...held, free: held.capacity - held.enrolled - held.reserved };
}

/** An age in full years at the end of `year`: a child born in 2021 belongs to the 5-year group all of 2026. */
export function ageAtYearEnd(birthDate: string, year: number): number {
  return year - Number(birthDate.slice(0, 4));
}

/** Why a group cannot take a child; the order is the order the reasons are shown in. */
export const groupMismatches = ['closed', 'full', 'age', 'language', 'needs_conclusion', 'conclusion_mismatch', 'special_needs_limit'] as const;
export type GroupMismatch = (typeof groupMismatches)[number];

export interface GroupForFit {
  status: 'open' | 'closed';
  ageYears: number;
  teachingLanguage: TeachingLanguage;
  kind: GroupKind;
  correctionType: CorrectionType | null;
  specialNeedsLimit: number;
  places: GroupPlaces;
}

export interface ChildForFit {
  birthDate: string;
  /** The correction type of the child's PMPK conclusion, or null without one. */
  correctionType: CorrectionType | null;
  teachingLanguage: TeachingLanguage;
}

/** Every reason the group cannot take the child now (empty: it can). `year` is the calendar year of the offer. */
export function groupMismatchesFor(group: GroupForFit, child: ChildForFit, year: number): GroupMismatch[] {
  const reasons: GroupMismatch[] = [];
  if (group.status === 'closed') reasons.push('closed');
  if (group.places.free <= 0) reasons.push('full');
  if (ageAtYearEnd(child.birthDate, year) !== group.ageYears) reasons.push('age');
  if (group.teachingLanguage !== child.teachingLanguage) reasons.push('language');
  if (group.kind === 'special') {
    if (!child.correctionType) reasons.push('needs_conclusion');
    else if (child.correctionType !== group.correctionType) reasons.push('conclusion_mismatch');
  }
  if (group.kind === 'ordinary' && child.correctionType && group.places.specialNeeds >= group.specialNeedsLimit) {
    reasons.push('special_needs_limit');
  }
  return reasons;
}

/** Refusal texts of groups, keyed by the refusal code the server answers (part of the text catalogue). */
export const groupRefusalTexts = {
  GROUP_CLOSED: { kk: 'Топ жабылған.', ru: 'Группа закрыта.', en: 'The group is closed.' },
  GROUP_FULL: {
    kk: 'Топта бос орын жоқ: барлық орын қабылданған балаларға немесе күтудегі шарттарға берілген.',
    ru: 'В группе нет свободных мест: все места заняты зачисленными детьми или ожидающими договорами.',
    en: 'The group has no free place: every place is held by an enrolled child or a pending offer.',
  },
  GROUP_AGE_MISMATCH: {
    kk: 'Баланың жасы топтың жасына сәйкес емес (жас күнтізбелік жылдың соңындағы толық жылмен есептеледі).',
    ru: 'Возраст ребёнка не соответствует группе (возраст считается полными годами на конец календарного года).',
    en: "The child's age does not fit the group (age in full years at the end of the calendar year).",
  },
  GROUP_LANGUAGE_MISMATCH: {
    kk: 'Топтың оқыту тілі жолдамадағы тілмен сәйкес емес.',
    ru: 'Язык обучения группы не совпадает с языком в направлении.',
    en: "The group's teaching language differs from the direction's.",
  },
  GROUP_NEEDS_PMPK_CONCLUSION: {
    kk: 'Арнайы топқа тек ПМПК қорытындысы бар бала қабылданады.',
    ru: 'В специальную группу принимаются только дети с заключением ПМПК.',
    en: 'A special group takes only children with a PMPK conclusion.',
  },
  GROUP_CORRECTION_TYPE_MISMATCH: {
    kk: 'ПМПК қорытындысындағы түзету түрі топтың түріне сәйкес емес.',
    ru: 'Тип коррекции в заключении ПМПК не соответствует группе.',
    en: "The PMPK conclusion's correction type does not match the group.",
  },
  GROUP_SPECIAL_NEEDS_LIMIT: {
    kk: 'Жалпы топтағы ерекше білім беру қажеттілігі бар балалар саны шегіне жетті.',
    ru: 'В обычной группе достигнуто предельное число детей с особыми образовательными потребностями.',
    en: 'The ordinary group already has its limit of children with special educational needs.',
  },
  GROUP_CAPACITY_BELOW_HELD: {
    kk: 'Сыйымдылық топтағы бос емес орындардан ({held}) аз бола алмайды.',
    ru: 'Вместимость не может быть меньше числа занятых мест ({held}).',
    en: 'The capacity cannot be below the places already held ({held}).',
  },
} as const satisfies Record<string, Localized>;
export type GroupRefusalCode = keyof typeof groupRefusalTexts;

/** The refusal code the server answers for a mismatch. */
export const groupMismatchCodes: Readonly<Record<GroupMismatch, GroupRefusalCode>> = {
  closed: 'GROUP_CLOSED',
  full: 'GROUP_FULL',
  age: 'GROUP_AGE_MISMATCH',
  language: 'GROUP_LANGUAGE_MISMATCH',
  needs_conclusion: 'GROUP_NEEDS_PMPK_CONCLUSION',
  conclusion_mismatch: 'GROUP_CORRECTION_TYPE_MISMATCH',
  special_needs_limit: 'GROUP_SPECIAL_NEEDS_LIMIT',
};

/** Why a group cannot take a child, in every language (the offer list shows these). */
export const groupMismatchTexts = Object.fromEntries(groupMismatches.map((m) => [m, groupRefusalTexts[groupMismatchCodes[m]]])) as Readonly<
  Record<GroupMismatch, Localized>
>;

export const groupKindLabels: Readonly<Record<GroupKind, Localized>> = {
  ordinary: { kk: 'Жалпы', ru: 'Общеобразовательная', en: 'Ordinary' },
  special: { kk: 'Арнайы (түзету)', ru: 'Специальная (коррекционная)', en: 'Special (correctional)' },
  sanatorium: { kk: 'Санаторлық', ru: 'Санаторная', en: 'Sanatorium' },
};

/** The usual age-group names (ясли … предшкольная) by age in full years. */
export const ageGroupLabels: Readonly<Record<number, Localized>> = {
  1: { kk: 'Бөбекжай тобы (1 жас)', ru: 'Ясельная группа (1 год)', en: 'Nursery (age 1)' },
  2: { kk: 'Кіші бөбекжай тобы (2 жас)', ru: 'Младшая ясельная (2 года)', en: 'Junior nursery (age 2)' },
  3: { kk: 'Кіші топ (3 жас)', ru: 'Младшая группа (3 года)', en: 'Junior group (age 3)' },
  4: { kk: 'Ортаңғы топ (4 жас)', ru: 'Средняя группа (4 года)', en: 'Middle group (age 4)' },
  5: { kk: 'Ересек топ (5 жас)', ru: 'Старшая группа (5 лет)', en: 'Senior group (age 5)' },
  6: { kk: 'Мектепалды даярлық тобы (6 жас)', ru: 'Предшкольная группа (6 лет)', en: 'Pre-school group (age 6)' },
};

/** A group's name in the UI language (English screens show the Russian name: groups have no English name). */
export function groupNameIn(group: { nameKk: string; nameRu: string }, lang: 'kk' | 'ru' | 'en'): string {
  return lang === 'kk' ? group.nameKk : group.nameRu;
}
