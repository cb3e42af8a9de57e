// What can go wrong when Qabyl asks NCALayer for a signature, and what to tell the person (kk/ru/en).
// The backend client throws NcaLayerError with one of these kinds; the renderer shows `ncaLayerErrorMessage`.
import { z } from 'zod';
import type { Localized } from './i18n-languages';

export const ncaLayerErrorKinds = [
  'not_running', 'tls_untrusted', 'no_greeting', 'module_missing', 'cancelled', 'storage_empty', 'bad_request',
  'signing_failed', 'connection_lost', 'timeout', 'busy', 'unexpected_reply', 'wrong_signer', 'invalid_signature',
  'auth_key_used', 'role_not_allowed', 'cert_expired', 'cert_revoked', 'untrusted_certificate',
] as const;
export const ncaLayerErrorKindSchema = z.enum(ncaLayerErrorKinds);
export type NcaLayerErrorKind = z.infer<typeof ncaLayerErrorKindSchema>;

/** Serializable form crossing the API boundary; `expected`/`got` name what did not match (e.g. two IINs). */
export const ncaLayerFailureSchema = z.object({
  kind: ncaLayerErrorKindSchema,
  detail: z.string().optional(),
  expected: z.string().optional(),
  got: z.string().optional(),
});
export type NcaLayerFailure = z.infer<typeof ncaLayerFailureSchema>;

const INSTALL_URL = 'https://ncl.pki.gov.kz/';

export const ncaLayerErrorMessages: Readonly<Record<NcaLayerErrorKind, Localized>> = {
  not_running: {
    kk: `NCALayer іске қосылмаған. NCALayer бағдарламасын іске қосып (Бастау → NCALayer), қайталап көріңіз. Орнатылмаған болса, ${INSTALL_URL} сайтынан орнатыңыз.`,
    ru: `NCALayer не запущен. Запустите NCALayer (Пуск → NCALayer) и повторите. Если он не установлен, установите его с ${INSTALL_URL}.`,
    en: `NCALayer is not running. Start NCALayer (Start → NCALayer) and try again. If it is not installed, install it from ${INSTALL_URL}.`,
  },
  tls_untrusted: {
    kk: 'NCALayer қосылымына сенім жоқ (сертификат танылмады). NCALayer-ді ресми сайттан қайта орнатыңыз немесе әкімшіге хабарласыңыз.',
    ru: 'Соединение с NCALayer не доверено (сертификат не распознан). Переустановите NCALayer с официального сайта или обратитесь к администратору.',
    en: 'The connection to NCALayer is not trusted (unknown certificate). Reinstall NCALayer from the official site or contact your administrator.',
  },
  no_greeting: {
    kk: 'NCALayer жауап бермей тұр. NCALayer-ді қайта іске қосып, қайталап көріңіз.',
    ru: 'NCALayer не отвечает. Перезапустите NCALayer и повторите попытку.',
    en: 'NCALayer does not respond. Restart NCALayer and try again.',
  },
  module_missing: {
    kk: 'NCALayer-де қажетті модуль жоқ. NCALayer-ді соңғы нұсқаға жаңартыңыз.',
    ru: 'В NCALayer нет нужного модуля. Обновите NCALayer до последней версии.',
    en: 'NCALayer lacks the required module. Update NCALayer to the latest version.',
  },
  cancelled: {
    kk: 'Қол қою тоқтатылды.',
    ru: 'Подписание отменено.',
    en: 'Signing was cancelled.',
  },
  storage_empty: {
    kk: 'Кілт тасығышы табылмады. Токенді немесе жеке куәлікті қосып, «Жаңарту» түймесін басыңыз немесе кілт файлын таңдаңыз.',
    ru: 'Носитель ключа не найден. Подключите токен или удостоверение личности и нажмите «Обновить», либо выберите файл ключа.',
    en: 'No key storage found. Plug in your token or ID card and press "Refresh", or choose a key file.',
  },
  bad_request: {
    kk: 'NCALayer сұрауды қабылдамады. Бұл бағдарлама қатесі — техникалық қолдауға хабарласыңыз.',
    ru: 'NCALayer не принял запрос. Это ошибка программы — обратитесь в техническую поддержку.',
    en: 'NCALayer rejected the request. This is a program error — contact technical support.',
  },
  signing_failed: {
    kk: 'NCALayer қол қоя алмады. Кілтті және құпиясөзді тексеріп, қайталап көріңіз.',
    ru: 'NCALayer не смог подписать. Проверьте ключ и пароль и повторите попытку.',
    en: 'NCALayer could not sign. Check the key and password and try again.',
  },
  connection_lost: {
    kk: 'NCALayer-мен байланыс үзілді. NCALayer жұмыс істеп тұрғанын тексеріп, қайталап көріңіз.',
    ru: 'Связь с NCALayer прервалась. Убедитесь, что NCALayer запущен, и повторите попытку.',
    en: 'The connection to NCALayer was lost. Make sure NCALayer is running and try again.',
  },
  timeout: {
    kk: 'NCALayer уақытында жауап бермеді. NCALayer терезесі басқа терезелердің артында қалмағанын тексеріңіз.',
    ru: 'NCALayer не ответил вовремя. Проверьте, не осталось ли окно NCALayer за другими окнами.',
    en: 'NCALayer did not answer in time. Check whether the NCALayer window is hidden behind other windows.',
  },
  busy: {
    kk: 'Алдыңғы қол қою әлі аяқталған жоқ. NCALayer терезесін аяқтаңыз немесе жабыңыз.',
    ru: 'Предыдущее подписание ещё не завершено. Завершите или закройте окно NCALayer.',
    en: 'The previous signing is still in progress. Finish or close the NCALayer window.',
  },
  unexpected_reply: {
    kk: 'NCALayer күтпеген жауап қайтарды. NCALayer-ді жаңартып, қайталап көріңіз.',
    ru: 'NCALayer вернул неожиданный ответ. Обновите NCALayer и повторите попытку.',
    en: 'NCALayer returned an unexpected reply. Update NCALayer and try again.',
  },
  wrong_signer: {
    kk: 'Басқа адамның немесе ұйымның кілтімен қол қойылды. Өз кілтіңізді таңдаңыз.',
    ru: 'Подписано ключом другого человека или организации. Выберите свой ключ.',
    en: 'Signed with the key of another person or organisation. Choose your own key.',
  },
  invalid_signature: {
    kk: 'Қолтаңба құжатқа сәйкес келмейді. Қайталап қол қойыңыз.',
    ru: 'Подпись не соответствует документу. Подпишите ещё раз.',
    en: 'The signature does not match the document. Sign again.',
  },
  auth_key_used: {
    kk: 'Аутентификация кілті (AUTH) таңдалды, ол қол қоюға жарамайды. Қол қою кілтін (RSA_… немесе GOST512_… SIGN) таңдаңыз.',
    ru: 'Выбран ключ аутентификации (AUTH), им нельзя подписывать. Выберите ключ подписи (RSA_… или GOST512_… SIGN).',
    en: 'An authentication (AUTH) key was chosen; it cannot sign. Choose your signing key (RSA_… or GOST512_… SIGN).',
  },
  role_not_allowed: {
    kk: 'Бұл сертификаттағы рөлге мұндай құжатқа қол қоюға рұқсат жоқ (мысалы, шартқа тек басшы немесе қол қою құқығы бар қызметкер қол қояды).',
    ru: 'Роль в этом сертификате не позволяет подписывать такой документ (например, договор подписывает только руководитель или сотрудник с правом подписи).',
    en: 'The role in this certificate may not sign this document (a contract, for instance, is signed by the head or an employee with signing rights).',
  },
  cert_expired: {
    kk: 'Кілт сертификатының мерзімі өткен немесе әлі басталмаған. ҰКО-дан жаңа кілт алыңыз.',
    ru: 'Срок действия сертификата ключа истёк или ещё не начался. Получите новый ключ в НУЦ РК.',
    en: 'The key certificate has expired or is not valid yet. Obtain a new key from NCA RK.',
  },
  cert_revoked: {
    kk: 'Кілт сертификаты кері қайтарылған (ҰКО тізімінде). Бұл кілтпен қол қоюға болмайды — ҰКО-дан жаңа кілт алыңыз.',
    ru: 'Сертификат ключа отозван (в списке НУЦ РК). Подписывать им нельзя — получите новый ключ в НУЦ РК.',
    en: 'The key certificate has been revoked by NCA RK. It cannot sign — obtain a new key.',
  },
  untrusted_certificate: {
    kk: 'Сертификатты сенімді куәландырушы орталық бермеген (ҰКО тізбегі құрылмады). ҰКО берген кілтті таңдаңыз немесе әкімшіге хабарласыңыз.',
    ru: 'Сертификат выдан недоверенным удостоверяющим центром (цепочка НУЦ РК не построена). Выберите ключ НУЦ РК или обратитесь к администратору.',
    en: 'The certificate was not issued by a trusted CA (no NCA RK chain). Choose an NCA RK key or contact your administrator.',
  },
};

