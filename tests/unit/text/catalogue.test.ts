import { describe, expect, it } from 'vitest';
import { contractRefusalCodes } from '../../../domain/contract-machine';
import { languages } from '../../../domain/i18n-languages';
import type { VerifyFailureCode } from '../../../domain/pki';
import { specialQueueRefusalCodes } from '../../../domain/special-queue-machine';
import { catalogue, displayText, renderText } from '../../../domain/text/catalogue';
import { refusalCodes } from '../../../domain/text/refusals';
import { text, type TextParams } from '../../../domain/text/text-ref';
import { catalogueBundles, catalogueText } from '../../../renderer/src/i18n/catalogue';

/** Letters Kazakh has and Russian does not: a Russian text containing one has Kazakh words in it. */
const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const CYRILLIC = /[а-яё]/i;

/** Sample parameters for a template: a status label where the template quotes one, else a number. */
function sampleParams(template: string): TextParams {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  return Object.fromEntries(names.map((name) => [name, name === 'status' ? text('contractStatus.signed') : name === 'user' ? 'Kim Olga' : 7]));
}

/** Every verify failure code (a type): adding one without a catalogue text fails to compile here. */
const verifyFailureCodes: Record<VerifyFailureCode, true> = {
  MALFORMED: true, INVALID_SIGNATURE: true, UNTRUSTED_CHAIN: true, CERT_EXPIRED: true, CERT_NOT_YET_VALID: true,
  WRONG_KEY_USAGE: true, WRONG_SIGNER: true, WRONG_ORG: true, ROLE_NOT_ALLOWED: true,
};

describe('the text catalogue', () => {
  it('has a text for every refusal the state machines and the server can send', () => {
    const codes = new Set(refusalCodes as string[]);
    for (const code of [...contractRefusalCodes, ...specialQueueRefusalCodes]) expect(codes, code).toContain(code);
    for (const code of Object.keys(verifyFailureCodes)) expect(codes, code).toContain(`CMS_${code}`);
  });

  it.each(refusalCodes)('%s renders in kk, ru and en, each in its own language, every placeholder filled', (code) => {
    const params = sampleParams(catalogue[code]!.ru);
    const rendered = Object.fromEntries(languages.map((lang) => [lang, renderText(text(code, params), lang)]));
    for (const lang of languages) {
      expect(rendered[lang], lang).toBeTruthy();
      expect(rendered[lang], lang).not.toMatch(/\{\w+\}/);
    }
    expect(rendered.ru).toMatch(CYRILLIC);
    expect(rendered.ru).not.toMatch(KAZAKH_ONLY);
    expect(rendered.kk).toMatch(CYRILLIC);
    expect(rendered.kk).not.toBe(rendered.ru);
    expect(rendered.en).not.toMatch(CYRILLIC);
  });

  it('renders a parameter that is itself a code in the same language', () => {
    const ref = text('INVALID_TRANSITION', { status: text('contractStatus.signed') });
    expect(renderText(ref, 'ru')).toBe('Это действие недоступно в статусе «Подписан».');
    expect(renderText(ref, 'kk')).toBe('«Қол қойылды» мәртебесінде бұл әрекет қолжетімсіз.');
  });

  it('falls back to the sender’s text only for a code the catalogue does not know', () => {
    expect(renderText(text('SOMETHING_NEW'), 'ru')).toBeNull();
    expect(displayText(text('SOMETHING_NEW'), 'ru', 'server text')).toBe('server text');
    expect(displayText(text('NOT_FOUND'), 'ru', 'Жазба табылмады.')).toBe('Запись не найдена.');
    expect(renderText(text('toString'), 'ru')).toBeNull();
  });

  it('the renderer shows a stored refusal in the UI language, not in the language it arrived in', () => {
    const stored = { code: 'VERSION_CONFLICT', params: null, message: catalogue.VERSION_CONFLICT!.kk };
    expect(catalogueText(stored, 'ru')).toBe(catalogue.VERSION_CONFLICT!.ru);
    expect(catalogueText({ code: null, message: 'raw' }, 'ru')).toBe('raw');
  });

  it('the renderer’s i18next namespace holds the same texts with i18next placeholders', () => {
    const bundles = catalogueBundles();
    expect(bundles.ru.NOT_FOUND).toBe(catalogue.NOT_FOUND!.ru);
    expect(bundles.kk.BAD_ARGS).toBe(catalogue.BAD_ARGS!.kk.replace('{detail}', '{{detail}}'));
  });
});
