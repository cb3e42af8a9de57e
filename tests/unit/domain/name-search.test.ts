import { describe, expect, it } from 'vitest';
import { foldName, searchForms, transliterateLatin } from '../../../domain/name-search';

const finds = (query: string, name: string) => searchForms(query).some((form) => foldName(name).includes(form));

describe('name folding for search', () => {
  it('folds case, ё/е and the Kazakh letters onto their Russian look-alikes', () => {
    expect(foldName('СЕРІКБАЕВ')).toBe(foldName('серикбаев'));
    expect(foldName('Әбенова')).toBe('абенова');
    expect(foldName('Қуаныш Өмірзақ Ұлы Үмбетов Ғалым Ңң Һ')).toBe('куаниш омирзак ули умбетов галим нн х');
    expect(foldName('Пётр')).toBe(foldName('Петр'));
  });

  it('Russian-letter queries find Kazakh names, and the other way round', () => {
    expect(finds('Серикбаев', 'СЕРІКБАЕВ АЙДОС')).toBe(true);
    expect(finds('абенова', 'Әбенова Дана')).toBe(true);
    expect(finds('Серікбаев', 'Серикбаев')).toBe(true);
    expect(finds('жанар', 'Жаннат')).toBe(false);
  });

  it('a name typed in Latin letters (passport spelling) finds the Cyrillic name', () => {
    expect(finds('Serikbayev', 'СЕРІКБАЕВ')).toBe(true);
    expect(finds('SERIKBAEV', 'Серікбаев')).toBe(true);
    expect(finds('Abenova', 'ӘБЕНОВА')).toBe(true);
    expect(finds('Zhanar', 'ЖАНАР')).toBe(true);
    expect(finds('Aliia', 'Алия')).toBe(true);
    expect(finds('Aliya', 'Алия')).toBe(true);
    expect(finds('Yerlan', 'Ерлан')).toBe(true);
    expect(finds('Yulia', 'Юлия')).toBe(true);
    expect(finds('Kuanysh', 'Қуаныш')).toBe(true);
    expect(finds('Seitkali', 'Сейітқали')).toBe(true);
    expect(finds('Ospanova', 'Ахметова')).toBe(false);
  });

  it('keeps digits and contract numbers as typed', () => {
    expect(searchForms('780412')).toEqual(['780412']);
    expect(searchForms('KG1-2026')).toContain('kg1-2026');
    expect(transliterateLatin('shchukin')).toBe('щукин');
  });
});
