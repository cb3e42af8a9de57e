// What can go wrong when Qabyl asks NCALayer for a signature, and what to tell the person (kk/ru/en).
// The backend client throws NcaLayerError with one of these kinds; the renderer shows `ncaLayerErrorMessage`.
import { z } from 'zod';
import type { Localized } from './i18n-languages';
import type { NcaRole } from './pki/oids';

export const ncaLayerErrorKinds = [
  'not_running', 'tls_untrusted', 'no_greeting', 'module_missing', 'cancelled', 'storage_empty', 'bad_request',
  'signing_failed', 'connection_lost', 'timeout', 'busy', 'unexpected_reply', 'wrong_signer', 'invalid_signature',
  'auth_key_used', 'sign_key_used', 'personal_key_used', 'wrong_organisation', 'role_not_allowed', 'cert_expired',
  'cert_revoked', 'untrusted_certificate',
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
    kk: 'Басқа адамның кілтімен қол қойылды. Өз кілтіңізді таңдаңыз.',
    ru: 'Подписано ключом другого человека. Выберите свой ключ.',
    en: "Signed with another person's key. Choose your own key.",
  },
  wrong_organisation: {
    kk: 'Кілт басқа ұйымның қызметкеріне берілген. Осы ұйымның қызметкері ретінде алған кілтіңізді таңдаңыз.',
    ru: 'Ключ выдан сотруднику другой организации. Выберите ключ, полученный вами как сотрудником этой организации.',
    en: 'The key was issued for another organisation. Choose the key you received as an employee of this organisation.',
  },
  personal_key_used: {
    kk: 'Жеке тұлғаның кілті таңдалды (онда ұйымның БСН-і жоқ). Ұйым атынан қол қою үшін қызметкер ретінде алған кілтіңізді (ұйымның БСН-і бар) таңдаңыз.',
    ru: 'Выбран ключ физического лица (в нём нет БИН организации). Для подписи от имени организации выберите ключ, полученный вами как сотрудником (с БИН организации).',
    en: "A personal key was chosen (it has no organisation BIN). To sign for the organisation, choose the key you received as its employee (with the organisation's BIN).",
  },
  sign_key_used: {
    kk: 'Қол қою кілті (SIGN) таңдалды, ал жүйеге кіру үшін аутентификация кілті керек. Атауы AUTH_… деп басталатын кілтті таңдаңыз.',
    ru: 'Выбран ключ подписи (SIGN), а для входа нужен ключ аутентификации. Выберите ключ, имя которого начинается с AUTH_….',
    en: 'A signing (SIGN) key was chosen; signing in needs the authentication key. Choose the key whose name starts with AUTH_….',
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

/**
 * The person's error for a verification failure code of domain/pki (one table for every signing flow). `got` is
 * what the certificate carried instead of the expected value: a WRONG_ORG with no BIN is the person's own
 * personal key, not someone else's.
 */
export function ncaLayerKindForVerifyCode(code: string, usage: 'sign' | 'auth', got?: string): NcaLayerErrorKind {
  switch (code) {
    case 'WRONG_SIGNER': return 'wrong_signer';
    case 'WRONG_ORG': return got ? 'wrong_organisation' : 'personal_key_used';
    case 'WRONG_KEY_USAGE': return usage === 'sign' ? 'auth_key_used' : 'sign_key_used';
    case 'ROLE_NOT_ALLOWED': return 'role_not_allowed';
    case 'CERT_EXPIRED': case 'CERT_NOT_YET_VALID': return 'cert_expired';
    case 'CERT_REVOKED': return 'cert_revoked';
    case 'UNTRUSTED_CHAIN': return 'untrusted_certificate';
    default: return 'invalid_signature';
  }
}

/** Staff roles a certificate can carry, as the person reads them (the person's and the organisation's type are not roles). */
const certificateRoleLabels: Readonly<Partial<Record<NcaRole, Localized>>> = {
  ceo: { kk: 'бірінші басшы', ru: 'первый руководитель', en: 'head of the organisation' },
  can_sign: { kk: 'қол қою құқығы бар қызметкер', ru: 'сотрудник с правом подписи', en: 'employee with signing rights' },
  can_sign_financial: { kk: 'қаржы құжаттарына қол қою құқығы бар қызметкер', ru: 'сотрудник с правом подписи финансовых документов', en: 'employee with the right to sign financial documents' },
  hr: { kk: 'кадр қызметінің қызметкері', ru: 'сотрудник отдела кадров', en: 'HR employee' },
  employee: { kk: 'қызметкер', ru: 'сотрудник', en: 'employee' },
};

function roleNames(roles: string | undefined, lang: keyof Localized): string {
  const names = (roles ?? '').split(',').flatMap((r) => certificateRoleLabels[r as NcaRole]?.[lang] ?? []);
  return names.length > 0 ? names.join(', ') : '—';
}

/** Text for the person; a wrong signer or organisation also names what was expected and what came back, a refused role the roles. */
export function ncaLayerErrorMessage(failure: NcaLayerFailure, lang: keyof Localized): string {
  const base = ncaLayerErrorMessages[failure.kind][lang];
  if (failure.kind === 'role_not_allowed' && failure.got !== undefined) {
    const detail = {
      kk: `Сертификаттағы рөл: ${roleNames(failure.got, lang)}. Қажет рөл: ${roleNames(failure.expected, lang)}.`,
      ru: `Роль в сертификате: ${roleNames(failure.got, lang)}. Нужна роль: ${roleNames(failure.expected, lang)}.`,
      en: `Role in the certificate: ${roleNames(failure.got, lang)}. Needed: ${roleNames(failure.expected, lang)}.`,
    };
    return `${base} ${detail[lang]}`;
  }
  if ((failure.kind !== 'wrong_signer' && failure.kind !== 'wrong_organisation') || !failure.expected) return base;
  const detail = { kk: `Күтілген: ${failure.expected}, алынған: ${failure.got ?? '—'}.`, ru: `Ожидался: ${failure.expected}, получен: ${failure.got ?? '—'}.`, en: `Expected ${failure.expected}, got ${failure.got ?? '—'}.` };
  return `${base} ${detail[lang]}`;
}

/** Cancel is the person's choice, not an error toast. */
export function isQuietNcaLayerFailure(kind: NcaLayerErrorKind): boolean {
  return kind === 'cancelled';
}
