import { describe, expect, it } from 'vitest';
import * as ids from '../../../domain/catalogue-ids';
import {
  archiveReasonLabels,
  contractRejectReasonLabels,
  correctionTypeLabels,
  documentKindLabels,
  flagReasonLabels,
  requiresComment,
  specialQueueRejectReasonLabels,
  teachingLanguageLabels,
} from '../../../domain/catalogues';
import { contractRefusalCodes, type ContractRefusal } from '../../../domain/contract-machine';
import { languages, type Language, type Localized } from '../../../domain/i18n-languages';
import { specialQueueRefusalCodes, type SpecialQueueRefusal } from '../../../domain/special-queue-machine';
import { contractStatuses, directionStatuses, documentReviewStatuses, specialQueueStatuses } from '../../../domain/statuses';
import {
  contractStatusLabels,
  directionStatusLabels,
  documentReviewStatusLabels,
  inAllLanguages,
  parentNotification,
  parentStatusTexts,
  specialQueueStatusLabels,
} from '../../../domain/texts';
import { renderText } from '../../../domain/text/catalogue';
import { contractRefusalText, specialQueueRefusalText } from '../../../domain/text/machine-refusals';

const contractRefusalMessage = (r: ContractRefusal, lang: Language) => renderText(contractRefusalText(r), lang) ?? '';
const specialQueueRefusalMessage = (r: SpecialQueueRefusal, lang: Language) => renderText(specialQueueRefusalText(r), lang) ?? '';

const catalogues: [string, readonly string[], Readonly<Record<string, Localized>>][] = [
  ['document kinds', ids.documentKinds, documentKindLabels],
  ['flag reasons', ids.flagReasons, flagReasonLabels],
  ['contract reject reasons', ids.contractRejectReasons, contractRejectReasonLabels],
  ['archive reasons', ids.archiveReasons, archiveReasonLabels],
  ['special-queue reject reasons', ids.specialQueueRejectReasons, specialQueueRejectReasonLabels],
  ['correction types', ids.correctionTypes, correctionTypeLabels],
  ['teaching languages', ids.teachingLanguages, teachingLanguageLabels],
  ['contract statuses', contractStatuses, contractStatusLabels],
  ['special-queue statuses', specialQueueStatuses, specialQueueStatusLabels],
  ['direction statuses', directionStatuses, directionStatusLabels],
  ['document review statuses', documentReviewStatuses, documentReviewStatusLabels],
];

