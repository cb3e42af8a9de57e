/**
 * Status labels and parent-facing texts in kk/ru/en. Russian texts in quotes «…» are the parent portals' own
 * (seeds 000, 001); Kazakh follows the INDIGO seed (004) where it has the wording («Шарт жасасу», «Қол қойылды»,
 * МДҰ) and is translated otherwise.
 */
import type { ContractRefusal } from './contract-machine';
import type { Language, Localized } from './i18n-languages';
import type { SpecialQueueRefusal } from './special-queue-machine';
import type { ContractStatus, DirectionStatus, DocumentReviewStatus, SpecialQueueStatus } from './statuses';
import type { VoucherStatus } from './voucher';
import type { DocumentFileProblem } from './rules';
import { dateNumeric } from './contract-pdf/format';
import { documentKindLabels } from './catalogues';

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

/** Notifications sent to the parent when staff decide. */
export const parentNotification = {
  enrolled: (lang: Language): string => parentStatusTexts.enrolled[lang],
  voucherConfirmed: (queuePlace: number, lang: Language): string =>
    ({
      kk: `Ваучер алуға берген өтініміңіз расталды. Кезектегі орны: ${queuePlace}`,
      ru: `Ваша заявка на получение ваучера подтверждена. Место в очереди: ${queuePlace}`,
      en: `Your voucher application has been confirmed. Place in the queue: ${queuePlace}`,
    })[lang],
  voucherRejected: (employeeFullName: string, lang: Language): string =>
    ({
      kk: `Ваучер алуға берген өтініміңізді қызметкер қабылдамады: ${employeeFullName}`,
      ru: `Ваша заявка на получение ваучера отклонена сотрудником: ${employeeFullName}`,
      en: `Your voucher application was rejected by staff member: ${employeeFullName}`,
    })[lang],
  reworkRequested: (attemptsLeft: number, lang: Language): string =>
    ({
      kk: `Шарт пысықтауға қайтарылды. Қызыл жақтаумен белгіленген құжаттарды ауыстырыңыз. Қалған мүмкіндік: ${attemptsLeft}`,
      ru: `Договор возвращён на доработку. Замените документы, обведённые красной рамкой. Осталось попыток: ${attemptsLeft}`,
      en: `The contract was returned for rework. Replace the documents marked in red. Attempts left: ${attemptsLeft}`,
    })[lang],
  /** The kindergarten sent the contract: «Заключить договор», to be signed by the deadline. */
  offerSent: (dueOn: string, lang: Language): string =>
    ({
      kk: `${parentStatusTexts.concludeContract.kk}: балабақша сізге электрондық шарт жіберді. Шартқа ${dateNumeric(dueOn)} дейін қол қоюыңыз керек.`,
      ru: `${parentStatusTexts.concludeContract.ru}: детский сад отправил вам электронный договор. Вы должны подписать договор до ${dateNumeric(dueOn)}.`,
      en: `${parentStatusTexts.concludeContract.en}: the kindergarten sent you the electronic contract. Sign it by ${dateNumeric(dueOn)}.`,
    })[lang],
  contractExpired: (dueOn: string, lang: Language): string =>
    ({
      kk: `Шартқа қол қою мерзімі (${dateNumeric(dueOn)} дейін) өтті: шарт жабылды.`,
      ru: `Срок подписания договора (до ${dateNumeric(dueOn)}) истёк: договор закрыт.`,
      en: `The time to sign the contract (until ${dateNumeric(dueOn)}) has run out: the contract is closed.`,
    })[lang],
  directionExpired: (dueOn: string, lang: Language): string =>
    ({
      kk: `Жолдаманың мерзімі (${dateNumeric(dueOn)} дейін) өтті: мерзімінде шарт жіберілмеді.`,
      ru: `Срок направления (до ${dateNumeric(dueOn)}) истёк: договор не был отправлен вовремя.`,
      en: `The direction expired (due ${dateNumeric(dueOn)}): no contract was sent in time.`,
    })[lang],
  queuePlaceChanged: (queuePlace: number, lang: Language): string =>
    ({
      kk: `Ваучер алу кезегіндегі орныңыз өзгерді. Кезектегі орны: ${queuePlace}`,
      ru: `Ваше место в очереди на получение ваучера изменилось. Место в очереди: ${queuePlace}`,
      en: `Your place in the voucher queue has changed. Place in the queue: ${queuePlace}`,
    })[lang],
  voucherIssued: (confirmDueOn: string, lang: Language): string =>
    ({
      kk: `Сізге ваучер берілді. ${dateNumeric(confirmDueOn)} дейін «Менің өтініштерім» бөлімінде қызығушылығыңызды растаңыз немесе одан бас тартыңыз. Растамасаңыз, ваучердің күші жойылады, ал өтінішіңіз стоп-листке ауыстырылады.`,
      ru: `Вам выдан ваучер. Подтвердите свою заинтересованность или откажитесь от него до ${dateNumeric(confirmDueOn)} в разделе «Мои заявки». Если вы не подтвердите свою заинтересованность, ваучер будет аннулирован, а ваше заявление переместится в стоп-лист.`,
      en: `You have been issued a voucher. Confirm your interest or decline it by ${dateNumeric(confirmDueOn)} under “My applications”. Without a confirmation the voucher is annulled and the application moves to the stop-list.`,
    })[lang],
  voucherInterestConfirmed: (enrollDueOn: string, lang: Language): string =>
    ({
      kk: `Қызығушылығыңыз расталды. ${dateNumeric(enrollDueOn)} дейін балабақшаны таңдап, онымен электрондық шарт жасасыңыз.`,
      ru: `Заинтересованность подтверждена. До ${dateNumeric(enrollDueOn)} выберите детский сад и заключите с ним электронный договор.`,
      en: `Interest confirmed. By ${dateNumeric(enrollDueOn)} choose a kindergarten and conclude the electronic contract with it.`,
    })[lang],
  voucherDeclined: (lang: Language): string =>
    ({
      kk: 'Сіз ваучерден бас тарттыңыз: ваучердің күші жойылды, өтінішіңіз мұрағатқа жіберілді. Ваучер алу үшін кезекке қайта тұрыңыз.',
      ru: 'Вы отказались от ваучера: он аннулирован, а ваше заявление архивировано. Чтобы получить ваучер, встаньте в очередь снова.',
      en: 'You declined the voucher: it is annulled and your application is archived. To get a voucher, join the queue again.',
    })[lang],
  voucherStopListed: (lang: Language): string =>
    ({
      kk: 'Сіз қызығушылығыңызды растамадыңыз: ваучердің күші жойылды, өтінішіңіз стоп-листке ауыстырылды.',
      ru: 'Вы не подтвердили свою заинтересованность: ваучер аннулирован, а ваше заявление перемещено в стоп-лист.',
      en: 'You did not confirm your interest: the voucher is annulled and your application moved to the stop-list.',
    })[lang],
  voucherAwaitingOffer: (lang: Language): string => parentStatusTexts.awaitingOffer[lang],
  voucherExtended: (enrollDueOn: string, lang: Language): string =>
    ({
      kk: `Ваучердің мерзімі 2 жұмыс күнге ұзартылды: ${dateNumeric(enrollDueOn)} дейін.`,
      ru: `Ваучер продлён ещё на 2 рабочих дня: до ${dateNumeric(enrollDueOn)}.`,
      en: `The voucher is extended by 2 working days: until ${dateNumeric(enrollDueOn)}.`,
    })[lang],
  voucherAnnulled: (lang: Language): string =>
    ({
      kk: 'Сіз белгіленген мерзімде балабақшаға қабылданбадыңыз: ваучердің күші жойылды, өтінішіңіз мұрағатқа ауыстырылды.',
      ru: 'Вы не зачислились в установленные сроки: ваучер аннулирован, а ваше заявление перемещено в архив.',
      en: 'You did not enroll in time: the voucher is annulled and your application moved to the archive.',
    })[lang],
  ageLimitArchived: (lang: Language): string =>
    ({
      kk: 'Өтініш баланың ең жоғары жасқа толуына байланысты (ағымдағы күнтізбелік жылдың соңына дейін 7 жас) кезектен алынып, мұрағатқа орналастырылды.',
      ru: 'Заявление исключено из очереди и помещено в архив по причине достижения максимально возможного возраста (7 лет до конца текущего календарного года).',
      en: 'The application left the queue and was archived: the child reaches the maximum age (7 by the end of the current calendar year).',
    })[lang],
  contractRejected: (reasonLabel: string, lang: Language): string =>
    ({
      kk: `Мектепке дейінгі ұйым шарт жасасудан бас тартты. Себебі: ${reasonLabel}`,
      ru: `Дошкольная организация отказала в заключении договора. Причина: ${reasonLabel}`,
      en: `The kindergarten declined to conclude the contract. Reason: ${reasonLabel}`,
    })[lang],
};

