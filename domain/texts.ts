/**
 * Status labels and parent-facing texts in kk/ru/en. Russian texts in quotes «…» are the parent portals' own
 * (seeds 000, 001); Kazakh follows the INDIGO seed (004) where it has the wording («Шарт жасасу», «Қол қойылды»,
 * МДҰ) and is translated otherwise.
 */
import type { ContractRefusal } from './contract-machine';
import type { Language, Localized } from './i18n-languages';
import type { SpecialQueueRefusal } from './special-queue-machine';
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

/** Notifications sent to the parent when staff decide. */
export const parentNotification = {
  enrolled: (lang: Language): string => parentStatusTexts.enrolled[lang],
  voucherConfirmed: (queuePlace: number, lang: Language): string =>
    ({
      kk: `Ваучер алуға берген өтініміңіз расталды. Кезектегі орныңыз: ${queuePlace}`,
      ru: `Ваша заявка на получение ваучера подтверждена. Место в очереди: ${queuePlace}`,
      en: `Your voucher application has been confirmed. Place in the queue: ${queuePlace}`,
    })[lang],
  voucherRejected: (employeeFullName: string, lang: Language): string =>
    ({
      kk: `Ваучер алуға берген өтініміңізден бас тартылды. Бас тартқан қызметкер: ${employeeFullName}`,
      ru: `Ваша заявка на получение ваучера отклонена сотрудником: ${employeeFullName}`,
      en: `Your voucher application was rejected by staff member: ${employeeFullName}`,
    })[lang],
  reworkRequested: (attemptsLeft: number, lang: Language): string =>
    ({
      kk: `Шарт пысықтауға қайтарылды. Қызыл жиекпен белгіленген құжаттарды ауыстырыңыз. Қалған әрекет саны: ${attemptsLeft}`,
      ru: `Договор возвращён на доработку. Замените документы, обведённые красной рамкой. Осталось попыток: ${attemptsLeft}`,
      en: `The contract was returned for rework. Replace the documents marked in red. Attempts left: ${attemptsLeft}`,
    })[lang],
  contractRejected: (reasonLabel: string, lang: Language): string =>
    ({
      kk: `Мектепке дейінгі ұйым шарт жасасудан бас тартты. Себебі: ${reasonLabel}`,
      ru: `Дошкольная организация отказала в заключении договора. Причина: ${reasonLabel}`,
      en: `The kindergarten declined to conclude the contract. Reason: ${reasonLabel}`,
    })[lang],
};

/** Why the contract machine refused an action, for the user. */
export function contractRefusalMessage(refusal: ContractRefusal, lang: Language): string {
  switch (refusal.code) {
    case 'CONTRACT_WITHDRAWN':
      return {
        kk: 'Ата-ана шартты кері қайтарып алды: ол бойынша шешім қабылдау мүмкін емес.',
        ru: 'Родитель отозвал договор: решения по нему невозможны.',
        en: 'The parent withdrew the contract; no decision can be made on it.',
      }[lang];
    case 'INVALID_TRANSITION': {
      const status = contractStatusLabels[refusal.status][lang];
      return {
        kk: `«${status}» мәртебесінде бұл әрекет қолжетімсіз.`,
        ru: `Это действие недоступно в статусе «${status}».`,
        en: `This action is not available in status “${status}”.`,
      }[lang];
    }
    case 'REWORK_LIMIT_REACHED':
      return {
        kk: `Ата-ана пысықтаудың барлық ${refusal.limit} мүмкіндігін пайдаланды. Шартқа тек қол қоюға немесе бас тартуға болады.`,
        ru: `Родитель использовал все ${refusal.limit} попытки доработки. Договор можно только подписать или отклонить.`,
        en: `The parent has used all ${refusal.limit} rework attempts. The contract can only be signed or rejected.`,
      }[lang];
    case 'DOCUMENT_FLAGGED':
      return {
        kk: `Ескертуі бар құжаттар бар (${refusal.documentIds.length}): шартқа қол қоюға болмайды.`,
        ru: `Есть документы с замечаниями (${refusal.documentIds.length}): подписать договор нельзя.`,
        en: `Some documents are flagged (${refusal.documentIds.length}); the contract cannot be signed.`,
      }[lang];
    case 'DOCUMENT_NOT_REVIEWED':
      return {
        kk: `Барлық құжат тексерілген жоқ (${refusal.documentIds.length} қалды).`,
        ru: `Не все документы проверены (осталось ${refusal.documentIds.length}).`,
        en: `Not all documents are reviewed (${refusal.documentIds.length} left).`,
      }[lang];
    case 'NO_FLAGGED_DOCUMENT':
      return {
        kk: 'Шартты пысықтауға қайтару үшін кемінде бір құжатқа ескерту белгілеңіз.',
        ru: 'Чтобы вернуть договор на доработку, отметьте замечание хотя бы к одному документу.',
        en: 'Flag at least one document to return the contract for rework.',
      }[lang];
    case 'DOCUMENT_NOT_FOUND':
      return { kk: 'Құжат шартта табылмады.', ru: 'Документ не найден в договоре.', en: 'The document is not part of the contract.' }[lang];
    case 'FLAGGED_DOCUMENT_NOT_REPLACED':
      return {
        kk: 'Ескертуі бар құжаттардың барлығы ауыстырылған жоқ.',
        ru: 'Заменены не все документы с замечаниями.',
        en: 'Not all flagged documents were replaced.',
      }[lang];
    case 'DOCUMENT_NOT_REPLACEABLE':
      return {
        kk: 'Тек ескертуі бар құжаттарды ауыстыруға болады.',
        ru: 'Заменять можно только документы с замечаниями.',
        en: 'Only flagged documents can be replaced.',
      }[lang];
    case 'NO_DOCUMENTS':
      return { kk: 'Шартқа құжаттар тіркелмеген.', ru: 'К договору не приложены документы.', en: 'No documents are attached to the contract.' }[lang];
  }
}

export function specialQueueRefusalMessage(refusal: SpecialQueueRefusal, lang: Language): string {
  switch (refusal.code) {
    case 'ALREADY_DECIDED': {
      const status = specialQueueStatusLabels[refusal.status][lang];
      return {
        kk: `Өтінім бойынша шешім қабылданып қойған: «${status}».`,
        ru: `По заявке уже принято решение: «${status}».`,
        en: `The application has already been decided: “${status}”.`,
      }[lang];
    }
    case 'INVALID_QUEUE_PLACE':
      return {
        kk: 'Кезектегі орын оң бүтін сан болуы тиіс.',
        ru: 'Место в очереди должно быть положительным целым числом.',
        en: 'The queue place must be a positive whole number.',
      }[lang];
  }
}
