/**
 * The verdict on a parent's signature as the review screens show it (the shared SignatureVerdict shape): the CMS
 * verified over the exact signed bytes against the trusted roots at the time of signing, and the certificate's IIN
 * compared with the parent's IIN in the data. Used for the contract PDF and for the PMPK conclusion alike.
 */
import type { SignatureVerdict } from '../../../domain/api/contracts';
import type { SignatureInfo } from '../../../domain/entities';
import { verifyCms, type VerifiedSigner } from '../../../domain/pki';
import type { SignatureTrust } from './signature-trust';

const none = { valid: false, iinMatches: false, signerName: null, signerIin: null, signedAt: null, detail: null, revocation: null, details: null } as const;

function detailsOf(signer: VerifiedSigner | undefined): SignatureVerdict['details'] {
  if (!signer) return null;
  return {
    algorithm: signer.signatureAlgorithm,
    certificateSerial: signer.serialNumber,
    validFrom: signer.notBefore.toISOString(),
    validTo: signer.notAfter.toISOString(),
    organisation: signer.organisation,
    bin: signer.bin,
    chain: signer.chain,
  };
}

export function missingSignatureVerdict(): SignatureVerdict {
  return { ...none, problem: 'NO_SIGNATURE' };
}

/** When the signed bytes cannot be reproduced, say so with what the server recorded about the signer. */
export function unavailableContentVerdict(signature: SignatureInfo, detail: string): SignatureVerdict {
  return { ...none, signerName: signature.signerFullName, signerIin: signature.signerIin, signedAt: signature.signedAt, problem: 'PDF_UNAVAILABLE', detail };
}

export async function parentSignatureVerdict(
  signature: SignatureInfo | null,
  content: Uint8Array,
  parentIin: string,
  trust: SignatureTrust,
  now = new Date(),
): Promise<SignatureVerdict> {
  if (!signature) return missingSignatureVerdict();
  const result = await verifyCms({
    cms: signature.cms,
    content,
    trustedRoots: trust.trustedRootsPem,
    at: new Date(signature.signedAt),
    expect: { usage: 'sign' },
    digestContent: trust.digestContent,
  });
  if (!result.ok) {
    const signer = result.signer;
    return {
      ...none,
      signerName: signer?.fullName ?? signature.signerFullName,
      signerIin: signer?.iin ?? signature.signerIin,
      signedAt: signature.signedAt,
      iinMatches: (signer?.iin ?? signature.signerIin) === parentIin,
      problem: result.code,
      detail: result.message,
      details: detailsOf(signer),
    };
  }
  // A signature by someone else is still mathematically valid; the IIN line says what is wrong.
  const iinMatches = result.signer.iin === parentIin;
  const live = await trust.revocation(result.signer.path, now);
  // Offline, the server's own check when it accepted the signature is the best answer there is.
  const revocation = live.status === 'not-checked-offline' && signature.revocation ? signature.revocation : live;
  const base = {
    signerName: result.signer.fullName,
    signerIin: result.signer.iin,
    // A verified RFC 3161 genTime outranks the time the signer's own computer asserted.
    signedAt: signature.timestamp?.genTime ?? result.signer.signingTime?.toISOString() ?? signature.signedAt,
    revocation,
  };
  if (revocation.status === 'revoked') {
    return { ...base, valid: false, iinMatches, problem: 'CERT_REVOKED', detail: `revoked ${revocation.revokedAt ?? ''} (${revocation.source ?? ''})`, details: detailsOf(result.signer) };
  }
  return {
    ...base,
    valid: true,
    iinMatches,
    problem: iinMatches ? null : 'WRONG_SIGNER',
    detail: iinMatches ? null : `certificate IIN ${result.signer.iin ?? '—'} ≠ parent IIN`,
    details: detailsOf(result.signer),
  };
}
