export { NcaLayerClient, DEFAULT_NCALAYER_URL, type NcaLayerClientOptions, type SignCmsOptions, type SignerFilter } from './client';
export { NcaLayerError } from './errors';
export { signAndVerify, type SignAndVerifyInput, type SignedDocuments } from './sign-and-verify';
