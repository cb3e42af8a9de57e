/**
 * Business refusals of a mutation: a code of the text catalogue (domain/text) plus its parameters, recorded as the
 * mutation's `rejected` or `conflict` result. The client renders code + params in the user's language; the message
 * in the request's language travels along only as a fallback for codes the client's catalogue lacks. Thrown inside
 * the mutation's transaction so nothing is written.
 */
import type { Language } from '../../domain/i18n-languages';
import { displayText } from '../../domain/text/catalogue';
import type { RefusalCode } from '../../domain/text/refusals';
import { text, type TextParams, type TextRef } from '../../domain/text/text-ref';

export class Refusal extends Error {
  constructor(
    readonly status: 'rejected' | 'conflict',
    readonly code: string,
    readonly params?: TextParams,
    readonly current?: unknown,
    /** Shown when the catalogue does not know `code` (e.g. a new signature-check code). */
    readonly fallback?: string,
  ) {
    super(displayText(text(code, params), 'en', fallback));
    this.name = 'Refusal';
  }

  static of(ref: TextRef, status: 'rejected' | 'conflict' = 'rejected'): Refusal {
    return new Refusal(status, ref.code, ref.params);
  }

  messageIn(lang: Language): string {
    return displayText(text(this.code, this.params), lang, this.fallback);
  }
}

export const refuse = (code: RefusalCode, params?: TextParams): Refusal => new Refusal('rejected', code, params);
