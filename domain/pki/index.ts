// Signature and certificate checks shared by the backend and the server (pure: pkijs + WebCrypto).
export { verifyCms, type VerifyCmsInput, type VerifyCmsResult, type VerifyExpectations, type VerifyFailureCode, type VerifiedSigner } from './verify-cms';
export { describeCertificate, parseCertificate, allowsUsage, formatDn, type CertificateInfo, type KeyAlgorithm } from './certificate-info';
export { OID, ROLE_OIDS, POLICY_OIDS, roleFromOid, type NcaRole } from './oids';
export { base64ToBytes, bytesToBase64, derToPem, pemBlocks, toDer } from './bytes';
