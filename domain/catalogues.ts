/**
 * kk/ru/en labels of every catalogue id in domain/catalogue-ids.ts. The medical form numbers are kept as data
 * too, because two generations of forms are in circulation and both are accepted in the same slot.
 */
import type {
  ArchiveReason,
  ContractRejectReason,
  CorrectionType,
  DocumentKind,
  FlagReason,
  SpecialQueueRejectReason,
} from './catalogue-ids';
import type { Language, Localized } from './i18n-languages';

export const documentKindLabels: Readonly<Record<DocumentKind, Localized>> = {
  child_photo: { kk: 'Баланың фотосуреті', ru: 'Фото ребёнка', en: "Child's photo" },
  birth_certificate: { kk: 'Туу туралы куәлік', ru: 'Свидетельство о рождении', en: 'Birth certificate' },
  parent_id: {
    kk: 'Ата-ананың біреуінің жеке куәлігі',
    ru: 'Удостоверение личности одного из родителей',
    en: "Parent's identity document",
  },
  health_passport: {
    kk: 'Баланың денсаулық паспорты (№ 052-2/у нысаны, бұрынғы № 026/у-3)',
    ru: 'Паспорт здоровья ребёнка (форма № 052-2/у, ранее № 026/у-3)',
    en: "Child's health passport (form 052-2/u, formerly 026/u-3)",
  },
  immunisation_passport: {
    kk: 'Иммундау паспорты (№ 065/у нысаны, бұрынғы № 063/у)',
    ru: 'Паспорт иммунизации (форма № 065/у, ранее № 063/у)',
    en: 'Immunisation passport (form 065/u, formerly 063/u)',
  },
  certificate_027: { kk: '№ 027/у нысанындағы анықтама', ru: 'Справка формы № 027/у', en: 'Medical certificate (form 027/u)' },
  pmpk_conclusion: { kk: 'ПМПК қорытындысы', ru: 'Заключение ПМПК', en: 'PMPK conclusion' },
  other: { kk: 'Басқа құжат', ru: 'Другой документ', en: 'Other document' },
};

/** Medical form numbers per document kind: the current one and the legacy one still accepted. */
export const documentKindForms: Readonly<Partial<Record<DocumentKind, { current: string; legacy: string | null }>>> = {
  health_passport: { current: '052-2/у', legacy: '026/у-3' },
  immunisation_passport: { current: '065/у', legacy: '063/у' },
  certificate_027: { current: '027/у', legacy: null },
};

export const flagReasonLabels: Readonly<Record<FlagReason, Localized>> = {
  unreadable: { kk: 'Оқылмайды', ru: 'Нечитаемый', en: 'Unreadable' },
  expired: { kk: 'Мерзімі өткен', ru: 'Срок действия истёк', en: 'Expired' },
  wrong_document: { kk: 'Басқа құжат жүктелген', ru: 'Загружен не тот документ', en: 'Wrong document' },
  data_mismatch: { kk: 'Деректер сәйкес келмейді', ru: 'Данные не совпадают', en: 'Data mismatch' },
  incomplete: { kk: 'Құжат толық емес', ru: 'Документ неполный', en: 'Incomplete' },
  other: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
};

export const contractRejectReasonLabels: Readonly<Record<ContractRejectReason, Localized>> = {
  no_places: { kk: 'Бос орын жоқ', ru: 'Нет свободных мест', en: 'No free places' },
  age_mismatch: {
    kk: 'Баланың жасы топқа сәйкес келмейді',
    ru: 'Возраст ребёнка не соответствует группе',
    en: "The child's age does not match the group",
  },
  documents_invalid: {
    kk: 'Құжаттар талаптарға сәйкес келмейді',
    ru: 'Документы не соответствуют требованиям',
    en: 'The documents do not meet the requirements',
  },
  direction_invalid: { kk: 'Жолдама жарамсыз', ru: 'Направление недействительно', en: 'The direction is not valid' },
  parent_refused: { kk: 'Ата-ана бас тартты', ru: 'Родитель отказался', en: 'The parent declined' },
  other: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
};

