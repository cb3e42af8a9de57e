// The server refuses what the rules forbid: signing without a required document (or with one not approved),
// uploads that are too large, of another type or unreadable, an offer starting in the past, an archive dated
// before the signing or in the future, a head's signature over a contract the parent did not sign themselves.
import { ageAtYearEnd } from '../../../domain/groups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract, ContractDocument, Direction } from '../../../domain/entities';
import { todayInKazakhstan, addCalendarDays } from '../../../domain/calendar';
import { MAX_DOCUMENT_BYTES } from '../../../domain/rules';
import { startServer, type RunningServer } from '../../../server/index';
import { registerWriter } from '../../../server/store/change-horizon';
import { getRow, putRow } from '../../../server/store/entity-store';
import { demoServerOptions } from '../../../demo/server-options';
import { loadKey, type LoadedKey } from '../../fixtures/pki/load';
import { cmsBy, TestServerClient } from '../../support/server-client';

let server: RunningServer;
let head: TestServerClient;
let headSign: LoadedKey;
type State = { contract: Contract; documents: ContractDocument[] };

beforeAll(async () => {
  server = await startServer({ ...(await demoServerOptions({ contractsPerKindergarten: [11, 0, 0], applications: 0, cacheDir: null })), expiryIntervalMs: null });
  head = new TestServerClient(server.url);
  await head.login('kg1-head');
  headSign = await loadKey('kg1-head', 'sign');
}, 120_000);
afterAll(async () => server?.close());

