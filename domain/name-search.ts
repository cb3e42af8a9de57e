/**
 * One rule for finding people by name, used when the local search index is written and when a query is read:
 * both sides are folded to the same skeleton, so what staff type finds what parents entered.
 *
 * - case and Unicode form do not matter;
 * - Kazakh letters fold onto the Russian look-alikes people type instead (ә→а, і→и, ң→н, ғ→г, ү/ұ→у, қ→к, ө→о,
 *   һ→х), ё onto е;
 * - letters whose Latin spelling is ambiguous share one form (й/ы/і/и → и, э → е, я → иа, ю → иу, ъ/ь dropped,
 *   repeated и once), so a name typed in Latin letters as passports spell it (SERIKBAYEV, Abenova, Aliia, Zhanar)
 *   transliterates onto the same skeleton as the Cyrillic name.
 */

const cyrillicFolds: Readonly<Record<string, string>> = {
  ә: 'а', і: 'и', ң: 'н', ғ: 'г', ү: 'у', ұ: 'у', қ: 'к', ө: 'о', һ: 'х',
  ё: 'е', й: 'и', ы: 'и', э: 'е', я: 'иа', ю: 'иу', ъ: '', ь: '',
};

/** Passport (ICAO 9303 and the older Kazakh) Latin spellings, longest first. */
const latinToCyrillic: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['gh', 'г'], ['ye', 'е'], ['yo', 'е'],
  ['a', 'а'], ['b', 'б'], ['c', 'к'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'х'], ['i', 'и'], ['j', 'ж'],
  ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['q', 'к'], ['r', 'р'], ['s', 'с'], ['t', 'т'],
  ['u', 'у'], ['v', 'в'], ['w', 'у'], ['x', 'кс'], ['y', 'и'], ['z', 'з'],
];

/** Any letter `cyrillicFolds` changes: one regex pass replaces only those (a bootstrap folds two names per row). */
const foldable = new RegExp(`[${Object.keys(cyrillicFolds).join('')}]`, 'g');
const foldLetter = (ch: string) => cyrillicFolds[ch] ?? ch;

/** The searchable skeleton of a name (or any text: digits and other characters pass through lower-cased). */
export function foldName(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(foldable, foldLetter).replace(/и{2,}/g, 'и');
}

/** Latin letters spelled as Cyrillic (the rest is kept), before folding. */
export function transliterateLatin(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; ) {
    const pair = latinToCyrillic.find(([latin]) => lower.startsWith(latin, i));
    out += pair ? pair[1] : lower[i];
    i += pair ? pair[0].length : 1;
  }
  return out;
}

/** The forms one typed word may take in the folded index: as typed and, when it has Latin letters, transliterated. */
export function searchForms(word: string): string[] {
  const forms = [foldName(word)];
  if (/[a-z]/i.test(word)) forms.push(foldName(transliterateLatin(word)));
  return [...new Set(forms)];
}
