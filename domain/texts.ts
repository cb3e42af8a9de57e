/**
 * Status labels and parent-facing texts in kk/ru/en. Russian texts in quotes «…» are the parent portals' own
 * (seeds 000, 001); Kazakh follows the INDIGO seed (004) where it has the wording («Шарт жасасу», «Қол қойылды»,
 * МДҰ) and is translated otherwise.
 */
import type { Language, Localized } from './i18n-languages';
import { fillTemplate, type TextParams } from './text/text-ref';
import type { ContractStatus, DirectionStatus, DocumentReviewStatus, SpecialQueueStatus } from './statuses';

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
} as const satisfies Record<string, Localized>;

const fill = (template: string, params: TextParams) => fillTemplate(template, params, (ref) => ref.code);

/** Notifications sent to the parent when staff decide. */
export const parentNotification = {
  enrolled: (lang: Language): string => parentTexts.enrolled[lang],
  voucherConfirmed: (queuePlace: number, lang: Language): string => fill(parentTexts.voucherConfirmed[lang], { queuePlace }),
  voucherRejected: (employeeFullName: string, lang: Language): string => fill(parentTexts.voucherRejected[lang], { employee: employeeFullName }),
  reworkRequested: (attemptsLeft: number, lang: Language): string => fill(parentTexts.reworkRequested[lang], { attemptsLeft }),
  contractRejected: (reasonLabel: string, lang: Language): string => fill(parentTexts.contractRejected[lang], { reason: reasonLabel }),
};