describe('labels', () => {
  it.each(catalogues)('%s: every id has distinct, non-empty kk/ru/en labels', (_name, idList, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...idList].sort());
    for (const lang of languages) {
      const texts = idList.map((id) => labels[id]![lang].trim());
      expect(texts.every((t) => t.length > 0)).toBe(true);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('medical document kinds show the current and the legacy form number', () => {
    for (const lang of ['kk', 'ru'] as const) {
      expect(documentKindLabels.health_passport[lang]).toMatch(/052-2\/у.*026\/у-3/);
      expect(documentKindLabels.immunisation_passport[lang]).toMatch(/065\/у.*063\/у/);
      expect(documentKindLabels.certificate_027[lang]).toContain('027/у');
    }
  });

  it('«Другое» requires a comment, no other reason does', () => {
    const reasons = [...ids.flagReasons, ...ids.contractRejectReasons, ...ids.archiveReasons, ...ids.specialQueueRejectReasons];
    expect(reasons.filter(requiresComment)).toEqual(['other', 'other', 'other', 'other']);
  });
});

describe('parent-facing texts of the seeds', () => {
  it('uses the portals’ Russian wording', () => {
    expect(parentStatusTexts.rework.ru).toBe('Доработать');
    expect(parentStatusTexts.concludeContract.ru).toBe('Заключить договор');
    expect(parentStatusTexts.awaitingOffer.ru).toBe('Ожидайте договор от ДО');
    expect(parentStatusTexts.awaitingDocumentConfirmation.ru).toBe('Ожидание подтверждения документов');
    expect(parentNotification.enrolled('ru')).toBe('Ваш ребёнок успешно зачислен');
    expect(parentNotification.voucherConfirmed(42, 'ru')).toBe('Ваша заявка на получение ваучера подтверждена. Место в очереди: 42');
    expect(parentNotification.voucherRejected('Ахметова Айгуль Сериковна', 'ru')).toBe(
      'Ваша заявка на получение ваучера отклонена сотрудником: Ахметова Айгуль Сериковна',
    );
    expect(parentStatusTexts.concludeContract.kk).toBe('Шарт жасасу');
  });

  it('fills the queue place and the employee name in every language', () => {
    const confirmed = inAllLanguages((lang) => parentNotification.voucherConfirmed(7, lang));
    const rejected = inAllLanguages((lang) => parentNotification.voucherRejected('Ким Ольга', lang));
    for (const lang of languages) {
      expect(confirmed[lang]).toMatch(/\b7$/);
      expect(rejected[lang]).toMatch(/Ким Ольга$/);
    }
    expect(new Set(Object.values(confirmed)).size).toBe(3);
    expect(parentNotification.reworkRequested(1, 'kk')).toMatch(/1$/);
  });
});

describe('refusal messages', () => {
  const contractSamples: Record<(typeof contractRefusalCodes)[number], ContractRefusal> = {
    CONTRACT_WITHDRAWN: { code: 'CONTRACT_WITHDRAWN' },
    INVALID_TRANSITION: { code: 'INVALID_TRANSITION', status: 'signed', event: 'sign' },
    REWORK_LIMIT_REACHED: { code: 'REWORK_LIMIT_REACHED', limit: 2 },
    DOCUMENT_FLAGGED: { code: 'DOCUMENT_FLAGGED', documentIds: ['a'] },
    DOCUMENT_NOT_REVIEWED: { code: 'DOCUMENT_NOT_REVIEWED', documentIds: ['a', 'b'] },
    NO_FLAGGED_DOCUMENT: { code: 'NO_FLAGGED_DOCUMENT' },
    DOCUMENT_NOT_FOUND: { code: 'DOCUMENT_NOT_FOUND', documentIds: ['a'] },
    FLAGGED_DOCUMENT_NOT_REPLACED: { code: 'FLAGGED_DOCUMENT_NOT_REPLACED', documentIds: ['a'] },
    DOCUMENT_NOT_REPLACEABLE: { code: 'DOCUMENT_NOT_REPLACEABLE', documentIds: ['a'] },
    NO_DOCUMENTS: { code: 'NO_DOCUMENTS' },
    REQUIRED_DOCUMENT_MISSING: { code: 'REQUIRED_DOCUMENT_MISSING', kinds: ['health_passport'] },
    REQUIRED_DOCUMENT_NOT_APPROVED: { code: 'REQUIRED_DOCUMENT_NOT_APPROVED', kinds: ['pmpk_conclusion'] },
  };
  const queueSamples: Record<(typeof specialQueueRefusalCodes)[number], SpecialQueueRefusal> = {
    ALREADY_DECIDED: { code: 'ALREADY_DECIDED', status: 'confirmed' },
    INVALID_QUEUE_PLACE: { code: 'INVALID_QUEUE_PLACE', queuePlace: 0 },
  };

  it('every refusal code has a distinct message in kk, ru and en', () => {
    for (const lang of languages) {
      const messages = [
        ...Object.values(contractSamples).map((r) => contractRefusalMessage(r, lang)),
        ...Object.values(queueSamples).map((r) => specialQueueRefusalMessage(r, lang)),
      ];
      expect(messages.every((m) => m.trim().length > 0)).toBe(true);
      expect(new Set(messages).size).toBe(messages.length);
    }
  });

  it('names the status and counts in the message', () => {
    expect(contractRefusalMessage(contractSamples.INVALID_TRANSITION, 'ru')).toContain('«Подписан»');
    expect(contractRefusalMessage(contractSamples.DOCUMENT_NOT_REVIEWED, 'kk')).toContain('2');
    expect(specialQueueRefusalMessage(queueSamples.ALREADY_DECIDED, 'en')).toContain('Confirmed');
  });
});
