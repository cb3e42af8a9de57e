// What a revocation check found, as stored with a login or a decision and shown in the signature verdict.
import { z } from 'zod';

export const revocationStatusSchema = z.enum(['good', 'revoked', 'unavailable', 'not-checked-offline']);
export type RevocationStatus = z.infer<typeof revocationStatusSchema>;

export const revocationCheckSchema = z.object({
  status: revocationStatusSchema,
  /** How the answer was obtained; null when nothing answered or nothing was asked. */
  method: z.enum(['ocsp', 'crl']).nullable(),
  /** The OCSP responder or CRL URL that answered. */
  source: z.string().nullable(),
  /** Subject of the certificate that signed the answer (the CA itself or its delegated OCSP responder). */
  responder: z.string().nullable(),
  checkedAt: z.string().datetime({ offset: true }),
  /** The answer's thisUpdate / nextUpdate (how fresh it was). */
  thisUpdate: z.string().datetime({ offset: true }).nullable(),
  nextUpdate: z.string().datetime({ offset: true }).nullable(),
  revokedAt: z.string().datetime({ offset: true }).nullable(),
  /** Why each source that was tried did not answer (empty when the first one did). */
  failures: z.array(z.object({ source: z.string(), reason: z.string() })).max(16),
});
export type RevocationCheck = z.infer<typeof revocationCheckSchema>;