/** Why an uploaded file was refused (the portals' rule: JPEG or PDF, at most 2 MB, a readable file). */
export const documentFileProblemTexts: Readonly<Record<DocumentFileProblem, Localized>> = {
  EMPTY_FILE: { kk: 'Файл бос.', ru: 'Файл пустой.', en: 'The file is empty.' },
  FILE_TOO_LARGE: { kk: 'Жүктелетін құжаттың көлемі 2 Мб аспауға тиіс.', ru: 'Размер загружаемого документа не должен превышать 2 МБ.', en: 'A document must not exceed 2 MB.' },
  UNSUPPORTED_FILE_TYPE: { kk: 'Құжаттар JPEG немесе PDF форматында болуы тиіс.', ru: 'Документы загружаются только в формате JPEG или PDF.', en: 'Documents must be JPEG or PDF files.' },
  UNREADABLE_FILE: { kk: 'Файл оқылмайды: ол зақымдалған немесе JPEG/PDF емес.', ru: 'Файл не читается: он повреждён или не является JPEG/PDF.', en: 'The file cannot be read: it is damaged or not a JPEG/PDF.' },
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
    case 'REQUIRED_DOCUMENT_MISSING': {
      const names = refusal.kinds.map((k) => `«${documentKindLabels[k][lang]}»`).join(', ');
      return {
        kk: `Міндетті құжат тіркелмеген: ${names}. Ол болмаса, шартқа қол қоюға болмайды.`,
        ru: `Не приложен обязательный документ: ${names}. Без него договор подписать нельзя.`,
        en: `A required document is missing: ${names}. The contract cannot be signed without it.`,
      }[lang];
    }
    case 'REQUIRED_DOCUMENT_NOT_APPROVED': {
      const names = refusal.kinds.map((k) => `«${documentKindLabels[k][lang]}»`).join(', ');
      return {
        kk: `Міндетті құжат мақұлданбаған: ${names}. Алдымен оны тексеріп, мақұлдаңыз.`,
        ru: `Обязательный документ не принят: ${names}. Сначала проверьте и примите его.`,
        en: `A required document is not approved: ${names}. Review and approve it first.`,
      }[lang];
    }
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