export const archiveReasonLabels: Readonly<Record<ArchiveReason, Localized>> = {
  moved: { kk: 'Басқа жерге көшуі', ru: 'Переезд', en: 'Moved away' },
  school: { kk: 'Мектепке баруы', ru: 'Поступление в школу', en: 'Started school' },
  health: { kk: 'Денсаулық жағдайы бойынша', ru: 'По состоянию здоровья', en: 'Health reasons' },
  parent_request: { kk: 'Ата-ананың өтініші бойынша', ru: 'По заявлению родителя', en: "At the parent's request" },
  other: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
};

export const specialQueueRejectReasonLabels: Readonly<Record<SpecialQueueRejectReason, Localized>> = {
  conclusion_invalid: { kk: 'ПМПК қорытындысы жарамсыз', ru: 'Заключение ПМПК недействительно', en: 'The PMPK conclusion is not valid' },
  conclusion_expired: {
    kk: 'ПМПК қорытындысының мерзімі өткен',
    ru: 'Срок действия заключения ПМПК истёк',
    en: 'The PMPK conclusion has expired',
  },
  data_mismatch: {
    kk: 'Өтініштегі деректер қорытындыға сәйкес келмейді',
    ru: 'Данные заявки не совпадают с заключением',
    en: 'The application data do not match the conclusion',
  },
  correction_type_mismatch: {
    kk: 'Түзету түрі қорытындыға сәйкес келмейді',
    ru: 'Тип коррекции не соответствует заключению',
    en: 'The correction type does not match the conclusion',
  },
  documents_unreadable: { kk: 'Құжаттар оқылмайды', ru: 'Документы нечитаемы', en: 'The documents are unreadable' },
  other: { kk: 'Басқа', ru: 'Другое', en: 'Other' },
};

export const correctionTypeLabels: Readonly<Record<CorrectionType, Localized>> = {
  hearing: { kk: 'Есту қабілетінің бұзылуы', ru: 'Нарушения слуха', en: 'Hearing impairment' },
  vision: { kk: 'Көру қабілетінің бұзылуы', ru: 'Нарушения зрения', en: 'Visual impairment' },
  speech: { kk: 'Сөйлеу тілінің ауыр бұзылуы', ru: 'Тяжёлые нарушения речи', en: 'Severe speech disorders' },
  intellectual: { kk: 'Зияткерлік бұзылыстар', ru: 'Нарушения интеллекта', en: 'Intellectual disability' },
  developmental_delay: { kk: 'Психикалық дамудың тежелуі', ru: 'Задержка психического развития', en: 'Delayed mental development' },
  musculoskeletal: {
    kk: 'Тірек-қимыл аппаратының бұзылуы',
    ru: 'Нарушения опорно-двигательного аппарата',
    en: 'Musculoskeletal disorders',
  },
  autism_spectrum: { kk: 'Аутистік спектр бұзылыстары', ru: 'Расстройства аутистического спектра', en: 'Autism spectrum disorders' },
  complex: {
    kk: 'Күрделі (кешенді) даму бұзылыстары',
    ru: 'Сложные (комплексные) нарушения развития',
    en: 'Complex developmental disorders',
  },
};

export const teachingLanguageLabels: Readonly<Record<'kk' | 'ru', Localized>> = {
  kk: { kk: 'Қазақ тілі', ru: 'Казахский язык', en: 'Kazakh' },
  ru: { kk: 'Орыс тілі', ru: 'Русский язык', en: 'Russian' },
};

/** All reason catalogues end with «Другое», which is meaningless without the user's comment. */
export function requiresComment(reasonId: FlagReason | ContractRejectReason | ArchiveReason | SpecialQueueRejectReason): boolean {
  return reasonId === 'other';
}

/** The label of `id` in `labels` in `lang`. */
export function labelOf<Id extends string>(labels: Readonly<Record<Id, Localized>>, id: Id, lang: Language): string {
  return labels[id][lang];
}
