// Sign through NCALayer, then check every signature before anything is stored (DESIGN §6).
import { verifyCms, type ContentDigest, type VerifiedSigner, type VerifyExpectations } from '../../../domain/pki';
import { OID, ROLE_OIDS } from '../../../domain/pki/oids';
import type { NcaLayerClient } from './client';
import { NcaLayerError } from './errors';
import { ncaLayerKindForVerifyCode } from '../../../domain/ncalayer-errors';

export interface SignAndVerifyInput {
  documents: Uint8Array[];
  detached: boolean;
  /** Ask for an RFC 3161 timestamp where NCALayer can add one (the server stamps the rest). */
  timestamp?: boolean;
  /** iin = the logged-in user, bin = the organisation, roles allowed for the action, usage sign|auth. */
  // A person's key signs or authenticates; time-stamping keys belong to TSAs, never to NCALayer users.
  expect: VerifyExpectations & { usage: 'sign' | 'auth' };
  trustedRoots: ReadonlyArray<string | Uint8Array>;
  /** How the documents are hashed for the check (default: on this thread). */
  digestContent?: ContentDigest;
  now?: () => Date;
}

export interface SignedDocuments {
  signatures: Uint8Array[];
  signer: VerifiedSigner;
}

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
      ...(input.digestContent ? { digestContent: input.digestContent } : {}),
    });
    if (!result.ok) {
      const kind = ncaLayerKindForVerifyCode(result.code, input.expect.usage, result.got);
      throw new NcaLayerError(kind, `${result.code}: ${result.message}`, result.expected, result.got);
    }
    verified = { signatures, signer: result.signer };
  }
  if (!verified) throw new NcaLayerError('unexpected_reply', 'no signatures');
  return verified;
}
