/**
 * Business refusals of a mutation: a stable code plus a message in the user's language (kk/ru/en), recorded as
 * the mutation's `rejected` or `conflict` result. Thrown inside the mutation's transaction so nothing is written.
 */
import type { Language, Localized } from '../../domain/i18n-languages';

export class Refusal extends Error {
  constructor(
    readonly status: 'rejected' | 'conflict',
    readonly code: string,
    readonly texts: Localized,
    readonly current?: unknown,
  ) {
    super(texts.en);
    this.name = 'Refusal';
  }

  messageIn(lang: Language): string {
    return this.texts[lang];
  }
}

/** Server-side refusal texts that are not the state machines' (those come from domain/texts). */
export const refusalTexts = {
  BAD_ARGS: (detail: string): Localized => ({
    kk: `Әрекет деректері қате: ${detail}`,
    ru: `Неверные данные действия: ${detail}`,
    en: `Invalid action data: ${detail}`,
  }),
  NOT_FOUND: (): Localized => ({ kk: 'Жазба табылмады.', ru: 'Запись не найдена.', en: 'The record was not found.' }),
  ROLE_NOT_ALLOWED: (): Localized => ({
    kk: 'Бұл әрекетке тек меңгерушінің немесе қол қою құқығы бар адамның рұқсаты бар.',
    ru: 'Это действие доступно только заведующей или лицу с правом подписи.',
    en: 'Only the head or a person with signing rights may do this.',
  }),
  VERSION_CONFLICT: (): Localized => ({
    kk: 'Жазба сіз көргеннен кейін өзгерді. Жаңа күйін қарап, шешімді қайталаңыз.',
    ru: 'Запись изменилась после того, как вы её открыли. Проверьте новое состояние и повторите решение.',
    en: 'The record changed after you opened it. Review its new state and decide again.',
  }),
  SIGNATURE_REQUIRED: (): Localized => ({
    kk: 'Шешімге ЭЦҚ қойылмаған.',
    ru: 'Решение не подписано ЭЦП.',
    en: 'The decision is not signed.',
  }),
  SIGNER_IIN_MISMATCH: (): Localized => ({
    kk: 'Қол қойған адамның ЖСН-і жүйеге кірген пайдаланушымен сәйкес емес.',
    ru: 'ИИН подписавшего не совпадает с ИИН вошедшего пользователя.',
    en: "The signer's IIN does not match the logged-in user.",
  }),
  SIGNER_BIN_MISMATCH: (): Localized => ({
    kk: 'Сертификаттың БСН-і ұйымның БСН-імен сәйкес емес.',
    ru: 'БИН сертификата не совпадает с БИН организации.',
    en: "The certificate's BIN does not match the organisation.",
  }),
  SIGNER_ROLE_NOT_ALLOWED: (): Localized => ({
    kk: 'Сертификаттағы рөл бұл шешімге қол қоюға рұқсат бермейді (бірінші басшы немесе қол қою құқығы қажет).',
    ru: 'Роль в сертификате не даёт права подписать это решение (нужен первый руководитель или право подписи).',
    en: 'The role in the certificate does not allow signing this decision (head or signing right needed).',
  }),
  SIGNATURE_INVALID: (detail: string): Localized => ({
    kk: `Қолтаңба жарамсыз: ${detail}`,
    ru: `Подпись недействительна: ${detail}`,
    en: `The signature is invalid: ${detail}`,
  }),
  PDF_MISMATCH: (): Localized => ({
    kk: 'Қол қойылған шарт файлы серверде сақталған шартпен сәйкес емес.',
    ru: 'Подписанный файл договора не совпадает с договором на сервере.',
    en: 'The signed contract file does not match the contract on the server.',
  }),
  ID_TAKEN: (): Localized => ({
    kk: 'Мұндай идентификаторы бар жазба бар.',
    ru: 'Запись с таким идентификатором уже существует.',
    en: 'A record with this id already exists.',
  }),
  DIRECTION_NOT_AWAITING_OFFER: (): Localized => ({
    kk: 'Бұл жолдама бойынша шарт жіберілген немесе жолдама жарамсыз.',
    ru: 'По этому направлению договор уже отправлен или направление недействительно.',
    en: 'An offer was already sent for this direction, or it is no longer valid.',
  }),
} as const;

export const refuse = (code: keyof typeof refusalTexts, texts: Localized): Refusal => new Refusal('rejected', code, texts);
