import type { NcaLayerErrorKind, NcaLayerFailure } from '../../../domain/ncalayer-errors';

/** A failed NCALayer operation; `kind` selects the kk/ru/en text in domain/ncalayer-errors. */
export class NcaLayerError extends Error {
  constructor(
    readonly kind: NcaLayerErrorKind,
    readonly detail?: string,
    readonly expected?: string,
    readonly got?: string,
  ) {
    super(detail ? `${kind}: ${detail}` : kind);
    this.name = 'NcaLayerError';
  }

  toFailure(): NcaLayerFailure {
    return { kind: this.kind, detail: this.detail, expected: this.expected, got: this.got };
  }
}
