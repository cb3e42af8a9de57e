import { registerBundle } from '../../i18n';

registerBundle('attention', {
  kk: {
    title: 'Назар аударуды қажет етеді',
    intro: 'Сервер бұл шешімдерді қабылдамады. Жағдайды тексеріп, шешімді қайта қабылдаңыз немесе оны алып тастаңыз.',
    empty: 'Барлық шешім серверге жеткізілді. Назар аударатын ештеңе жоқ.',
    reason: 'Сервердің себебі', current: 'Қазіргі жағдайы', decidedAt: 'Шешім уақыты',
    recheck: 'Қайта тексеру', discard: 'Болдырмау',
    confirmTitle: 'Шешімді алып тастау керек пе?', confirmText: 'Шешім серверге жіберілмейді. Бұл әрекет журналда сақталады.', confirmYes: 'Иә, алып тастау', confirmNo: 'Жоқ',
    conflict: 'Қайшылық', rejected: 'Қабылданбады',
    names: { 'contract.markDocument': 'Құжатты тексеру', 'contract.returnForRework': 'Пысықтауға қайтару', 'contract.sign': 'Шартқа қол қою', 'contract.reject': 'Шарттан бас тарту', 'contract.offer': 'Шарт жіберу', 'contract.archive': 'Шығару', 'specialQueue.confirm': 'Өтінімді растау', 'specialQueue.reject': 'Өтінімнен бас тарту' },
  },
  ru: {
    title: 'Требует внимания',
    intro: 'Сервер не принял эти решения. Проверьте ситуацию и примите решение заново или отмените его.',
    empty: 'Все решения доставлены на сервер. Ничего не требует внимания.',
    reason: 'Причина сервера', current: 'Текущее состояние', decidedAt: 'Время решения',
    recheck: 'Проверить снова', discard: 'Отменить',
    confirmTitle: 'Отменить решение?', confirmText: 'Решение не будет отправлено на сервер. Действие сохранится в журнале.', confirmYes: 'Да, отменить', confirmNo: 'Нет',
    conflict: 'Конфликт', rejected: 'Отклонено',
    names: { 'contract.markDocument': 'Проверка документа', 'contract.returnForRework': 'Возврат на доработку', 'contract.sign': 'Подписание договора', 'contract.reject': 'Отказ в заключении договора', 'contract.offer': 'Отправка договора', 'contract.archive': 'Отчисление', 'specialQueue.confirm': 'Подтверждение заявки', 'specialQueue.reject': 'Отклонение заявки' },
  },
  en: {
    title: 'Needs attention',
    intro: 'The server refused these decisions. Check the situation and decide again, or discard the decision.',
    empty: 'Every decision reached the server. Nothing needs attention.',
    reason: "Server's reason", current: 'Current state', decidedAt: 'Decided at',
    recheck: 'Check again', discard: 'Discard',
    confirmTitle: 'Discard the decision?', confirmText: 'The decision will not be sent to the server. The audit log keeps a record.', confirmYes: 'Yes, discard', confirmNo: 'No',
    conflict: 'Conflict', rejected: 'Refused',
    names: { 'contract.markDocument': 'Document review', 'contract.returnForRework': 'Return for rework', 'contract.sign': 'Contract signing', 'contract.reject': 'Contract refusal', 'contract.offer': 'Contract offer', 'contract.archive': 'Unenrollment', 'specialQueue.confirm': 'Application confirmation', 'specialQueue.reject': 'Application rejection' },
  },
});
