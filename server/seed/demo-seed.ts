/**
 * The demo data set (`--demo`): the test organisations and staff of tests/fixtures/pki, directions, contracts in
 * every status with real document scans, contract PDFs signed by the parents' test keys, and PMPK applications.
 * Contract parents are the demo parents that have test keys (a parent may have several children here).
 * `contractsPerKindergarten` scales the first kindergarten for benchmarks.
 */
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { DocumentKind } from '../../domain/catalogue-ids';
import { correctionTypes } from '../../domain/catalogue-ids';
import type { Contract, Parent } from '../../domain/entities';
import { TEMPLATE_VERSION } from '../../domain/contract-pdf';
import { makeIin } from '../../domain/identifiers';
import { addCalendarDays, todayInKazakhstan } from '../../domain/calendar';
import { offerDueOn, parentSignDueOn } from '../../domain/rules';
import { contractStatuses, type ContractStatus } from '../../domain/statuses';
import { TEST_IDENTITIES, TEST_ORGANISATIONS } from '../../tests/fixtures/pki/identities';
import { lockWrites, type ServerDb, type ServerTx } from '../db/connect';
import { putBlob } from '../blobs/store';
import { getRow, putRow } from '../store/entity-store';
import { parentResubmit, parentSubmit, parentWithdraw, type ParentTools, type UploadedDocument } from '../dev/parent-actions';
import { currentDocuments } from '../mutations/contract-state';
import { childName } from './names';
import { demoParents, parentFullName } from './parent-keys';
import type { DocumentImageFactory } from './document-images';
import { entities } from '../db/schema';
import { sql } from 'drizzle-orm';

export interface SeedOptions {
  contractsPerKindergarten: number[];
  applications: number;
  tools: ParentTools;
  images: DocumentImageFactory;
  fontBytes: Uint8Array;
}

const roleOf = { ceo: 'head', can_sign: 'signer', employee: 'employee' } as const;
const positionOf = { ceo: 'Заведующая', can_sign: 'Заместитель заведующей (право подписи)', employee: 'Методист' } as const;
export const SEED_DOCUMENT_KINDS: readonly DocumentKind[] = ['child_photo', 'birth_certificate', 'parent_id', 'health_passport', 'immunisation_passport'];

export function seedUpload(images: DocumentImageFactory, cache: ParentTools['cache'], kind: DocumentKind, child: string, detail: string) {
  return cache.get({ jpeg: kind, child, detail }, () => images.render(kind, child, detail)).then(
    (bytes): UploadedDocument => ({ kind, fileName: `${kind}.jpg`, mime: 'image/jpeg', bytes }),
  );
}

export async function seedDemo(db: ServerDb, now: Date, options: SeedOptions): Promise<void> {
  const existing = await db.select({ n: sql<number>`count(*)` }).from(entities);
  if (Number(existing[0]?.n ?? 0) > 0) return; // a data directory keeps its data between runs
  await db.transaction(async (tx) => {
    await lockWrites(tx);
    await seedOrganisations(tx);
    let serial = 0;
    const kindergartens = TEST_ORGANISATIONS.filter((o) => o.kind === 'kindergarten');
    for (const [k, org] of kindergartens.entries()) {
      const count = options.contractsPerKindergarten[k] ?? 0;
      for (let i = 0; i < count; i++) await seedContract(tx, options, org.key, serial++, contractStatuses[i % contractStatuses.length]!, now);
      for (let i = 0; i < Math.ceil(count / 10); i++) await seedDirection(tx, org.key, serial++, now);
    }
    for (let i = 0; i < options.applications; i++) await seedApplication(tx, options, serial++, now);
  });
}

