/**
 * Status labels and parent-facing texts in kk/ru/en. Russian texts in quotes «…» are the parent portals' own
 * (seeds 000, 001); Kazakh follows the INDIGO seed (004) where it has the wording («Шарт жасасу», «Қол қойылды»,
 * МДҰ) and is translated otherwise.
 */
import type { Language, Localized } from './i18n-languages';
import { fillTemplate, type TextParams } from './text/text-ref';
import type { ContractStatus, DirectionStatus, DocumentReviewStatus, SpecialQueueStatus } from './statuses';
import type { VoucherStatus } from './voucher';
import { dateNumeric } from './contract-pdf/format';

/** Builds the Localized record of a text function (e.g. to store a notification in every language). */
export function inAllLanguages(text: (lang: Language) => string): Localized {
  return { kk: text('kk'), ru: text('ru'), en: text('en') };
}

/** Staff-facing contract status labels. */
export const contractStatusLabels: Readonly<Record<ContractStatus, Localized>> = {
  offer_sent: { kk: 'Шарт жіберілді', ru: 'Договор отправлен', en: 'Offer sent' },
  awaiting_parent: { kk: 'Ата-ананы күтуде', ru: 'Ожидает родителя', en: 'Awaiting the parent' },
  submitted: { kk: 'Тексеруге түсті', ru: 'Поступил на проверку', en: 'Submitted for review' },
  rework_requested: { kk: 'Пысықтауға қайтарылды', ru: 'Возвращён на доработку', en: 'Returned for rework' },
  resubmitted: { kk: 'Пысықтаудан кейін қайта жіберілді', ru: 'Повторно отправлен после доработки', en: 'Resubmitted after rework' },
  signed: { kk: 'Қол қойылды', ru: 'Подписан', en: 'Signed' },
  rejected: { kk: 'Бас тартылды', ru: 'Отклонён', en: 'Rejected' },
  withdrawn: { kk: 'Ата-ана кері қайтарып алды', ru: 'Отозван родителем', en: 'Withdrawn by the parent' },
  expired: { kk: 'Мерзімі өтті', ru: 'Срок истёк', en: 'Expired' },
  archived: { kk: 'Мұрағатта', ru: 'В архиве', en: 'Archived' },
};

export const specialQueueStatusLabels: Readonly<Record<SpecialQueueStatus, Localized>> = {
  awaiting_confirmation: {
    kk: 'Құжаттардың расталуын күтуде',
    ru: 'Ожидание подтверждения документов',
    en: 'Awaiting document confirmation',
  },
  confirmed: { kk: 'Расталды', ru: 'Подтверждена', en: 'Confirmed' },
  rejected: { kk: 'Қабылданбады', ru: 'Отклонена', en: 'Rejected' },
  archived: { kk: 'Мұрағатта', ru: 'В архиве', en: 'Archived' },
};

export const directionStatusLabels: Readonly<Record<DirectionStatus, Localized>> = {
  awaiting_offer: { kk: 'Шарт жіберуді күтуде', ru: 'Ожидает отправки договора', en: 'Awaiting the offer' },
  offer_sent: { kk: 'Шарт жіберілді', ru: 'Договор отправлен', en: 'Offer sent' },
  expired: { kk: 'Мерзімі өтті', ru: 'Срок истёк', en: 'Expired' },
  cancelled: { kk: 'Күші жойылды', ru: 'Аннулировано', en: 'Cancelled' },
};

export const documentReviewStatusLabels: Readonly<Record<DocumentReviewStatus, Localized>> = {
  pending: { kk: 'Тексерілмеген', ru: 'Не проверен', en: 'Not reviewed' },
  approved: { kk: 'Мақұлданды', ru: 'Принят', en: 'Approved' },
  flagged: { kk: 'Ескерту бар', ru: 'Есть замечание', en: 'Flagged' },
};

export const voucherStatusLabels: Readonly<Record<VoucherStatus, Localized>> = {
  issued: { kk: 'Ваучер берілді: қызығушылықты растауды күтуде', ru: 'Ваучер выдан: ожидает подтверждения заинтересованности', en: 'Voucher issued: awaiting the interest confirmation' },
  interest_confirmed: { kk: 'Қызығушылық расталды: балабақшаға қабылдау', ru: 'Заинтересованность подтверждена: зачисление в ДО', en: 'Interest confirmed: enrolling' },
  enrolled: { kk: 'Балабақшаға қабылданды', ru: 'Зачислен в ДО', en: 'Enrolled' },
  declined: { kk: 'Ата-ана бас тартты (мұрағатта)', ru: 'Родитель отказался (в архиве)', en: 'Declined by the parent (archived)' },
  stop_listed: { kk: 'Стоп-листте', ru: 'В стоп-листе', en: 'In the stop-list' },
  annulled: { kk: 'Ваучердің күші жойылды (мұрағатта)', ru: 'Ваучер аннулирован (в архиве)', en: 'Voucher annulled (archived)' },
};

