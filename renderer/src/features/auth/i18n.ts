import { registerBundle } from '../../i18n';

const ru = {
  title: 'Вход в Qabyl',
  subtitle: 'Войдите с ЭЦП сотрудника организации: ключ для аутентификации (AUTH) выбирается в окне NCALayer.',
  login: 'Войти с ЭЦП',
  signingIn: 'Ожидаем подпись в NCALayer…',
  checkAgain: 'Проверить снова',
  ncalayerRunning: 'NCALayer запущен (версия {{version}})',
  ncalayerChecking: 'Проверяем NCALayer…',
  logout: 'Выйти',
  user: 'Пользователь',
  iin: 'ИИН',
  roles: { employee: 'Сотрудник', head: 'Руководитель', signer: 'Право подписи' },
  orgKinds: { kindergarten: 'Детский сад', pmpk: 'ПМПК' },
};
type Bundle = typeof ru;

const kk: Bundle = {
  title: 'Qabyl жүйесіне кіру',
  subtitle: 'Ұйым қызметкерінің ЭЦҚ-сымен кіріңіз: аутентификация кілті (AUTH) NCALayer терезесінде таңдалады.',
  login: 'ЭЦҚ арқылы кіру',
  signingIn: 'NCALayer-де қолтаңба күтілуде…',
  checkAgain: 'Қайта тексеру',
  ncalayerRunning: 'NCALayer іске қосылған (нұсқасы {{version}})',
  ncalayerChecking: 'NCALayer тексерілуде…',
  logout: 'Шығу',
  user: 'Пайдаланушы',
  iin: 'ЖСН',
  roles: { employee: 'Қызметкер', head: 'Басшы', signer: 'Қол қою құқығы' },
  orgKinds: { kindergarten: 'Балабақша', pmpk: 'ПМПК' },
};

const en: Bundle = {
  title: 'Sign in to Qabyl',
  subtitle: "Sign in with your organisation's employee digital signature: pick the authentication (AUTH) key in NCALayer.",
  login: 'Sign in with digital signature',
  signingIn: 'Waiting for the signature in NCALayer…',
  checkAgain: 'Check again',
  ncalayerRunning: 'NCALayer is running (version {{version}})',
  ncalayerChecking: 'Checking NCALayer…',
  logout: 'Sign out',
  user: 'User',
  iin: 'IIN',
  roles: { employee: 'Employee', head: 'Head', signer: 'Signing right' },
  orgKinds: { kindergarten: 'Kindergarten', pmpk: 'PMPK' },
};

registerBundle('auth', { kk, ru, en });
