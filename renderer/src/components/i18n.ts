/** Strings of the shared components (viewer, verdict, reason picker, shortcut sheet, badges). */
import { registerBundle } from '../i18n';

export const componentStrings = {
  kk: {
    sync: { pending: 'Жіберілуде', attention: 'Назар аударуды қажет етеді' },
    deadline: { daysLeft: '{{count}} жұм. күн қалды', dueToday: 'Бүгін', overdue: '{{count}} жұм. күн өтті', provisional: 'алдын ала', provisionalHint: 'Осы жылғы демалыс күндерін ауыстыру туралы қаулы әлі жарияланған жоқ: мерзім кейінге жылжуы мүмкін, бірақ ерте болмайды.' },
    viewer: {
      zoomIn: 'Үлкейту', zoomOut: 'Кішірейту', rotate: 'Бұру', fit: 'Бетке сыйдыру', page: '{{page}} / {{pages}} бет',
      loading: 'Құжат жүктелуде…', notDownloaded: 'Құжат әлі жүктелуде. Бірнеше секундтан кейін ашылады.', failed: 'Құжатты ашу мүмкін болмады: {{message}}',
      prevPage: 'Алдыңғы бет', nextPage: 'Келесі бет', fullscreen: 'Толық экран (Esc — шығу)',
    },
    verdict: {
      title: 'Ата-ананың қолтаңбасы', headTitle: 'Басшының қолтаңбасы', valid: 'Қолтаңба жарамды', invalid: 'Қолтаңба жарамсыз', iinMatches: 'ЖСН ата-ананың ЖСН-іне сәйкес келеді', iinMismatch: 'ЖСН ата-ананың ЖСН-іне сәйкес келмейді',
      signer: 'Қол қойған', signedAt: 'Қол қойылған уақыты', checking: 'Қолтаңба тексерілуде…',
      details: {
        title: 'Қолтаңба мәліметтері', algorithm: 'Алгоритм', certificate: 'Сертификат нөмірі', validity: 'Сертификаттың жарамдылығы', organisation: 'Ұйым', chain: 'Сенім тізбегі',
        algorithms: { rsa: 'RSA', ecdsa: 'ECDSA', 'gost2015-512': 'ГОСТ 34.10-2015 (512 бит)', 'gost2015-256': 'ГОСТ 34.10-2015 (256 бит, тексерілмеген үлгі)', gost2004: 'ГОСТ 34.310-2004 (ескі кілт)' },
      },
      problems: {
        NO_SIGNATURE: 'Шартқа ата-ана қол қоймаған', PDF_UNAVAILABLE: 'Ата-ана қол қойған шартты қайта жасау мүмкін емес', MALFORMED: 'Қолтаңба бүлінген',
        INVALID_SIGNATURE: 'Қолтаңба шарт мәтініне сәйкес келмейді', UNTRUSTED_CHAIN: 'Сертификатты сенімді ҰКО бермеген', CERT_EXPIRED: 'Сертификаттың мерзімі өткен',
        CERT_NOT_YET_VALID: 'Сертификаттың қолданылу мерзімі әлі басталмаған', WRONG_KEY_USAGE: 'Кілт қол қоюға арналмаған', WRONG_SIGNER: 'Басқа адам қол қойған', WRONG_ORG: 'Басқа ұйымның сертификаты', ROLE_NOT_ALLOWED: 'Сертификат рөлі жарамсыз', CERT_REVOKED: 'Сертификаттың күші жойылған (кері қайтарылған)',
      },
      revocation: {
        good: 'Сертификат кері қайтарылмаған ({{method}}, {{time}})',
        revoked: 'Сертификат кері қайтарылған',
        unavailable: 'Сертификаттың кері қайтарылуы тексерілмеді: OCSP қызметі де, CRL тізімі де жауап бермеді',
        'not-checked-offline': 'Сертификаттың кері қайтарылуы тексерілмеді (желі жоқ)',
      },
    },
    reason: { label: 'Себебі', comment: 'Түсініктеме', commentRequired: '«Басқа» себебі үшін түсініктеме міндетті', placeholder: 'Себепті таңдаңыз' },
    shortcuts: {
      title: 'Пернетақта жарлықтары', next: 'Келесі құжат', prev: 'Алдыңғы құжат', approve: 'Құжатты қабылдау', flag: 'Ескерту белгілеу (себепке өту)',
      confirm: 'Растау', main: 'Негізгі әрекет (қайтару немесе қол қою)', help: 'Осы парақ', listNav: 'Тізімде жоғары/төмен, Enter — ашу', search: 'Іздеу',
      anyLayout: 'Пернелер кез келген тілдік орналасуда (қазақша, орысша, ағылшынша) жұмыс істейді: әріп емес, перненің өзі маңызды.',
    },
    table: { empty: 'Ештеңе табылмады', loading: 'Жүктелуде…' },
    search: { mistypedIdentifier: 'Мұндай ЖСН/БСН болмайды: бақылау саны немесе ондағы күн сәйкес емес. Цифрларды тексеріңіз.' },
  },
  ru: {
    sync: { pending: 'Отправляется', attention: 'Требует внимания' },
    deadline: { daysLeft: 'осталось {{count}} раб. дн.', dueToday: 'Сегодня', overdue: 'просрочено на {{count}} раб. дн.', provisional: 'предварительно', provisionalHint: 'Постановление о переносе выходных дней на этот год ещё не опубликовано: срок может сдвинуться позже, но не раньше.' },
    viewer: {
      zoomIn: 'Увеличить', zoomOut: 'Уменьшить', rotate: 'Повернуть', fit: 'По размеру окна', page: 'Стр. {{page}} из {{pages}}',
      loading: 'Документ загружается…', notDownloaded: 'Документ ещё загружается. Он откроется через несколько секунд.', failed: 'Не удалось открыть документ: {{message}}',
      prevPage: 'Предыдущая страница', nextPage: 'Следующая страница', fullscreen: 'Во весь экран (Esc — выход)',
    },
    verdict: {
      title: 'Подпись родителя', headTitle: 'Подпись руководителя', valid: 'Подпись действительна', invalid: 'Подпись недействительна', iinMatches: 'ИИН совпадает с ИИН родителя', iinMismatch: 'ИИН не совпадает с ИИН родителя',
      signer: 'Подписал', signedAt: 'Время подписи', checking: 'Проверка подписи…',
      details: {
        title: 'Сведения о подписи', algorithm: 'Алгоритм', certificate: 'Номер сертификата', validity: 'Срок действия сертификата', organisation: 'Организация', chain: 'Цепочка доверия',
        algorithms: { rsa: 'RSA', ecdsa: 'ECDSA', 'gost2015-512': 'ГОСТ 34.10-2015 (512 бит)', 'gost2015-256': 'ГОСТ 34.10-2015 (256 бит, без проверенного образца)', gost2004: 'ГОСТ 34.310-2004 (устаревший ключ)' },
      },
      problems: {
        NO_SIGNATURE: 'Родитель не подписал договор', PDF_UNAVAILABLE: 'Не удалось воспроизвести договор, подписанный родителем', MALFORMED: 'Подпись повреждена',
        INVALID_SIGNATURE: 'Подпись не соответствует тексту договора', UNTRUSTED_CHAIN: 'Сертификат выдан недоверенным УЦ', CERT_EXPIRED: 'Срок действия сертификата истёк',
        CERT_NOT_YET_VALID: 'Сертификат ещё не действует', WRONG_KEY_USAGE: 'Ключ не предназначен для подписи', WRONG_SIGNER: 'Подписал другой человек', WRONG_ORG: 'Сертификат другой организации', ROLE_NOT_ALLOWED: 'Недопустимая роль сертификата', CERT_REVOKED: 'Сертификат отозван',
      },
      revocation: {
        good: 'Сертификат не отозван ({{method}}, {{time}})',
        revoked: 'Сертификат отозван',
        unavailable: 'Отзыв сертификата не проверен: не ответили ни служба OCSP, ни список CRL',
        'not-checked-offline': 'Отзыв сертификата не проверен (нет связи)',
      },
    },
    reason: { label: 'Причина', comment: 'Комментарий', commentRequired: 'Для причины «Другое» комментарий обязателен', placeholder: 'Выберите причину' },
    shortcuts: {
      title: 'Горячие клавиши', next: 'Следующий документ', prev: 'Предыдущий документ', approve: 'Принять документ', flag: 'Отметить замечание (перейти к причине)',
      confirm: 'Подтвердить', main: 'Главное действие (вернуть или подписать)', help: 'Эта справка', listNav: 'Вверх/вниз по списку, Enter — открыть', search: 'Поиск',
      anyLayout: 'Клавиши работают в любой раскладке (казахской, русской, английской): важна сама клавиша, а не буква на ней.',
    },
    table: { empty: 'Ничего не найдено', loading: 'Загрузка…' },
    search: { mistypedIdentifier: 'Такого ИИН/БИН не бывает: не сходится контрольная цифра или дата в нём. Проверьте цифры.' },
  },
  en: {
    sync: { pending: 'Sending', attention: 'Needs attention' },
    deadline: { daysLeft: '{{count}} working days left', dueToday: 'Due today', overdue: '{{count}} working days overdue', provisional: 'provisional', provisionalHint: "This year's decree on moved days off is not published yet: the deadline may move later, never earlier." },
    viewer: {
      zoomIn: 'Zoom in', zoomOut: 'Zoom out', rotate: 'Rotate', fit: 'Fit to window', page: 'Page {{page}} of {{pages}}',
      loading: 'Loading the document…', notDownloaded: 'The document is still downloading. It opens in a few seconds.', failed: 'Could not open the document: {{message}}',
      prevPage: 'Previous page', nextPage: 'Next page', fullscreen: 'Full screen (Esc to leave)',
    },
    verdict: {
      title: "Parent's signature", headTitle: "Head's signature", valid: 'Signature valid', invalid: 'Signature invalid', iinMatches: "IIN matches the parent's IIN", iinMismatch: "IIN does not match the parent's IIN",
      signer: 'Signed by', signedAt: 'Signed at', checking: 'Checking the signature…',
      details: {
        title: 'Signature details', algorithm: 'Algorithm', certificate: 'Certificate number', validity: 'Certificate validity', organisation: 'Organisation', chain: 'Chain of trust',
        algorithms: { rsa: 'RSA', ecdsa: 'ECDSA', 'gost2015-512': 'GOST 34.10-2015 (512-bit)', 'gost2015-256': 'GOST 34.10-2015 (256-bit, no verified sample)', gost2004: 'GOST 34.310-2004 (legacy key)' },
      },
      problems: {
        NO_SIGNATURE: 'The parent has not signed the contract', PDF_UNAVAILABLE: 'The contract the parent signed cannot be reproduced', MALFORMED: 'The signature is damaged',
        INVALID_SIGNATURE: 'The signature does not match the contract text', UNTRUSTED_CHAIN: 'The certificate is not from a trusted CA', CERT_EXPIRED: 'The certificate has expired',
        CERT_NOT_YET_VALID: 'The certificate is not valid yet', WRONG_KEY_USAGE: 'The key is not a signing key', WRONG_SIGNER: 'Signed by someone else', WRONG_ORG: 'Certificate of another organisation', ROLE_NOT_ALLOWED: 'Certificate role not allowed', CERT_REVOKED: 'The certificate has been revoked',
      },
      revocation: {
        good: 'Certificate not revoked ({{method}}, {{time}})',
        revoked: 'The certificate has been revoked',
        unavailable: 'Revocation not checked: neither OCSP nor the CRL answered',
        'not-checked-offline': 'Revocation not checked (offline)',
      },
    },
    reason: { label: 'Reason', comment: 'Comment', commentRequired: 'A comment is required for “Other”', placeholder: 'Choose a reason' },
    shortcuts: {
      title: 'Keyboard shortcuts', next: 'Next document', prev: 'Previous document', approve: 'Approve the document', flag: 'Flag (focus the reason)',
      confirm: 'Confirm', main: 'Main action (return or sign)', help: 'This sheet', listNav: 'Up/down in the list, Enter opens', search: 'Search',
      anyLayout: 'The keys work on any keyboard layout (Kazakh, Russian, English): what counts is the key, not the letter it types.',
    },
    table: { empty: 'Nothing found', loading: 'Loading…' },
    search: { mistypedIdentifier: 'No such IIN/BIN: its check digit or date does not add up. Check the digits.' },
  },
};

registerBundle('components', componentStrings);
