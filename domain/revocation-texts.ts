// Texts of the revocation and timestamp refusals, by code: the server's refusals, the desktop's login error and the
// signature verdict all read them from here.
import type { Localized } from './i18n-languages';

export const revocationRefusalTexts = {
  CMS_CERT_REVOKED: {
    kk: 'ЭЦҚ сертификатының күші жойылған (кері қайтарылған). Осы кілтпен кіруге де, шешімге қол қоюға да болмайды — ҰКО-дан жаңа кілт алыңыз.',
    ru: 'Сертификат ЭЦП отозван. Этим ключом нельзя ни войти, ни подписать решение — получите новый ключ в НУЦ.',
    en: 'The signing certificate has been revoked. This key can neither sign in nor sign decisions — obtain a new key from the NCA.',
  },
  REVOCATION_UNAVAILABLE: {
    kk: 'Сертификаттың кері қайтарылмағанын қазір тексеру мүмкін емес: OCSP қызметі де, CRL тізімі де жауап бермеді. Біраз уақыттан кейін қайталап көріңіз. Жіберілмеген шешімдер жоғалмайды — олар кейін автоматты түрде жіберіледі.',
    ru: 'Сейчас невозможно проверить, не отозван ли сертификат: не ответили ни служба OCSP, ни список CRL. Повторите чуть позже. Неотправленные решения не потеряны — они будут отправлены автоматически.',
    en: "The certificate's revocation status cannot be checked right now: neither the OCSP service nor the CRL answered. Try again a little later. Unsent decisions are not lost — they will be sent automatically.",
  },
  TIMESTAMP_UNAVAILABLE: {
    kk: 'Қол қою уақытының белгісін (TSA) қазір алу мүмкін емес. Шарт жоғалмайды — біраз уақыттан кейін автоматты түрде қайта жіберіледі.',
    ru: 'Сейчас невозможно получить метку времени подписи (TSA). Договор не потерян — он будет отправлен повторно автоматически чуть позже.',
    en: 'A signing timestamp (TSA) cannot be obtained right now. Nothing is lost — it will be retried automatically a little later.',
  },
  TIMESTAMP_INVALID: {
    kk: 'Қолтаңбаның уақыт белгісі жарамсыз: ол осы қолтаңбаға берілмеген немесе сенімді TSA қол қоймаған.',
    ru: 'Метка времени подписи недействительна: она выдана не на эту подпись или подписана недоверенной TSA.',
    en: 'The signature\'s timestamp is invalid: it was not issued for this signature or is not signed by a trusted TSA.',
  },
} as const satisfies Record<string, Localized>;

export type RevocationRefusalCode = keyof typeof revocationRefusalTexts;

export function isRevocationRefusalCode(code: string | null | undefined): code is RevocationRefusalCode {
  return !!code && Object.hasOwn(revocationRefusalTexts, code);
}
