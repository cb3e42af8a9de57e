import { registerBundle } from '../../i18n';

registerBundle('sync', {
  kk: {
    online: 'Желіде', connecting: 'Қосылуда…', offline: 'Желіден тыс — шешімдер кезекте сақталады',
    offlineHint: 'Серверге қосылу мүмкін болмады. Шешімдер сақталған, байланыс қалпына келгенде өздігінен жіберіледі.', nextAttempt: 'Келесі әрекет: {{time}}.', technical: 'Техникалық мәлімет: {{message}}', lastSynced: 'Соңғы синхрондау: {{time}}', never: 'Әлі синхрондалмаған',
    pending: 'Жіберілуде: {{count}}', attention: 'Назар аударуды қажет етеді: {{count}}', bootstrap: 'Деректер жүктелуде', downloads: 'Құжаттар {{done}} / {{total}}',
    syncNow: 'Қазір синхрондау', accepted: 'Сервер шешімді қабылдады ({{count}})', needsLogin: 'ЭЦҚ-мен қайта кіріңіз', waitingForCheck: 'Шешімдер серверде тексерілуді күтуде', updateRequired: 'Қолданбаны жаңартыңыз', phase: { pulling: 'Алынуда…', pushing: 'Жіберілуде…', bootstrapping: 'Бастапқы жүктеу…', idle: '' },
  },
  ru: {
    online: 'В сети', connecting: 'Подключение…', offline: 'Нет связи — решения сохраняются в очереди',
    offlineHint: 'Не удалось связаться с сервером. Решения сохранены и будут отправлены автоматически, когда связь восстановится.', nextAttempt: 'Следующая попытка: {{time}}.', technical: 'Техническая информация: {{message}}', lastSynced: 'Синхронизировано: {{time}}', never: 'Ещё не синхронизировано',
    pending: 'Отправляется: {{count}}', attention: 'Требует внимания: {{count}}', bootstrap: 'Загрузка данных', downloads: 'Документы {{done}} из {{total}}',
    syncNow: 'Синхронизировать сейчас', accepted: 'Сервер принял решения ({{count}})', needsLogin: 'Войдите с ЭЦП заново', waitingForCheck: 'Решения ждут проверки на сервере', updateRequired: 'Обновите приложение', phase: { pulling: 'Получение…', pushing: 'Отправка…', bootstrapping: 'Первичная загрузка…', idle: '' },
  },
  en: {
    online: 'Online', connecting: 'Connecting…', offline: 'Offline — decisions are kept in the queue',
    offlineHint: 'The server could not be reached. Decisions are kept and will be sent automatically once the connection is back.', nextAttempt: 'Next attempt: {{time}}.', technical: 'Technical detail: {{message}}', lastSynced: 'Synced: {{time}}', never: 'Not synced yet',
    pending: 'Sending: {{count}}', attention: 'Needs attention: {{count}}', bootstrap: 'Loading data', downloads: 'Documents {{done}} of {{total}}',
    syncNow: 'Sync now', accepted: 'The server accepted the decisions ({{count}})', needsLogin: 'Sign in with EDS again', waitingForCheck: 'Decisions wait for a check on the server', updateRequired: 'Update the app', phase: { pulling: 'Receiving…', pushing: 'Sending…', bootstrapping: 'Initial load…', idle: '' },
  },
});