/** What the parent portal shows for an application or contract (the staff see these in the parent's view). */
export const parentStatusTexts = {
  /** A contract offer arrived: «Заключить договор». */
  concludeContract: { kk: 'Шарт жасасу', ru: 'Заключить договор', en: 'Conclude the contract' },
  /** Returned for rework: «Доработать». */
  rework: { kk: 'Пысықтау', ru: 'Доработать', en: 'Rework needed' },
  /** A voucher holder chose a kindergarten that has not sent the offer yet. */
  awaitingOffer: { kk: 'МДҰ-дан шартты күтіңіз', ru: 'Ожидайте договор от ДО', en: 'Wait for the contract from the kindergarten' },
  /** A special-queue application before the PMPK decision. */
  awaitingDocumentConfirmation: {
    kk: 'Құжаттардың расталуын күту',
    ru: 'Ожидание подтверждения документов',
    en: 'Awaiting confirmation of documents',
  },
  enrolled: { kk: 'Балаңыз балабақшаға сәтті қабылданды', ru: 'Ваш ребёнок успешно зачислен', en: 'Your child has been successfully enrolled' },
} as const satisfies Record<string, Localized>;

/** Templates of the notifications sent to the parent when staff decide (catalogue codes `parent.<key>`). */
export const parentTexts = {
  ...parentStatusTexts,
  voucherConfirmed: {
    kk: 'Ваучер алуға берген өтініміңіз расталды. Кезектегі орныңыз: {queuePlace}',
    ru: 'Ваша заявка на получение ваучера подтверждена. Место в очереди: {queuePlace}',
    en: 'Your voucher application has been confirmed. Place in the queue: {queuePlace}',
  },
  voucherRejected: {
    kk: 'Ваучер алуға берген өтініміңізден бас тартылды. Бас тартқан қызметкер: {employee}',
    ru: 'Ваша заявка на получение ваучера отклонена сотрудником: {employee}',
    en: 'Your voucher application was rejected by staff member: {employee}',
  },
  reworkRequested: {
    kk: 'Шарт пысықтауға қайтарылды. Қызыл жиекпен белгіленген құжаттарды ауыстырыңыз. Қалған әрекет саны: {attemptsLeft}',
    ru: 'Договор возвращён на доработку. Замените документы, обведённые красной рамкой. Осталось попыток: {attemptsLeft}',
    en: 'The contract was returned for rework. Replace the documents marked in red. Attempts left: {attemptsLeft}',
  },
  contractRejected: {
    kk: 'Мектепке дейінгі ұйым шарт жасасудан бас тартты. Себебі: {reason}',
    ru: 'Дошкольная организация отказала в заключении договора. Причина: {reason}',
    en: 'The kindergarten declined to conclude the contract. Reason: {reason}',
  },
  offerSent: {
    kk: '{concludeContract}: балабақша сізге электрондық шарт жіберді. Шартқа {date} дейін қол қоюыңыз керек.',
    ru: '{concludeContract}: детский сад отправил вам электронный договор. Вы должны подписать договор до {date}.',
    en: '{concludeContract}: the kindergarten sent you the electronic contract. Sign it by {date}.',
  },
  contractExpired: {
    kk: 'Шартқа қол қою мерзімі ({date} дейін) өтті: шарт жабылды.',
    ru: 'Срок подписания договора (до {date}) истёк: договор закрыт.',
    en: 'The time to sign the contract (until {date}) has run out: the contract is closed.',
  },
  directionExpired: {
    kk: 'Жолдаманың мерзімі ({date} дейін) өтті: мерзімінде шарт жіберілмеді.',
    ru: 'Срок направления (до {date}) истёк: договор не был отправлен вовремя.',
    en: 'The direction expired (due {date}): no contract was sent in time.',
  },
  queuePlaceChanged: {
    kk: 'Ваучер алу кезегіндегі орныңыз өзгерді. Кезектегі орны: {queuePlace}',
    ru: 'Ваше место в очереди на получение ваучера изменилось. Место в очереди: {queuePlace}',
    en: 'Your place in the voucher queue has changed. Place in the queue: {queuePlace}',
  },
  voucherIssued: {
    kk: 'Сізге ваучер берілді. {date} дейін «Менің өтініштерім» бөлімінде қызығушылығыңызды растаңыз немесе одан бас тартыңыз. Растамасаңыз, ваучердің күші жойылады, ал өтінішіңіз стоп-листке ауыстырылады.',
    ru: 'Вам выдан ваучер. Подтвердите свою заинтересованность или откажитесь от него до {date} в разделе «Мои заявки». Если вы не подтвердите свою заинтересованность, ваучер будет аннулирован, а ваше заявление переместится в стоп-лист.',
    en: 'You have been issued a voucher. Confirm your interest or decline it by {date} under “My applications”. Without a confirmation the voucher is annulled and the application moves to the stop-list.',
  },
  voucherInterestConfirmed: {
    kk: 'Қызығушылығыңыз расталды. {date} дейін балабақшаны таңдап, онымен электрондық шарт жасасыңыз.',
    ru: 'Заинтересованность подтверждена. До {date} выберите детский сад и заключите с ним электронный договор.',
    en: 'Interest confirmed. By {date} choose a kindergarten and conclude the electronic contract with it.',
  },
  voucherDeclined: {
    kk: 'Сіз ваучерден бас тарттыңыз: ваучердің күші жойылды, өтінішіңіз мұрағатқа жіберілді. Ваучер алу үшін кезекке қайта тұрыңыз.',
    ru: 'Вы отказались от ваучера: он аннулирован, а ваше заявление архивировано. Чтобы получить ваучер, встаньте в очередь снова.',
    en: 'You declined the voucher: it is annulled and your application is archived. To get a voucher, join the queue again.',
  },
  voucherStopListed: {
    kk: 'Сіз қызығушылығыңызды растамадыңыз: ваучердің күші жойылды, өтінішіңіз стоп-листке ауыстырылды.',
    ru: 'Вы не подтвердили свою заинтересованность: ваучер аннулирован, а ваше заявление перемещено в стоп-лист.',
    en: 'You did not confirm your interest: the voucher is annulled and your application moved to the stop-list.',
  },
  voucherExtended: {
    kk: 'Ваучердің мерзімі 2 жұмыс күнге ұзартылды: {date} дейін.',
    ru: 'Ваучер продлён ещё на 2 рабочих дня: до {date}.',
    en: 'The voucher is extended by 2 working days: until {date}.',
  },
  voucherAnnulled: {
    kk: 'Сіз белгіленген мерзімде балабақшаға қабылданбадыңыз: ваучердің күші жойылды, өтінішіңіз мұрағатқа ауыстырылды.',
    ru: 'Вы не зачислились в установленные сроки: ваучер аннулирован, а ваше заявление перемещено в архив.',
    en: 'You did not enroll in time: the voucher is annulled and your application moved to the archive.',
  },
  ageLimitArchived: {
    kk: 'Өтініш баланың ең жоғары жасқа толуына байланысты (ағымдағы күнтізбелік жылдың соңына дейін 7 жас) кезектен алынып, мұрағатқа орналастырылды.',
    ru: 'Заявление исключено из очереди и помещено в архив по причине достижения максимально возможного возраста (7 лет до конца текущего календарного года).',
    en: 'The application left the queue and was archived: the child reaches the maximum age (7 by the end of the current calendar year).',
  },
} as const satisfies Record<string, Localized>;

