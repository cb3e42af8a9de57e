// Signature and certificate checks shared by the backend and the server (pure: pkijs + WebCrypto + GOST in TS).
export { inspectCms, verifyCms, type InspectCmsInput, type InspectCmsResult, type SignerVerdict, type VerifyCmsInput, type VerifyCmsResult, type VerifyExpectations, type VerifyFailureCode, type VerifiedSigner } from './verify-cms';
export { verifySignature, verifyIssuedBy, type SignatureAlgorithm, type SignatureCheck, type SignatureInput } from './signature';
export { buildTrustedChain, type ChainResult } from './chain';
export { digestByOid, isScriptDigest, type ContentDigest } from './digest';
export { streebog256, streebog512 } from './gost/streebog';
export { describeCertificate, parseCertificate, allowsUsage, formatDn, type CertificateInfo, type KeyAlgorithm } from './certificate-info';
export { OID, ROLE_OIDS, POLICY_OIDS, roleFromOid, type NcaRole } from './oids';
export { base64ToBytes, bytesToBase64, derToPem, pemBlocks, toDer } from './bytes';
