// Revocation of certificates (OCSP, CRL + delta CRL) shared by the server and the desktop's online check.
export { createRevocationChecker, type RevocationChecker, type RevocationConfig } from './checker';
export { revocationCheckSchema, revocationStatusSchema, type RevocationCheck, type RevocationStatus } from './record';
export { httpTransport, type PkiTransport, type PkiHttpRequest } from './transport';
