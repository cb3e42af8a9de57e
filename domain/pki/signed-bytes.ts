// One signature check for every signed PKI object that is not a CMS (certificates, OCSP responses, CRLs, TSA
// answers): the bytes, the signature value and its algorithm, and the certificate whose key must have made it.
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from './bytes';
import { ensurePkiEngine } from './engine';

export async function signedBy(
  tbs: Uint8Array, signature: asn1js.BitString, algorithm: pkijs.AlgorithmIdentifier, signer: pkijs.Certificate,
): Promise<boolean> {
  ensurePkiEngine();
  try {
    return await pkijs.getCrypto(true).verifyWithPublicKey(toArrayBuffer(tbs), signature, signer.subjectPublicKeyInfo, algorithm);
  } catch {
    return false;
  }
}
