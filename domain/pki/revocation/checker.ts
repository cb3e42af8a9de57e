// The revocation policy: ask OCSP first (configured responders, else the certificate's AIA), fall back to the CRL
// (+ delta CRL) when no responder gives a definitive answer; when neither answers the status is `unavailable` and
// the caller refuses (fail closed). Definitive answers are cached until their nextUpdate (at most `cacheMs`).
import * as pkijs from 'pkijs';
import { formatDn } from '../certificate-info';
import { toArrayBuffer, toHex } from '../bytes';
import { RevocationSourceError } from './authority';
import { isDeltaCrl, readCrl, revocationInCrls } from './crl';
import { buildOcspRequest, readOcspResponse } from './ocsp';
import type { RevocationCheck } from './record';
import { httpTransport, type PkiTransport } from './transport';
import { crlUrlsOf, deltaCrlUrlsOf, ocspUrlsOf } from './urls';

export interface RevocationConfig {
  /** OCSP responders to ask instead of the certificate's authorityInfoAccess (production: NCA's responder). */
  ocspUrls?: readonly string[];
  /** CRLs to read instead of the certificate's cRLDistributionPoints. */
  crlUrls?: readonly string[];
  /** Delta CRLs to read instead of the freshestCRL of the certificate or its base CRL. */
  deltaCrlUrls?: readonly string[];
  transport?: PkiTransport;
  /** Per request; default 5 s. */
  timeoutMs?: number;
  /** How old an answer without nextUpdate may be; default 1 h. */
  maxAnswerAgeMs?: number;
  /** Longest time a definitive answer is reused; default 10 min. */
  cacheMs?: number;
}

export interface RevocationChecker {
  /** `cert` and `issuer` as DER or parsed. */
  check(cert: pkijs.Certificate | Uint8Array, issuer: pkijs.Certificate | Uint8Array, now: Date): Promise<RevocationCheck>;
}

const CACHE_LIMIT = 10_000;

const asCertificate = (c: pkijs.Certificate | Uint8Array) => (c instanceof Uint8Array ? pkijs.Certificate.fromBER(toArrayBuffer(c)) : c);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const reasonOf = (error: unknown) => (error instanceof RevocationSourceError ? error.reason : `unexpected: ${error instanceof Error ? error.message : String(error)}`);

export function createRevocationChecker(config: RevocationConfig = {}): RevocationChecker {
  const transport = config.transport ?? httpTransport(config.timeoutMs ?? 5000);
  const maxAgeMs = config.maxAnswerAgeMs ?? 3600_000;
  const cacheMs = config.cacheMs ?? 600_000;
  const answers = new Map<string, { check: RevocationCheck; until: number }>();
  const crls = new Map<string, { crl: pkijs.CertificateRevocationList; until: number }>();

  function remember<T>(map: Map<string, T>, key: string, value: T): void {
    if (map.size >= CACHE_LIMIT) map.delete(map.keys().next().value!);
    map.set(key, value);
  }

  function cacheUntil(check: RevocationCheck): number {
    const limit = Date.parse(check.checkedAt) + cacheMs;
    // A revocation is final; a good answer holds until the responder's nextUpdate.
    if (check.status === 'revoked') return Number.POSITIVE_INFINITY;
    return check.nextUpdate ? Math.min(limit, Date.parse(check.nextUpdate)) : limit;
  }

  async function askOcsp(cert: pkijs.Certificate, issuer: pkijs.Certificate, url: string, now: Date): Promise<RevocationCheck> {
    const query = await buildOcspRequest(cert, issuer);
    const reply = await transport({ url, body: query.der, contentType: 'application/ocsp-request' });
    const answer = await readOcspResponse(reply, query, issuer, now, maxAgeMs);
    return {
      status: answer.status, method: 'ocsp', source: url, responder: answer.responder, checkedAt: now.toISOString(),
      thisUpdate: iso(answer.thisUpdate), nextUpdate: iso(answer.nextUpdate), revokedAt: iso(answer.revokedAt), failures: [],
    };
  }

  async function loadCrl(url: string, issuer: pkijs.Certificate, now: Date): Promise<pkijs.CertificateRevocationList> {
    const cached = crls.get(url);
    if (cached && cached.until > now.getTime()) return cached.crl;
    const crl = await readCrl(await transport({ url }), issuer, now, maxAgeMs);
    const until = Math.min(now.getTime() + cacheMs, crl.nextUpdate?.value.getTime() ?? Number.POSITIVE_INFINITY);
    remember(crls, url, { crl, until });
    return crl;
  }

  async function readCrls(cert: pkijs.Certificate, issuer: pkijs.Certificate, url: string, now: Date, failures: RevocationCheck['failures']): Promise<RevocationCheck> {
    const base = await loadCrl(url, issuer, now);
    if (isDeltaCrl(base)) throw new RevocationSourceError('a delta CRL was published where the full CRL belongs');
    let delta: { crl: pkijs.CertificateRevocationList; url: string } | null = null;
    for (const deltaUrl of config.deltaCrlUrls ?? deltaCrlUrlsOf(cert, base)) {
      try {
        const candidate = await loadCrl(deltaUrl, issuer, now);
        if (!isDeltaCrl(candidate)) throw new RevocationSourceError('the delta CRL lacks deltaCRLIndicator');
        delta = { crl: candidate, url: deltaUrl };
        break;
      } catch (error) {
        // The base CRL is fresh on its own; a missing delta is recorded, not fatal.
        failures.push({ source: deltaUrl, reason: reasonOf(error) });
      }
    }
    const revokedAt = revocationInCrls(cert, base, delta?.crl ?? null);
    const newest = delta?.crl ?? base;
    return {
      status: revokedAt ? 'revoked' : 'good', method: 'crl', source: delta ? `${url} + ${delta.url}` : url,
      responder: formatDn(base.issuer), checkedAt: now.toISOString(), thisUpdate: iso(newest.thisUpdate.value),
      nextUpdate: iso(newest.nextUpdate?.value ?? null), revokedAt: iso(revokedAt), failures: [],
    };
  }

  return {
    async check(certInput, issuerInput, now) {
      const cert = asCertificate(certInput);
      const issuer = asCertificate(issuerInput);
      const key = `${formatDn(cert.issuer)}#${toHex(new Uint8Array(cert.serialNumber.valueBlock.valueHexView))}`;
      const cached = answers.get(key);
      if (cached && cached.until > now.getTime()) return cached.check;

      const failures: RevocationCheck['failures'] = [];
      const attempts: Array<{ source: string; run: () => Promise<RevocationCheck> }> = [
        ...(config.ocspUrls ?? ocspUrlsOf(cert)).map((url) => ({ source: url, run: () => askOcsp(cert, issuer, url, now) })),
        ...(config.crlUrls ?? crlUrlsOf(cert)).map((url) => ({ source: url, run: () => readCrls(cert, issuer, url, now, failures) })),
      ];
      for (const attempt of attempts) {
        try {
          const result = { ...(await attempt.run()), failures: failures.slice(0, 16) };
          remember(answers, key, { check: result, until: cacheUntil(result) });
          return result;
        } catch (error) {
          failures.push({ source: attempt.source, reason: reasonOf(error) });
        }
      }
      if (attempts.length === 0) failures.push({ source: '-', reason: 'no OCSP responder or CRL is configured or named in the certificate' });
      return {
        status: 'unavailable', method: null, source: null, responder: null, checkedAt: now.toISOString(),
        thisUpdate: null, nextUpdate: null, revokedAt: null, failures: failures.slice(0, 16),
      };
    },
  };
}
