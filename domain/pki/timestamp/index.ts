// RFC 3161 timestamps of signatures (CAdES-T): request, token verification, embedding into the CMS.
export { buildTimestampRequest, tokenOfReply, type TimestampQuery } from './request';
export { verifyTimestampToken, type TimestampExpectations, type TimestampVerdict, type VerifiedTimestamp } from './verify-token';
export { signatureValueOf, timestampTokenOf, withTimestampToken } from './signer-info';
export { signatureTimestampSchema, type SignatureTimestamp } from './record';
