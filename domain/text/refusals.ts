/**
 * Why an action was refused, keyed by the refusal code every layer uses (state machines, the server's mutations,
 * the backend's handlers, signature checks). Placeholders `{name}` are filled from the refusal's parameters; a
 * parameter may itself be a text code (a status label), rendered in the same language.
 */
import type { Localized } from '../i18n-languages';
import { groupRefusalTexts } from '../groups';

export const refusalTexts = {
  // Groups and places (domain/groups.ts).
  ...groupRefusalTexts,
  // The contract state machine (domain/contract-machine.ts).
  CONTRACT_WITHDRAWN: {
    kk: 'Ата-ана шартты кері қайтарып алды: ол бойынша шешім қабылдау мүмкін емес.',
    ru: 'Родитель отозвал договор: решения по нему невозможны.',
    en: 'The parent withdrew the contract; no decision can be made on it.',
  },
  INVALID_TRANSITION: {
    kk: '«{status}» мәртебесінде бұл әрекет қолжетімсіз.',
    ru: 'Это действие недоступно в статусе «{status}».',
    en: 'This action is not available in status “{status}”.',
  },
  REWORK_LIMIT_REACHED: {
    kk: 'Ата-ана пысықтаудың барлық {limit} мүмкіндігін пайдаланды. Шартқа тек қол қоюға немесе бас тартуға болады.',
    ru: 'Родитель использовал все попытки доработки ({limit}). Договор можно только подписать или отклонить.',
    en: 'The parent has used all {limit} rework attempts. The contract can only be signed or rejected.',
  },
  DOCUMENT_FLAGGED: {
    kk: 'Ескертуі бар құжаттар бар ({count}): шартқа қол қоюға болмайды.',
    ru: 'Есть документы с замечаниями ({count}): подписать договор нельзя.',
    en: 'Some documents are flagged ({count}); the contract cannot be signed.',
  },
  DOCUMENT_NOT_REVIEWED: {
    kk: 'Барлық құжат тексерілген жоқ ({count} қалды).',
    ru: 'Не все документы проверены (осталось {count}).',
    en: 'Not all documents are reviewed ({count} left).',
  },
  NO_FLAGGED_DOCUMENT: {
    kk: 'Шартты пысықтауға қайтару үшін кемінде бір құжатқа ескерту белгілеңіз.',
    ru: 'Чтобы вернуть договор на доработку, отметьте замечание хотя бы к одному документу.',
    en: 'Flag at least one document to return the contract for rework.',
  },
  DOCUMENT_NOT_FOUND: { kk: 'Құжат шартта табылмады.', ru: 'Документ не найден в договоре.', en: 'The document is not part of the contract.' },
  FLAGGED_DOCUMENT_NOT_REPLACED: {
    kk: 'Ескертуі бар құжаттардың барлығы ауыстырылған жоқ.',
    ru: 'Заменены не все документы с замечаниями.',
    en: 'Not all flagged documents were replaced.',
  },
  DOCUMENT_NOT_REPLACEABLE: {
    kk: 'Тек ескертуі бар құжаттарды ауыстыруға болады.',
    ru: 'Заменять можно только документы с замечаниями.',
    en: 'Only flagged documents can be replaced.',
  },
  NO_DOCUMENTS: { kk: 'Шартқа құжаттар тіркелмеген.', ru: 'К договору не приложены документы.', en: 'No documents are attached to the contract.' },

  // The special-queue state machine (domain/special-queue-machine.ts).
  ALREADY_DECIDED: {
    kk: 'Өтінім бойынша шешім қабылданып қойған: «{status}».',
    ru: 'По заявке уже принято решение: «{status}».',
    en: 'The application has already been decided: “{status}”.',
  },
  INVALID_QUEUE_PLACE: {
    kk: 'Кезектегі орын оң бүтін сан болуы тиіс.',
    ru: 'Место в очереди должно быть положительным целым числом.',
    en: 'The queue place must be a positive whole number.',
  },

  // The server's checks of a pushed mutation.
  BAD_ARGS: { kk: 'Әрекет деректері қате: {detail}', ru: 'Неверные данные действия: {detail}', en: 'Invalid action data: {detail}' },
  NOT_FOUND: { kk: 'Жазба табылмады.', ru: 'Запись не найдена.', en: 'The record was not found.' },
  ROLE_NOT_ALLOWED: {
    kk: 'Бұл әрекетке тек меңгерушінің немесе қол қою құқығы бар адамның рұқсаты бар.',
    ru: 'Это действие доступно только заведующей или лицу с правом подписи.',
    en: 'Only the head or a person with signing rights may do this.',
  },
  VERSION_CONFLICT: {
    kk: 'Жазба сіз көргеннен кейін өзгерді. Жаңа күйін қарап, шешімді қайталаңыз.',
    ru: 'Запись изменилась после того, как вы её открыли. Проверьте новое состояние и повторите решение.',
    en: 'The record changed after you opened it. Review its new state and decide again.',
  },
  SIGNER_IIN_MISMATCH: {
    kk: 'Қол қойған адамның ЖСН-і жүйеге кірген пайдаланушымен сәйкес емес.',
    ru: 'ИИН подписавшего не совпадает с ИИН вошедшего пользователя.',
    en: "The signer's IIN does not match the logged-in user.",
  },
  SIGNER_BIN_MISMATCH: {
    kk: 'Сертификаттың БСН-і ұйымның БСН-імен сәйкес емес.',
    ru: 'БИН сертификата не совпадает с БИН организации.',
    en: "The certificate's BIN does not match the organisation.",
  },
  SIGNER_ROLE_NOT_ALLOWED: {
    kk: 'Сертификаттағы рөл бұл шешімге қол қоюға рұқсат бермейді (бірінші басшы немесе қол қою құқығы қажет).',
    ru: 'Роль в сертификате не даёт права подписать это решение (нужен первый руководитель или право подписи).',
    en: 'The role in the certificate does not allow signing this decision (head or signing right needed).',
  },
  PARENT_SIGNER_MISMATCH: {
    kk: 'Шартқа ата-ананың өзі қол қоймаған: қолтаңба сертификатындағы ЖСН ата-ананың ЖСН-імен сәйкес емес. Шартқа қол қоюға болмайды.',
    ru: 'Договор подписан не самим родителем: ИИН в сертификате подписи не совпадает с ИИН родителя. Подписать договор нельзя.',
    en: "The contract was not signed by the parent: the IIN in the signing certificate differs from the parent's IIN. It cannot be signed.",
  },
  PARENT_SIGNATURE_INVALID: {
    kk: 'Ата-ананың қолтаңбасы жарамсыз немесе шарт мәтініне сәйкес емес. Шартқа қол қоюға болмайды.',
    ru: 'Подпись родителя недействительна или не соответствует тексту договора. Подписать договор нельзя.',
    en: "The parent's signature is invalid or does not match the contract text. It cannot be signed.",
  },
  PDF_MISMATCH: {
    kk: 'Қол қойылған шарт файлы серверде сақталған шартпен сәйкес емес.',
    ru: 'Подписанный файл договора не совпадает с договором на сервере.',
    en: 'The signed contract file does not match the contract on the server.',
  },
  ID_TAKEN: {
    kk: 'Мұндай идентификаторы бар жазба бар.',
    ru: 'Запись с таким идентификатором уже существует.',
    en: 'A record with this id already exists.',
  },
  DIRECTION_NOT_AWAITING_OFFER: {
    kk: 'Бұл жолдама бойынша шарт жіберілген немесе жолдама жарамсыз.',
    ru: 'По этому направлению договор уже отправлен или направление недействительно.',
    en: 'An offer was already sent for this direction, or it is no longer valid.',
  },

  // The server's signature checks: CMS_ + a failure code of domain/pki/verify-cms.ts, or of the server's verifier.
  CMS_MALFORMED: { kk: 'Қолтаңба файлы бүлінген.', ru: 'Файл подписи повреждён.', en: 'The signature file is malformed.' },
  CMS_INVALID_SIGNATURE: {
    kk: 'Қолтаңба жарамсыз: қол қойылған деректер өзгерген.',
    ru: 'Подпись недействительна: подписанные данные изменены.',
    en: 'The signature is invalid: the signed data was changed.',
  },
  CMS_UNTRUSTED_CHAIN: {
    kk: 'Сертификатты сенімді куәландырушы орталық бермеген.',
    ru: 'Сертификат выдан не доверенным удостоверяющим центром.',
    en: 'The certificate was not issued by a trusted certification authority.',
  },
  CMS_CERT_EXPIRED: { kk: 'Сертификаттың мерзімі өтті.', ru: 'Срок действия сертификата истёк.', en: 'The certificate has expired.' },
  CMS_CERT_NOT_YET_VALID: { kk: 'Сертификат әлі күшіне енген жоқ.', ru: 'Сертификат ещё не вступил в действие.', en: 'The certificate is not valid yet.' },
  CMS_WRONG_KEY_USAGE: {
    kk: 'Бұл кілт осы әрекетке арналмаған (қол қою және кіру кілттері әртүрлі).',
    ru: 'Этот ключ не предназначен для данного действия (ключи подписи и входа разные).',
    en: 'This key is not meant for this action (signing and login keys differ).',
  },
  CMS_WRONG_SIGNER: {
    kk: 'Қол қойған адам жүйеге кірген пайдаланушы емес.',
    ru: 'Подписавший не является вошедшим пользователем.',
    en: 'The signer is not the signed-in user.',
  },
  CMS_WRONG_ORG: {
    kk: 'Сертификат басқа ұйымға берілген.',
    ru: 'Сертификат выдан другой организации.',
    en: 'The certificate belongs to another organisation.',
  },
  CMS_ROLE_NOT_ALLOWED: {
    kk: 'Сертификаттағы рөл бұл әрекетке рұқсат бермейді.',
    ru: 'Роль в сертификате не позволяет выполнить это действие.',
    en: 'The role in the certificate does not allow this action.',
  },
  CMS_UNSUPPORTED_ALGORITHM: {
    kk: 'Қолтаңба алгоритмін сервер тексере алмайды.',
    ru: 'Сервер не может проверить алгоритм подписи.',
    en: 'The server cannot verify the signature algorithm.',
  },
  CMS_CONTENT_MISMATCH: {
    kk: 'Қол қойылған мазмұн күтілгеннен өзгеше.',
    ru: 'Подписанное содержимое отличается от ожидаемого.',
    en: 'The signed content differs from what was expected.',
  },
  CMS_NO_IIN: {
    kk: 'Сертификатта ЖСН жоқ.',
    ru: 'В сертификате нет ИИН.',
    en: 'The certificate carries no IIN.',
  },

  // Refusals of the desktop backend before anything is queued.
  DECISION_PENDING: {
    kk: 'Осы өтінім бойынша шешім жіберілуін күтіп тұр.',
    ru: 'Решение по этой заявке уже ожидает отправки.',
    en: 'A decision on this application is already waiting to be sent.',
  },
  APPLICATION_NOT_FOUND: {
    kk: 'Мұндай арнайы кезек өтінімі сіздің деректеріңізде жоқ.',
    ru: 'Такой заявки специальной очереди нет в ваших данных.',
    en: 'There is no such special-queue application in your data.',
  },
  OUTBOX_NOT_EMPTY: {
    kk: '{user} қабылдаған {count} шешім серверге әлі жіберілмеген. Алдымен сол пайдаланушымен кіріп, синхрондауды аяқтаңыз немесе «Назар аударуды қажет етеді» бөлімінде оларды болдырмаңыз.',
    ru: 'Решения пользователя {user} ещё не отправлены на сервер ({count}). Сначала войдите этим пользователем и дождитесь синхронизации или отмените их в разделе «Требует внимания».',
    en: '{count} decisions by {user} are not on the server yet. Sign in as that user and let sync finish, or discard them under Needs attention.',
  },
  // Rules of the flows (required documents, dates, vouchers, uploads).
  REQUIRED_DOCUMENT_MISSING: {
    kk: 'Міндетті құжат тіркелмеген: «{document}» (барлығы жетіспейді: {count}). Онсыз шартқа қол қоюға болмайды.',
    ru: 'Не приложен обязательный документ: «{document}» (всего не хватает: {count}). Без него договор подписать нельзя.',
    en: 'A required document is missing: “{document}” ({count} missing in all). The contract cannot be signed without it.',
  },
  REQUIRED_DOCUMENT_NOT_APPROVED: {
    kk: 'Міндетті құжат мақұлданбаған: «{document}» (барлығы: {count}). Алдымен оны тексеріп, мақұлдаңыз.',
    ru: 'Обязательный документ не принят: «{document}» (всего: {count}). Сначала проверьте и примите его.',
    en: 'A required document is not approved: “{document}” ({count} in all). Review and approve it first.',
  },
  VOUCHER_NOT_LIVE: {
    kk: 'Бұл жолдаманың ваучері енді жарамсыз (мерзімі өтті немесе күші жойылды): шарт жіберуге болмайды.',
    ru: 'Ваучер по этому направлению больше не действует (срок истёк или он аннулирован): отправить договор нельзя.',
    en: 'The voucher of this direction is no longer valid (expired or annulled); no offer can be sent.',
  },
  START_DATE_IN_PAST: { kk: 'Басталу күні өткен күн болмауы керек (бүгін {date}).', ru: 'Дата начала не может быть в прошлом (сегодня {date}).', en: 'The start date cannot be in the past (today is {date}).' },
  START_DATE_OUTSIDE_SCHOOL_YEAR: { kk: 'Басталу күні оқу жылының ішінде болуы керек ({date} дейін).', ru: 'Дата начала должна быть в пределах учебного года (не позже {date}).', en: 'The start date must be within the school year (by {date}).' },
  ARCHIVE_BEFORE_SIGNING: { kk: 'Мұрағатқа шығару күні шартқа қол қойылған күннен ({date}) бұрын болмауы керек.', ru: 'Дата архивации не может быть раньше даты подписания договора ({date}).', en: "The archive date cannot precede the contract's signing ({date})." },
  ARCHIVE_IN_FUTURE: { kk: 'Мұрағатқа шығару күні болашақта болмауы керек (бүгін {date}).', ru: 'Дата архивации не может быть в будущем (сегодня {date}).', en: 'The archive date cannot be in the future (today is {date}).' },
  EMPTY_FILE: { kk: 'Файл бос.', ru: 'Файл пустой.', en: 'The file is empty.' },
  FILE_TOO_LARGE: { kk: 'Жүктелетін құжаттың көлемі 2 Мб аспауға тиіс.', ru: 'Размер загружаемого документа не должен превышать 2 МБ.', en: 'A document must not exceed 2 MB.' },
  UNSUPPORTED_FILE_TYPE: { kk: 'Құжаттар JPEG немесе PDF форматында болуы тиіс.', ru: 'Документы загружаются только в формате JPEG или PDF.', en: 'Documents must be JPEG or PDF files.' },
  UNREADABLE_FILE: { kk: 'Файл оқылмайды: ол зақымдалған немесе JPEG/PDF емес.', ru: 'Файл не читается: он повреждён или не является JPEG/PDF.', en: 'The file cannot be read: it is damaged or not a JPEG/PDF.' },
} as const satisfies Record<string, Localized>;

export type RefusalCode = keyof typeof refusalTexts;
export const refusalCodes = Object.keys(refusalTexts) as RefusalCode[];
