// One signature check for every signed PKI object that is not a CMS (certificates, OCSP responses, CRLs, TSA
// answers): the bytes, the signature value and its algorithm, and the certificate whose key must have made it. The
// same algorithms as everywhere else (verifySignature): NCA's GOST CA signs its OCSP answers and CRLs with GOST.
import type * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { verifySignature } from './signature';

export async function signedBy(
  tbs: Uint8Array, signature: asn1js.BitString, algorithm: pkijs.AlgorithmIdentifier, signer: pkijs.Certificate,
): Promise<boolean> {
  const check = await verifySignature({
    signatureAlgorithm: algorithm.algorithmId,
    publicKey: signer.subjectPublicKeyInfo,
    data: tbs,
    signature: new Uint8Array(signature.valueBlock.valueHexView),
  });
  return check.status === 'valid';
}
