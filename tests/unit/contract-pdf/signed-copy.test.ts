import { beforeAll, describe, expect, it } from 'vitest';
import {
  bundleSignatureName,
  BUNDLE_CONTRACT_NAME,
  contractSignatures,
  regenerateSignedContract,
  renderContractPdf,
  renderSignedCopy,
  sha256Hex,
  signedCopyBundle,
  type ContractFonts,
  type ContractPdfData,
  type SignedCopySignature,
} from '../../../domain/contract-pdf';
import { sampleContractPdfData } from '../../../demo/contract-sample';
import { sampleContract, sampleOrganisation } from '../../fixtures/contract-pdf/sample';
import type { Contract, SignatureInfo } from '../../../domain/entities';
import { bytesToBase64 } from '../../../domain/pki/bytes';
import { describeCertificate, parseCertificate } from '../../../domain/pki/certificate-info';
import { signCms } from '../../fixtures/pki/sign-cms';
import { loadKey, type LoadedKey } from '../../fixtures/pki/load';
import { opensslVerifies } from '../pki/openssl';
import { attachment, pdfText } from './tools';

let fonts: ContractFonts;
let data: ContractPdfData;
let pdf: Uint8Array;
let pdfSha: string;
let signatures: SignedCopySignature[];
const cms = new Map<string, Uint8Array>();

/** Signs like the NCALayer emulator does (CAdES-BES, detached) with a demo key of the test PKI. */
async function sign(key: LoadedKey, content: Uint8Array, signedAt: string): Promise<{ der: Uint8Array; info: SignatureInfo }> {
  const der = await signCms({ content, privateKey: key.privateKey, certificate: key.certDer, chain: key.chainDer, detached: true, signingTime: new Date(signedAt) });
  const cert = describeCertificate(parseCertificate(key.certDer));
  const { identity } = key;
  return {
    der,
    info: {
      cms: bytesToBase64(der),
      signerIin: identity.iin,
      signerFullName: `${identity.surname} ${identity.name} ${identity.patronymic}`,
      signerBin: cert.bin ?? null,
      certSerial: cert.serialNumber,
      signedAt,
    },
  };
}

beforeAll(async () => {
  const { loadContractFonts } = await import('../../../node-adapters/fonts');
  fonts = await loadContractFonts();
  data = sampleContractPdfData();
  pdf = await renderContractPdf(data, fonts);
  pdfSha = await sha256Hex(pdf);
  const parent = await sign(await loadKey('parent-01', 'sign'), pdf, '2026-08-18T06:30:00Z');
  const head = await sign(await loadKey('kg1-head', 'sign'), pdf, '2026-08-20T09:03:11Z');
  cms.set('parent', parent.der).set('organisation', head.der);
  signatures = [
    { party: 'parent', signature: parent.info },
    { party: 'organisation', signature: head.info },
  ];
});

describe('signatures over the contract PDF', () => {
  it('a detached CMS made over the exact bytes verifies with openssl cms -verify -binary -content', () => {
    expect(opensslVerifies(cms.get('parent')!, pdf)).toBe(true);
    expect(opensslVerifies(cms.get('organisation')!, pdf)).toBe(true);
  });

  it('does not verify over bytes regenerated from changed data', async () => {
    const changed = await renderContractPdf({ ...data, child: { ...data.child, birthDate: '2022-03-15' } }, fonts);
    expect(opensslVerifies(cms.get('organisation')!, changed)).toBe(false);
  });
});

describe('renderSignedCopy', () => {
  it('appends a «Қолтаңбалар / Подписи» page with each signer, IIN, BIN, serial, time and the document hash', async () => {
    const copy = await renderSignedCopy(pdf, signatures, fonts);
    const originalPages = Number(pdfText(pdf).match(/стр\. \d+ \/ (\d+)/)?.[1]);
    const last = pdfText(copy, { first: originalPages + 1, last: originalPages + 1 });
    // Long hex values (serials, hashes) wrap inside their column; compare them without whitespace.
    const compact = last.replace(/\s+/g, '');
    expect(last).toContain('Қолтаңбалар / Подписи');
    for (const { signature } of signatures) {
      expect(last).toContain(signature.signerFullName);
      expect(last).toContain(signature.signerIin);
      expect(compact).toContain(signature.certSerial);
    }
    expect(last).toContain(signatures[1]!.signature.signerBin!);
    expect(last).toContain('20.08.2026 14:03:11 (UTC+5)');
    expect(compact).toContain(pdfSha);
    expect(await sha256Hex(await renderSignedCopy(pdf, signatures, fonts))).toBe(await sha256Hex(copy));
  });

  it('bundles the original bytes and both CMS as attachments that still verify', async () => {
    const bundle = await signedCopyBundle(pdf, signatures, fonts);
    const original = attachment(bundle, BUNDLE_CONTRACT_NAME);
    expect(await sha256Hex(original)).toBe(pdfSha);
    for (const party of ['parent', 'organisation'] as const) {
      expect(opensslVerifies(attachment(bundle, bundleSignatureName(party)), original)).toBe(true);
    }
  });
});

describe('regenerateSignedContract', () => {
  const org = sampleOrganisation();
  const data0 = sampleContractPdfData;
  const contract = (pdfSha256: string | null, overrides: Partial<Contract> = {}): Contract =>
    sampleContract(pdfSha256, { parentSignature: signatures[0]!.signature, ...overrides });

  it('returns the same bytes the parent signed when the recorded hash matches', async () => {
    const result = await regenerateSignedContract(contract(pdfSha), org, fonts);
    expect(result.ok && result.sha256).toBe(pdfSha);
    expect(contractSignatures(contract(pdfSha)).map((s) => s.party)).toEqual(['parent']);
  });

  it('refuses when the synced data no longer gives the signed bytes', async () => {
    const changed = contract(pdfSha, { parent: { ...data0().parent, address: 'Астана қ., басқа мекенжай' } });
    const result = await regenerateSignedContract(changed, org, fonts);
    expect(result).toMatchObject({ ok: false, problem: 'hash_mismatch', expected: pdfSha });
  });

  it('refuses without a recorded hash or with an unknown template version', async () => {
    expect(await regenerateSignedContract(contract(null), org, fonts)).toMatchObject({ ok: false, problem: 'no_recorded_hash' });
    expect(await regenerateSignedContract(contract(pdfSha, { templateVersion: '2024.1' }), org, fonts)).toMatchObject({
      ok: false,
      problem: 'template_unavailable',
    });
  });
});