async function seedOrganisations(tx: ServerTx) {
  for (const org of TEST_ORGANISATIONS) {
    const head = TEST_IDENTITIES.find((i) => i.org === org.key && i.role === 'ceo') ?? TEST_IDENTITIES.find((i) => i.org === org.key)!;
    await putRow(tx, 'organisation', org.key, {
      id: org.key, kind: org.kind, bin: org.bin, nameKk: org.nameKk, nameRu: org.nameRu,
      address: 'г. Астана, район Есиль, ул. Сығанақ, 10', headFullName: `${head.surname} ${head.name} ${head.patronymic}`,
      region: 'Астана', locality: 'Астана',
    });
  }
  for (const person of TEST_IDENTITIES) {
    const role = person.role as string;
    if (!person.org || !(role in roleOf)) continue;
    const staffRole = role as keyof typeof roleOf;
    await putRow(tx, 'staff', person.org, {
      id: `staff-${person.key}`, orgId: person.org, iin: person.iin, fullName: `${person.surname} ${person.name} ${person.patronymic}`,
      position: positionOf[staffRole], roles: [roleOf[staffRole]],
    });
  }
}

function seedChild(n: number) {
  const person = childName(n);
  const birthDate = addCalendarDays('2020-03-01', (n * 37) % 900);
  return { ...person, iin: makeIin(birthDate, person.sex, 1000 + n)!, birthDate };
}

function seedParent(n: number): Parent {
  const p = demoParents[n % demoParents.length]!;
  return {
    fullName: parentFullName(p), iin: p.iin, idDocumentNumber: String(40_000_000 + n * 7919).slice(0, 9),
    address: `г. Астана, ул. Кенесары, ${n % 90 + 1}, кв. ${n % 120 + 1}`, phone: `+7 701 ${String(1000000 + n * 7919).slice(-7)}`,
    workplace: 'ТОО «Астана Сервис»', position: 'Бухгалтер',
  };
}

async function seedDirection(tx: ServerTx, orgId: string, n: number, now: Date) {
  const child = seedChild(n);
  const parent = seedParent(n);
  const issuedOn = addCalendarDays(todayInKazakhstan(now), -(n % 4));
  await putRow(tx, 'direction', orgId, {
    id: `dir-${orgId}-${n}`, orgId, number: `НП-${2026}-${String(n).padStart(5, '0')}`, status: 'awaiting_offer', child,
    parentFullName: parent.fullName, parentIin: parent.iin, parentPhone: parent.phone, isVoucher: n % 5 === 0,
    issuedOn, offerDueOn: offerDueOn(issuedOn),
  });
}

async function seedContract(tx: ServerTx, options: SeedOptions, orgId: string, n: number, status: ContractStatus, now: Date) {
  const child = seedChild(n);
  const parent = seedParent(n);
  const offeredOn = addCalendarDays(todayInKazakhstan(now), -((n % 6) + 1));
  const base: Omit<Contract, 'version'> = {
    id: `ctr-${orgId}-${n}`, number: `ДГ-${orgId.toUpperCase()}-${String(n).padStart(5, '0')}`, orgId, directionId: null,
    status: 'offer_sent', reworkCount: 0, round: 0, isVoucher: n % 5 === 0,
    child, parent: { ...parent, idDocumentNumber: '', address: '', workplace: '', position: '' },
    bank: n % 5 === 0 ? { iban: 'KZ86125KZT5004100100', bic: 'HSBKKZKX', bankName: 'АО «Народный Банк Казахстана»' } : null,
    group: n % 2 ? 'Средняя группа «Балапан»' : 'Старшая группа «Күншуақ»', teachingLanguage: n % 3 === 2 ? 'ru' : 'kk',
    startDate: '2026-09-01', offeredOn, submittedAt: null, dueOn: parentSignDueOn(offeredOn), templateVersion: TEMPLATE_VERSION,
    pdfSha256: null, parentSignature: null, headSignature: null, signedAt: null, rejectReason: null, rejectComment: null,
    archivedOn: null, archiveReason: null, updatedAt: now.toISOString(),
  };
  let row = await putRow(tx, 'contract', orgId, base);
  if (status === 'offer_sent') return;
  if (status === 'awaiting_parent' || status === 'expired') {
    await putRow(tx, 'contract', orgId, { ...row.data, status, dueOn: status === 'expired' ? null : row.data.dueOn });
    return;
  }
  const uploads = await Promise.all(SEED_DOCUMENT_KINDS.map((k) => seedUpload(options.images, options.tools.cache, k, child.fullName, `ИИН ${child.iin}`)));
  await parentSubmit(tx, options.tools, row, parent, uploads, now);
  row = (await getRow(tx, 'contract', row.id))!;
  if (status === 'submitted') return;
  if (status === 'withdrawn') {
    await parentWithdraw(tx, row, now);
    return;
  }
  const docs = await currentDocuments(tx, row.id);
  const reviewed = status === 'rework_requested' || status === 'resubmitted';
  for (const [i, d] of docs.entries()) {
    const flag = reviewed && i === 1;
    await putRow(tx, 'contractDocument', orgId, {
      ...d, reviewStatus: flag ? 'flagged' : 'approved', flagReason: flag ? 'unreadable' : null, flagComment: null,
      reviewedByIin: TEST_IDENTITIES[2].iin, reviewedAt: now.toISOString(),
    });
  }
  if (reviewed) {
    await putRow(tx, 'contract', orgId, { ...row.data, status: 'rework_requested', reworkCount: 1 });
    if (status === 'resubmitted') {
      row = (await getRow(tx, 'contract', row.id))!;
      await parentResubmit(tx, options.tools, row, (d) => ({ kind: d.kind, fileName: `${d.kind}-2.jpg`, mime: 'image/jpeg', bytes: options.images.render(d.kind, child.fullName, 'повторно / қайта') }), now);
    }
    return;
  }
  // signed, rejected, archived: decided by kg staff earlier (the head's signature is not reproduced in the seed).
  const decided: Partial<Contract> =
    status === 'rejected' ? { rejectReason: 'age_mismatch', rejectComment: null }
    : status === 'archived' ? { signedAt: now.toISOString(), archivedOn: todayInKazakhstan(now), archiveReason: 'moved' }
    : { signedAt: now.toISOString() };
  await putRow(tx, 'contract', orgId, { ...row.data, ...decided, status, dueOn: null });
}

