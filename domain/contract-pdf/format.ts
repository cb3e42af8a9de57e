/** Date formatting for the contract text, independent of the runtime's Intl data (bytes must not vary). */

const MONTHS_RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const MONTHS_RU_NOMINATIVE = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

/** «01» сентября 2026 г. */
export function dateRu(iso: string): string {
  const { y, m, d } = parts(iso);
  return `«${String(d).padStart(2, '0')}» ${MONTHS_RU_GENITIVE[m - 1]} ${y} г.`;
}

/** 2026 жылғы «01» қыркүйек */
export function dateKk(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${y} жылғы «${String(d).padStart(2, '0')}» ${MONTHS_KK[m - 1]}`;
}

/** 01.09.2026 */
export function dateNumeric(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
}

/** The twelve months of service starting with the month of `startIso`: [kk label, ru label]. */
export function serviceMonths(startIso: string): Array<{ kk: string; ru: string }> {
  const { y, m } = parts(startIso);
  return Array.from({ length: 12 }, (_, i) => {
    const month = (m - 1 + i) % 12;
    const year = y + Math.floor((m - 1 + i) / 12);
    const kk = MONTHS_KK[month]!;
    return { kk: `${year} ж. ${kk.charAt(0).toUpperCase()}${kk.slice(1)}`, ru: `${MONTHS_RU_NOMINATIVE[month]} ${year} г.` };
  });
}