const fill = (template: string, params: TextParams) => fillTemplate(template, params, (ref) => ref.code);

/** Notifications sent to the parent when staff decide. */
export const parentNotification = {
  enrolled: (lang: Language): string => parentTexts.enrolled[lang],
  voucherConfirmed: (queuePlace: number, lang: Language): string => fill(parentTexts.voucherConfirmed[lang], { queuePlace }),
  voucherRejected: (employeeFullName: string, lang: Language): string => fill(parentTexts.voucherRejected[lang], { employee: employeeFullName }),
  reworkRequested: (attemptsLeft: number, lang: Language): string => fill(parentTexts.reworkRequested[lang], { attemptsLeft }),
  contractRejected: (reasonLabel: string, lang: Language): string => fill(parentTexts.contractRejected[lang], { reason: reasonLabel }),
  offerSent: (dueOn: string, lang: Language): string => fill(parentTexts.offerSent[lang], { concludeContract: parentTexts.concludeContract[lang], date: dateNumeric(dueOn) }),
  contractExpired: (dueOn: string, lang: Language): string => fill(parentTexts.contractExpired[lang], { date: dateNumeric(dueOn) }),
  directionExpired: (dueOn: string, lang: Language): string => fill(parentTexts.directionExpired[lang], { date: dateNumeric(dueOn) }),
  queuePlaceChanged: (queuePlace: number, lang: Language): string => fill(parentTexts.queuePlaceChanged[lang], { queuePlace }),
  voucherIssued: (confirmDueOn: string, lang: Language): string => fill(parentTexts.voucherIssued[lang], { date: dateNumeric(confirmDueOn) }),
  voucherInterestConfirmed: (enrollDueOn: string, lang: Language): string => fill(parentTexts.voucherInterestConfirmed[lang], { date: dateNumeric(enrollDueOn) }),
  voucherDeclined: (lang: Language): string => parentTexts.voucherDeclined[lang],
  voucherStopListed: (lang: Language): string => parentTexts.voucherStopListed[lang],
  voucherAwaitingOffer: (lang: Language): string => parentTexts.awaitingOffer[lang],
  voucherExtended: (enrollDueOn: string, lang: Language): string => fill(parentTexts.voucherExtended[lang], { date: dateNumeric(enrollDueOn) }),
  voucherAnnulled: (lang: Language): string => parentTexts.voucherAnnulled[lang],
  ageLimitArchived: (lang: Language): string => parentTexts.ageLimitArchived[lang],
};