const state = (id: string) => head.getJson<State>(`/v1/dev/contracts/${id}`);
const submit = (id: string, body: unknown) =>
  fetch(`${server.url}/v1/dev/parent/contracts/${id}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Approves the current documents except `skipKind`, then signs: the result of the sign mutation. */
async function approveAndSign(id: string, skipKind: string | null) {
  const { contract, documents } = await state(id);
  const marks = await Promise.all(
    documents.filter((d) => d.current && d.kind !== skipKind).map((d) => head.mutation('contract.markDocument', { contractId: id, documentId: d.id, decision: 'approved' }, contract.version)),
  );
  const pdf = new Uint8Array(await (await head.getBlob(contract.pdfSha256!)).arrayBuffer());
  const sign = await head.mutation('contract.sign', { contractId: id, pdfSha256: contract.pdfSha256, cms: await cmsBy(headSign, pdf, true) }, contract.version);
  return (await head.push([...marks, sign])).results.at(-1)!;
}

describe('rules the server enforces', () => {
  it('refuses to sign while a required document is missing or not approved, naming it', async () => {
    expect((await submit('ctr-kg1-1', { omit: ['health_passport'] })).status).toBe(200);
    const missing = await approveAndSign('ctr-kg1-1', null);
    expect(missing).toMatchObject({ status: 'rejected', code: 'REQUIRED_DOCUMENT_MISSING' });
    expect(missing.message).toContain('Баланың денсаулық паспорты');

    expect((await submit('ctr-kg1-0', {})).status).toBe(200);
    expect((await state('ctr-kg1-0')).documents.map((d) => d.kind)).toContain('certificate_027'); // a voucher contract
    const pending = await approveAndSign('ctr-kg1-0', 'certificate_027');
    expect(pending).toMatchObject({ status: 'rejected', code: 'REQUIRED_DOCUMENT_NOT_APPROVED' });
    expect((await state('ctr-kg1-0')).contract.status).toBe('submitted');
    expect(await approveAndSign('ctr-kg1-0', null)).toMatchObject({ status: 'applied' });
  }, 120_000);

  it('refuses oversize, non-JPEG/PDF and unreadable uploads with kk/ru messages', async () => {
    const jpeg = (size: number) => {
      const bytes = Buffer.alloc(size, 0x20);
      bytes.set([0xff, 0xd8, 0xff], 0);
      bytes.set([0xff, 0xd9], size - 2);
      return bytes.toString('base64');
    };
    const file = (mime: string, base64: string) => ({ files: [{ kind: 'child_photo', fileName: 'photo', mime, base64 }] });
    const cases: [unknown, number, string, string][] = [
      [file('image/jpeg', jpeg(MAX_DOCUMENT_BYTES + 1)), 413, 'FILE_TOO_LARGE', 'Размер загружаемого документа не должен превышать 2 МБ.'],
      [file('image/png', Buffer.from('\x89PNG\r\n').toString('base64')), 415, 'UNSUPPORTED_FILE_TYPE', 'Документы загружаются только в формате JPEG или PDF.'],
      [file('image/jpeg', Buffer.from('not a picture').toString('base64')), 422, 'UNREADABLE_FILE', 'Файл не читается: он повреждён или не является JPEG/PDF.'],
    ];
    for (const [body, status, code, messageRu] of cases) {
      const response = await submit('ctr-kg1-10', body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: unknown }).error).toMatchObject({ code, messageRu });
    }
    expect((await state('ctr-kg1-10')).contract.status).not.toBe('submitted');
    // A file at the limit is accepted.
    expect((await submit('ctr-kg1-10', file('image/jpeg', jpeg(MAX_DOCUMENT_BYTES)))).status).toBe(200);
  }, 120_000);

  it('refuses an offer starting in the past or after the school year', async () => {
    const direction = (await head.bootstrap()).rows.find((r) => r.entity === 'direction')!.data as Direction;
    // A group the direction's child fits, so only the start date decides.
    const group = await head.mutation('group.create', {
      groupId: 'grp-dates', nameKk: 'Күн тобы', nameRu: 'Группа дат', ageYears: ageAtYearEnd(direction.child.birthDate, Number(todayInKazakhstan(new Date()).slice(0, 4))),
      teachingLanguage: direction.teachingLanguage, kind: direction.correctionType ? 'special' : 'ordinary', correctionType: direction.correctionType,
      capacity: 3, specialNeedsLimit: 1,
    }, 0, headSign);
    expect((await head.push([group])).results[0]).toMatchObject({ status: 'applied' });
    const offer = async (startDate: string) =>
      (await head.push([await head.mutation('contract.offer', { directionId: direction.id, contractId: `ctr-${startDate}`, groupId: 'grp-dates', startDate }, direction.version, headSign)])).results[0]!;
    expect(await offer('2020-01-01')).toMatchObject({ status: 'rejected', code: 'START_DATE_IN_PAST' });
    expect(await offer('2031-09-01')).toMatchObject({ status: 'rejected', code: 'START_DATE_OUTSIDE_SCHOOL_YEAR' });
    expect(await offer(todayInKazakhstan(new Date()))).toMatchObject({ status: 'applied' });
  }, 60_000);

  it('refuses an archive dated before the signing or in the future', async () => {
    const { contract } = await state('ctr-kg1-5');
    expect(contract.status).toBe('signed');
    const today = todayInKazakhstan(new Date());
    const archive = async (archivedOn: string) =>
      (await head.push([await head.mutation('contract.archive', { contractId: contract.id, archivedOn, reason: 'moved', comment: null }, contract.version, headSign)])).results[0]!;
    const before = await archive('2019-01-01');
    expect(before).toMatchObject({ status: 'rejected', code: 'ARCHIVE_BEFORE_SIGNING' });
    expect(await archive(addCalendarDays(today, 1))).toMatchObject({ status: 'rejected', code: 'ARCHIVE_IN_FUTURE' });
    expect(await archive(today)).toMatchObject({ status: 'applied' });
  }, 60_000);

  it('refuses to sign a contract the parent did not sign with their own IIN', async () => {
    const { contract } = await state('ctr-kg1-2');
    expect(contract.status).toBe('submitted');
    const pdf = new Uint8Array(await (await head.getBlob(contract.pdfSha256!)).arrayBuffer());
    const original = contract.parentSignature!;
    const setParentCms = (cms: string) =>
      server.db.transaction(async (tx) => {
        await registerWriter(tx);
        const row = (await getRow(tx, 'contract', contract.id))!;
        await putRow(tx, 'contract', row.orgId, { ...row.data, parentSignature: { ...original, cms } });
      });
    // Someone else's valid signature over the very PDF (here the head's own signing key).
    await setParentCms(await cmsBy(headSign, pdf, true));
    const refused = await approveAndSign(contract.id, null);
    expect(refused).toMatchObject({ status: 'rejected', code: 'PARENT_SIGNER_MISMATCH' });
    expect(refused.message).toContain('сертификатындағы ЖСН ата-ананың ЖСН-імен сәйкес емес');
    // A signature that does not cover the PDF.
    await setParentCms(await cmsBy(headSign, new TextEncoder().encode('another document'), true));
    expect(await approveAndSign(contract.id, null)).toMatchObject({ status: 'rejected', code: 'PARENT_SIGNATURE_INVALID' });
    expect((await state(contract.id)).contract.status).toBe('submitted');

    await setParentCms(original.cms);
    expect(await approveAndSign(contract.id, null)).toMatchObject({ status: 'applied' });
  }, 60_000);
});
