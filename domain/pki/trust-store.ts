// Whether a trust store can anchor real signatures: a production build must not start with no NCA certificate or
// with test CAs only (NCA's own test CAs and ours all carry TEST in their common name).
import { toDer } from './bytes';
import { describeCertificate, parseCertificate } from './certificate-info';

/** Files a trust store folder may hold: `.cer` (DER or PEM), `.crt` and `.pem` (PEM). */
export const CERTIFICATE_FILE = /\.(pem|crt|cer)$/i;

export type TrustStoreProblem = 'empty' | 'test-only' | 'unreadable';

export function trustStoreProblem(certificates: ReadonlyArray<string | Uint8Array>): TrustStoreProblem | null {
  if (certificates.length === 0) return 'empty';
  let names: string[];
  try {
    names = certificates.map((c) => describeCertificate(parseCertificate(toDer(c))).commonName);
  } catch {
    return 'unreadable';
  }
  return names.every((name) => /\bTEST\b/i.test(name)) ? 'test-only' : null;
}