/** The person's error for a verification failure code of domain/pki (one table for every signing flow). */
export function ncaLayerKindForVerifyCode(code: string, usage: 'sign' | 'auth'): NcaLayerErrorKind {
  switch (code) {
    case 'WRONG_SIGNER': case 'WRONG_ORG': return 'wrong_signer';
    case 'WRONG_KEY_USAGE': return usage === 'sign' ? 'auth_key_used' : 'wrong_signer';
    case 'ROLE_NOT_ALLOWED': return 'role_not_allowed';
    case 'CERT_EXPIRED': case 'CERT_NOT_YET_VALID': return 'cert_expired';
    case 'CERT_REVOKED': return 'cert_revoked';
    case 'UNTRUSTED_CHAIN': return 'untrusted_certificate';
    default: return 'invalid_signature';
  }
}

/** Text for the person; a wrong signer also names what was expected and what came back. */
export function ncaLayerErrorMessage(failure: NcaLayerFailure, lang: keyof Localized): string {
  const base = ncaLayerErrorMessages[failure.kind][lang];
  if (failure.kind !== 'wrong_signer' || !failure.expected) return base;
  const detail = { kk: `Күтілген: ${failure.expected}, алынған: ${failure.got ?? '—'}.`, ru: `Ожидался: ${failure.expected}, получен: ${failure.got ?? '—'}.`, en: `Expected ${failure.expected}, got ${failure.got ?? '—'}.` };
  return `${base} ${detail[lang]}`;
}

/** Cancel is the person's choice, not an error toast. */
export function isQuietNcaLayerFailure(kind: NcaLayerErrorKind): boolean {
  return kind === 'cancelled';
}
