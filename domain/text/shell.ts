/**
 * Texts of the dialogs the Electron main process shows itself (before the renderer exists, or when it cannot
 * help): codes `shell.<key>` of the catalogue.
 */
import type { Localized } from '../i18n-languages';

export const shellTexts = {
  dbTitle: {
    kk: 'Жергілікті деректерді ашу мүмкін емес',
    ru: 'Не удаётся открыть локальные данные',
    en: 'The local data cannot be opened',
  },
  'keyProblem.encryption-unavailable': {
    kk: 'Жүйенің қорғалған қоймасы (Windows-та DPAPI, Linux-та кілттер қоймасы) қолжетімсіз, сондықтан деректер кілтін қорғау мүмкін емес. Деректер шифрлаусыз ешқашан сақталмайды.',
    ru: 'Защищённое хранилище системы (DPAPI в Windows, связка ключей в Linux) недоступно, поэтому ключ данных нечем защитить. Без шифрования данные не хранятся никогда.',
    en: 'The system protected storage (DPAPI on Windows, the keyring on Linux) is unavailable, so the data key cannot be protected. Data is never stored unencrypted.',
  },
  'keyProblem.undecryptable': {
    kk: 'Деректер кілтін ашу мүмкін болмады. Бұл әкімші Windows құпиясөзін қалпына келтіргенде немесе профиль басқа компьютерге көшірілгенде болады.',
    ru: 'Не удалось расшифровать ключ данных. Так бывает, если администратор сбросил пароль Windows или профиль перенесён на другой компьютер.',
    en: 'The data key could not be unwrapped. This happens when an administrator resets the Windows password or the profile was copied to another computer.',
  },
  'keyProblem.missing-key-for-existing-db': {
    kk: 'Дерекқор бар, бірақ оның кілті табылмады.',
    ru: 'База данных есть, но её ключ не найден.',
    en: 'The database exists but its key is missing.',
  },
  'keyProblem.db-rejects-key': {
    kk: 'Дерекқор осы кілтпен ашылмайды (файл зақымдалған немесе басқа кілтпен жасалған).',
    ru: 'База данных не открывается этим ключом (файл повреждён или создан с другим ключом).',
    en: 'The database does not open with this key (the file is damaged or was created with another key).',
  },
  startOverExplained: {
    kk: 'Жергілікті деректерді жойып, бәрін серверден қайта жүктеуге болады. Осы компьютерде қабылданып, серверге әлі жіберілмеген шешімдер жоғалады. Олардың санын білу мүмкін емес: кілтсіз дерекқор ашылмайды.',
    ru: 'Можно удалить локальные данные и заново загрузить всё с сервера. Решения, принятые на этом компьютере и ещё не отправленные на сервер, будут потеряны. Сколько их, узнать нельзя: без ключа база данных не открывается.',
    en: 'You can delete the local data and download everything from the server again. Decisions made on this computer that have not reached the server yet will be lost. How many there are cannot be told: the database does not open without the key.',
  },
  quit: { kk: 'Шығу', ru: 'Выйти', en: 'Quit' },
  startOver: { kk: 'Серверден қайта бастау', ru: 'Начать заново с сервера', en: 'Start over from the server' },
  confirmStartOver: {
    kk: 'Жергілікті деректер біржола жойылады. Жалғастырасыз ба?',
    ru: 'Локальные данные будут удалены безвозвратно. Продолжить?',
    en: 'The local data will be deleted for good. Continue?',
  },
  cancel: { kk: 'Болдырмау', ru: 'Отмена', en: 'Cancel' },
  deleteAndDownload: { kk: 'Жою және қайта жүктеу', ru: 'Удалить и загрузить заново', en: 'Delete and download again' },
  backendFailedTitle: {
    kk: 'Қолданба іске қосылмады',
    ru: 'Приложение не запустилось',
    en: 'The application did not start',
  },
  updateReadyTitle: { kk: 'Жаңарту дайын', ru: 'Обновление готово', en: 'Update ready' },
  updatePendingDecisions: {
    kk: 'Серверге әлі жіберілмеген шешімдер бар: {count}. Олар сақталады және қайта іске қосылғаннан кейін жіберіледі, бірақ алдымен оларды жіберген дұрыс. Жаңартуды қазір орнату керек пе?',
    ru: 'Есть решения, ещё не отправленные на сервер: {count}. Они сохранятся и будут отправлены после перезапуска, но надёжнее сначала отправить их. Установить обновление сейчас?',
    en: 'Some decisions have not been sent to the server yet: {count}. They are kept and will be sent after the restart, but it is safer to send them first. Install the update now?',
  },
  unknownCount: { kk: 'санын анықтау мүмкін болмады', ru: 'количество определить не удалось', en: 'the number could not be determined' },
  installNow: { kk: 'Қазір орнату', ru: 'Установить сейчас', en: 'Install now' },
  installLater: { kk: 'Кейінірек', ru: 'Позже', en: 'Later' },
} as const satisfies Record<string, Localized>;