async function conclusionPdf(fontBytes: Uint8Array, child: string, number: string, type: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await doc.embedFont(fontBytes, { subset: true });
  const page = doc.addPage([595, 842]);
  const lines = ['ЗАКЛЮЧЕНИЕ ПМПК / ПМПК ҚОРЫТЫНДЫСЫ', `№ ${number}`, `Ребёнок / Бала: ${child}`, `Тип коррекции: ${type}`, 'ОБРАЗЕЦ · ҮЛГІ (демо)'];
  lines.forEach((text, i) => page.drawText(text, { x: 50, y: 780 - i * 30, size: i === 0 ? 16 : 12, font }));
  return doc.save();
}

async function seedApplication(tx: ServerTx, options: SeedOptions, n: number, now: Date) {
  const child = seedChild(n);
  const parent = seedParent(n);
  const number = `ПМПК-${String(n).padStart(5, '0')}`;
  const correctionType = correctionTypes[n % correctionTypes.length]!;
  const pdf = await options.tools.cache.get({ conclusion: number, child: child.fullName }, () => conclusionPdf(options.fontBytes, child.fullName, number, correctionType));
  const sha = await putBlob(tx, pdf, 'application/pdf', ['pmpk1']);
  const submittedAt = new Date(now.getTime() - (n + 1) * 3_600_000).toISOString();
  const signed = await options.tools.keyring.sign(parent.iin, pdf, true, now);
  await putRow(tx, 'specialQueueApplication', 'pmpk1', {
    id: `sq-${n}`, number, pmpkOrgId: 'pmpk1', status: 'awaiting_confirmation', child, parentFullName: parent.fullName,
    parentIin: parent.iin, parentPhone: parent.phone, correctionType, confirmedCorrectionType: null, conclusionNumber: number,
    conclusionDate: addCalendarDays(todayInKazakhstan(now), -(n % 60) - 5), conclusionSha256: sha, conclusionMime: 'application/pdf',
    conclusionSize: pdf.length, locality: 'Астана', kindergartens: ['kg1', 'kg2'], teachingLanguage: n % 3 === 2 ? 'ru' : 'kk',
    submittedAt, queuePlace: null, decidedByFullName: null, decidedAt: null, rejectReason: null, rejectComment: null, note: null,
    parentSignature: signed ? { cms: signed.cms, signerIin: parent.iin, signerFullName: parent.fullName, signerBin: null, certSerial: signed.key.alias || 'test', signedAt: now.toISOString() } : null,
  });
}
