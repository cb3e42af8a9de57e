import { z } from 'zod';

/** Error codes every transport can return, in addition to feature-specific ones. */
export const transportErrorCodes = [
  'BAD_ARGS',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'TIMEOUT',
  'BACKEND_UNAVAILABLE',
  'INTERNAL',
] as const;

export const apiErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  /** Optional structured details (e.g. which field failed); never personal data in logs. */
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const envelopeSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: apiErrorSchema }),
  ]);

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: string, message: string, details?: unknown): Envelope<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** An error that carries a stable code across the backend → transport boundary. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Formats a zod error as a short human-readable list of "path: problem". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
