/** Why the contract PDF the parent signed cannot be reproduced, as the one error every caller throws. */
import type { RegeneratedContract } from '../../../domain/contract-pdf';
import type { AppError } from '../../../domain/envelope';
import { textError } from '../../../domain/text/text-error';
import { text } from '../../../domain/text/text-ref';

export function contractPdfError(failure: Extract<RegeneratedContract, { ok: false }>): AppError {
  return textError(text(`CONTRACT_PDF.${failure.problem}`), {
    code: 'CONTRACT_PDF_MISMATCH',
    details: { problem: failure.problem, expected: failure.expected, actual: failure.actual },
  });
}
