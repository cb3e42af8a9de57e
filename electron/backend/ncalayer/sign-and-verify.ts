// Sign through NCALayer, then check every signature before anything is stored (DESIGN §6).
import { verifyCms, type VerifiedSigner, type VerifyExpectations } from '../../../domain/pki';
import { OID, ROLE_OIDS } from '../../../domain/pki/oids';
import type { NcaLayerClient } from './client';
import { NcaLayerError } from './errors';

export interface SignAndVerifyInput {
  documents: Uint8Array[];
  detached: boolean;
  /** Ask for an RFC 3161 timestamp where NCALayer can add one (the server stamps the rest). */
  timestamp?: boolean;
  /** iin = the logged-in user, bin = the organisation, roles allowed for the action, usage sign|auth. */
  expect: VerifyExpectations;
  trustedRoots: ReadonlyArray<string | Uint8Array>;
  now?: () => Date;
}

export interface SignedDocuments {
  signatures: Uint8Array[];
  signer: VerifiedSigner;
  math: 'verified' | 'deferred-to-server';
}

const SIGNER_MISMATCH = new Set(['WRONG_SIGNER', 'WRONG_ORG', 'ROLE_NOT_ALLOWED', 'WRONG_KEY_USAGE']);

export async function signAndVerify(client: NcaLayerClient, input: SignAndVerifyInput): Promise<SignedDocuments> {
  const purpose = input.expect.usage === 'sign' ? OID.ekuEmailProtection : OID.ekuClientAuth;
  const signatures = await client.signCms(input.documents, {
    detached: input.detached,
    ...(input.timestamp ? { timestamp: true } : {}),
    // A UX aid only (NCALayer greys out other keys); the checks below are what counts.
    signer: { extKeyUsageOids: [purpose, ...(input.expect.bin ? [ROLE_OIDS.organisation] : [])], iin: input.expect.iin, bin: input.expect.bin },
  });
  let verified: SignedDocuments | null = null;
  for (const [index, cms] of signatures.entries()) {
    const result = await verifyCms({
      cms, content: input.documents[index], trustedRoots: input.trustedRoots, at: input.now?.() ?? new Date(), expect: input.expect,
    });
    if (!result.ok) {
      const kind = SIGNER_MISMATCH.has(result.code) ? 'wrong_signer' : 'invalid_signature';
      throw new NcaLayerError(kind, `${result.code}: ${result.message}`, result.expected, result.got);
    }
    verified = { signatures, signer: result.signer, math: result.math };
  }
  if (!verified) throw new NcaLayerError('unexpected_reply', 'no signatures');
  return verified;
}
