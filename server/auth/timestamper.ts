/**
 * RFC 3161 timestamps of contract signatures: a token NCALayer attached (tsaProfile) is verified; without one the
 * server asks its configured TSA for a token over the signature value, verifies it and embeds it into the CMS.
 */
import { base64ToBytes, bytesToBase64 } from '../../domain/pki/bytes';
import { httpTransport, type PkiTransport } from '../../domain/pki/revocation';
import {
  buildTimestampRequest, signatureValueOf, timestampTokenOf, tokenOfReply, verifyTimestampToken, withTimestampToken, type SignatureTimestamp,
} from '../../domain/pki/timestamp';

export interface TimestamperConfig {
  tsaUrl: string;
  /** Roots the TSA certificate must chain to. */
  trustedRootsPem: readonly string[];
  /** Policy to ask for; tokens must carry one of `acceptedPolicies` (any when empty). */
  requestPolicy?: string;
  acceptedPolicies?: readonly string[];
  transport?: PkiTransport;
  timeoutMs?: number;
}

export type StampResult =
  | { ok: true; cmsBase64: string; timestamp: SignatureTimestamp }
  | { ok: false; code: 'TIMESTAMP_UNAVAILABLE' | 'TIMESTAMP_INVALID'; message: string; retryable: boolean };

export interface Timestamper {
  stamp(cmsBase64: string): Promise<StampResult>;
}

export function tsaTimestamper(config: TimestamperConfig): Timestamper {
  const transport = config.transport ?? httpTransport(config.timeoutMs ?? 10_000);
  const expectations = { trustedRoots: config.trustedRootsPem, ...(config.acceptedPolicies ? { policies: config.acceptedPolicies } : {}) };
  return {
    async stamp(cmsBase64) {
      const cms = base64ToBytes(cmsBase64);
      const stamped = signatureValueOf(cms);
      const attached = timestampTokenOf(cms);
      if (attached) {
        const verdict = await verifyTimestampToken(attached, { ...expectations, stamped });
        if (!verdict.ok) return { ok: false, code: 'TIMESTAMP_INVALID', message: verdict.reason, retryable: false };
        const { ok: _, ...timestamp } = verdict;
        return { ok: true, cmsBase64, timestamp: { ...timestamp, genTime: verdict.genTime.toISOString(), obtainedBy: 'signer' } };
      }
      const query = await buildTimestampRequest(stamped, config.requestPolicy);
      let token: Uint8Array;
      try {
        token = tokenOfReply(await transport({ url: config.tsaUrl, body: query.der, contentType: 'application/timestamp-query' }));
      } catch (error) {
        return { ok: false, code: 'TIMESTAMP_UNAVAILABLE', message: error instanceof Error ? error.message : String(error), retryable: true };
      }
      const verdict = await verifyTimestampToken(token, { ...expectations, stamped, nonce: query.nonce });
      // Our own TSA sending a bad token is an outage of the TSA, not a fault of the signer: retry later.
      if (!verdict.ok) return { ok: false, code: 'TIMESTAMP_UNAVAILABLE', message: `the TSA's token is not valid: ${verdict.reason}`, retryable: true };
      const { ok: _, ...timestamp } = verdict;
      return {
        ok: true,
        cmsBase64: bytesToBase64(withTimestampToken(cms, token)),
        timestamp: { ...timestamp, genTime: verdict.genTime.toISOString(), obtainedBy: 'server' },
      };
    },
  };
}
