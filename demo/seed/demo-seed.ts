/**
 * The demo data set (`--demo`): the test organisations and staff of tests/fixtures/pki, directions, contracts in
 * every status with real document scans, contract PDFs signed by the parents' test keys, and PMPK applications.
 * Contract parents are the demo parents that have test keys (a parent may have several children here).
 * `contractsPerKindergarten` scales the first kindergarten for benchmarks.
 */
import type { DocumentKind } from '../../domain/catalogue-ids';
import { correctionTypes } from '../../domain/catalogue-ids';
import type { Contract, ContractDocument, Parent } from '../../domain/entities';
import { TEMPLATE_VERSION } from '../../domain/contract-pdf';
import { makeIin } from '../../domain/identifiers';
import { addCalendarDays, isWorkingDay, todayInKazakhstan } from '../../domain/calendar';
import { offerDeadline, parentSignDeadline } from '../../domain/rules';
import { dueOnOf } from '../../domain/deadline';
import { requiredDocumentsOf } from '../../domain/required-documents';
import { contractStatuses, type ContractStatus } from '../../domain/statuses';
import { TEST_IDENTITIES, TEST_ORGANISATIONS } from '../../tests/fixtures/pki/identities';
import type { ServerDb } from '../../server/db/connect';
import { lockKeys } from '../../server/db/lock-keys';
import { registerWriter } from '../../server/store/change-horizon';
import type { RowWriter } from '../../server/store/row-writer';
import { parentApplySpecialQueue, parentResubmit, parentSubmit, parentWithdraw, reviewDeadline, type ParentTools, type UploadedDocument } from '../parent/parent-actions';
import { SeedBatch } from './seed-batch';
import { SeedGroups } from './demo-groups';
import { childName } from './names';
import { demoParents, parentFullName } from './parent-keys';
import type { DocumentImageFactory } from './document-images';
import { entities } from '../../server/db/schema';
import { sql } from 'drizzle-orm';

export interface SeedOptions {
  contractsPerKindergarten: number[];
  applications: number;
  tools: ParentTools;
  images: DocumentImageFactory;
  /**
   * Benchmark scale (`--seed-scale`): no contract PDFs and no parent signatures, every document of a kind points
   * at one shared synthetic scan, rows are written directly in their final state and flushed in bulk.
   */
  synthetic?: boolean;
}

const roleOf = { ceo: 'head', can_sign: 'signer', employee: 'employee' } as const;
const positionOf = { ceo: 'Заведующая', can_sign: 'Заместитель заведующей (право подписи)', employee: 'Методист' } as const;
/** What a demo parent attaches: the photo, every document the contract's kind requires, the immunisation card. */
export function seedDocumentKinds(contract: Pick<Contract, 'isVoucher' | 'pmpkConclusion'>): DocumentKind[] {
  return [...new Set<DocumentKind>(['child_photo', ...requiredDocumentsOf(contract), 'immunisation_passport'])];
}
/** Contracts seeded concurrently: keeps the PDF workers busy while the main thread codes JPEGs. */
const CONTRACTS_IN_FLIGHT = 8;
/** Contracts per bulk flush in synthetic mode, so 100k contracts never sit in memory at once. */
const SYNTHETIC_FLUSH_EVERY = 2000;

export function seedUpload(images: DocumentImageFactory, cache: ParentTools['cache'], kind: DocumentKind, child: string, detail: string) {
  return cache.get({ jpeg: kind, child, detail }, () => images.render(kind, child, detail)).then(
    (bytes): UploadedDocument => ({ kind, fileName: `${kind}.jpg`, mime: 'image/jpeg', bytes }),
  );
}

export async function seedDemo(db: ServerDb, now: Date, options: SeedOptions): Promise<void> {
  await db.transaction(async (tx) => {
    // Instances starting together on one database: the first seeds, the others find the rows.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKeys.migrations})`);
    const existing = await tx.select({ n: sql<number>`count(*)` }).from(entities);
    if (Number(existing[0]?.n ?? 0) > 0) return; // a data directory keeps its data between runs
    await registerWriter(tx);
    const batch = new SeedBatch();
    await seedOrganisations(batch);
    let serial = 0;
    const kindergartens = TEST_ORGANISATIONS.filter((o) => o.kind === 'kindergarten');
    const groups = new SeedGroups(Number(todayInKazakhstan(now).slice(0, 4)));
    groups.plan(kindergartens.map((o) => o.key));
    for (const [k, org] of kindergartens.entries()) {
      const count = options.contractsPerKindergarten[k] ?? 0;
      const contracts = Array.from({ length: count }, (_, i) => ({ n: serial++, status: contractStatuses[i % contractStatuses.length]! }));
      if (options.synthetic) {
        for (const [i, c] of contracts.entries()) {
          await seedSyntheticContract(batch, options, groups, org.key, c.n, c.status, now);
          if (i % SYNTHETIC_FLUSH_EVERY === SYNTHETIC_FLUSH_EVERY - 1) await batch.flush(tx);
        }
      } else {
        await inParallel(contracts, CONTRACTS_IN_FLIGHT, (c) => seedContract(batch, options, groups, org.key, c.n, c.status, now));
      }
      for (let i = 0; i < Math.ceil(count / 10); i++) await seedDirection(batch, org.key, serial++, now);
    }
    for (let i = 0; i < options.applications; i++) await seedApplication(batch, options, serial++, now);
    await groups.putRows(batch);
    await batch.flush(tx);
    await groups.writePlaces(tx);
  });
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

async function seedOrganisations(store: RowWriter) {
  for (const org of TEST_ORGANISATIONS) {
    const head = TEST_IDENTITIES.find((i) => i.org === org.key && i.role === 'ceo') ?? TEST_IDENTITIES.find((i) => i.org === org.key)!;
    await store.put('organisation', org.key, {
      id: org.key, kind: org.kind, bin: org.bin, nameKk: org.nameKk, nameRu: org.nameRu,
      address: 'г. Астана, район Есиль, ул. Сығанақ, 10', headFullName: `${head.surname} ${head.name} ${head.patronymic}`,
      region: 'Астана', locality: 'Астана',
    });
  }
  for (const person of TEST_IDENTITIES) {
    const role = person.role as string;
    if (!person.org || !(role in roleOf)) continue;
    const staffRole = role as keyof typeof roleOf;
    await store.put('staff', person.org, {
      id: `staff-${person.key}`, orgId: person.org, iin: person.iin, fullName: `${person.surname} ${person.name} ${person.patronymic}`,
      position: positionOf[staffRole], roles: [roleOf[staffRole]],
    });
  }
}

/** A valid IIN: about one serial in eleven has no check digit (makeIin gives null), so the next one is taken. */
function seedIin(birthDate: string, sex: 'male' | 'female', n: number): string {
  for (let k = 0; ; k++) {
    const iin = makeIin(birthDate, sex, (n + k) % 10_000);
    if (iin) return iin;
  }
}

/** A child born 2020–2022; `youngerByDays` shifts the birth later (directions also bring nursery-age children). */
function seedChild(n: number, youngerByDays = 0) {
  const person = childName(n);
  const birthDate = addCalendarDays('2020-03-01', ((n * 37) % 900) + youngerByDays);
  return { ...person, iin: seedIin(birthDate, person.sex, n), birthDate };
}

function seedParent(n: number): Parent {
  const p = demoParents[n % demoParents.length]!;
  return {
    fullName: parentFullName(p), iin: p.iin, idDocumentNumber: String(40_000_000 + n * 7919).slice(0, 9),
    address: `г. Астана, ул. Кенесары, ${n % 90 + 1}, кв. ${n % 120 + 1}`, phone: `+7 701 ${String(1000000 + n * 7919).slice(-7)}`,
    workplace: 'ТОО «Астана Сервис»', position: 'Бухгалтер',
  };
}

/** The k-th working day before today (0 = the last working day up to today): demo events happen on weekdays. */
function workingDaysBefore(now: Date, k: number): string {
  let day = todayInKazakhstan(now);
  while (!isWorkingDay(day)) day = addCalendarDays(day, -1);
  for (let left = k; left > 0; ) {
    day = addCalendarDays(day, -1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/**
 * When the parent of contract `n` submitted: spread over the last seven working days in office hours, so review
 * deadlines differ and some are already overdue, as in a real inbox.
 */
function submittedInstant(now: Date, n: number): Date {
  const day = workingDaysBefore(now, n % 7);
  const at = new Date(`${day}T${String(3 + (n % 8)).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')}:00Z`);
  return at < now ? at : now;
}

async function seedDirection(store: RowWriter, orgId: string, n: number, now: Date) {
  const child = seedChild(n, n % 2 ? 730 : 0);
  const parent = seedParent(n);
  const issuedOn = workingDaysBefore(now, n % 4);
  await store.put('direction', orgId, {
    id: `dir-${orgId}-${n}`, orgId, number: `НП-${2026}-${String(n).padStart(5, '0')}`, status: 'awaiting_offer', child,
    parentFullName: parent.fullName, parentIin: parent.iin, parentPhone: parent.phone, isVoucher: n % 5 === 0,
    teachingLanguage: n % 3 === 2 ? 'ru' : 'kk', correctionType: n % 7 === 0 ? 'speech' : null, issuedOn, offerDueOn: dueOnOf(offerDeadline(issuedOn)),
    offerDueBasis: offerDeadline(issuedOn), voucherApplicationId: null,
  });
}

function offeredContract(groups: SeedGroups, orgId: string, n: number, finalStatus: ContractStatus, now: Date): Omit<Contract, 'version'> {
  const child = seedChild(n);
  const parent = seedParent(n);
  const offeredOn = addCalendarDays(todayInKazakhstan(now), -((n % 6) + 1));
  const id = `ctr-${orgId}-${n}`;
  const teachingLanguage = n % 3 === 2 ? 'ru' : 'kk';
  return {
    id, number: `ДГ-${orgId.toUpperCase()}-${String(n).padStart(5, '0')}`, orgId, directionId: null,
    status: 'offer_sent', reworkCount: 0, round: 0, isVoucher: n % 5 === 0, pmpkConclusion: false,
    child, parent: { ...parent, idDocumentNumber: '', address: '', workplace: '', position: '' },
    bank: n % 5 === 0 ? { iban: 'KZ86125KZT5004100100', bic: 'HSBKKZKX', bankName: 'АО «Народный Банк Казахстана»' } : null,
    group: groups.assign({ id, orgId, child, teachingLanguage }, finalStatus), teachingLanguage,
    startDate: '2026-09-01', offeredOn, submittedAt: null, dueOn: dueOnOf(parentSignDeadline(offeredOn)), dueBasis: parentSignDeadline(offeredOn), templateVersion: TEMPLATE_VERSION,
    pdfSha256: null, parentSignature: null, headSignature: null, signedAt: null, rejectReason: null, rejectComment: null,
    archivedOn: null, archiveReason: null, updatedAt: now.toISOString(),
  };
}

/** Statuses whose contract went through a kindergarten review (documents approved or one flagged). */
const reviewedStatuses: readonly ContractStatus[] = ['rework_requested', 'resubmitted', 'signed', 'rejected', 'archived'];
const flaggedStatuses: readonly ContractStatus[] = ['rework_requested', 'resubmitted'];

/** Fields of a contract decided by kindergarten staff earlier (the head's signature is not reproduced in the seed). */
function decidedFields(status: ContractStatus, now: Date): Partial<Contract> {
  if (status === 'rejected') return { rejectReason: 'age_mismatch', rejectComment: null, dueOn: null };
  if (status === 'archived') return { signedAt: now.toISOString(), archivedOn: todayInKazakhstan(now), archiveReason: 'moved', dueOn: null };
  if (status === 'signed') return { signedAt: now.toISOString(), dueOn: null };
  return {};
}

function reviewedDocument(d: Omit<ContractDocument, 'version'>, flag: boolean, now: Date): Omit<ContractDocument, 'version'> {
  return {
    ...d, reviewStatus: flag ? 'flagged' : 'approved', flagReason: flag ? 'unreadable' : null, flagComment: null,
    reviewedByIin: TEST_IDENTITIES[2].iin, reviewedAt: now.toISOString(),
  };
}

async function seedContract(store: RowWriter, options: SeedOptions, groups: SeedGroups, orgId: string, n: number, status: ContractStatus, now: Date) {
  const base = offeredContract(groups, orgId, n, status, now);
  let row = await store.put('contract', orgId, base);
  if (status === 'offer_sent') return;
  if (status === 'awaiting_parent' || status === 'expired') {
    await store.put('contract', orgId, { ...row.data, status, dueOn: status === 'expired' ? null : row.data.dueOn });
    return;
  }
  const { child } = base;
  const uploads = await Promise.all(seedDocumentKinds(base).map((k) => seedUpload(options.images, options.tools.cache, k, child.fullName, `ИИН ${child.iin}`)));
  await parentSubmit(store, options.tools, row, seedParent(n), uploads, submittedInstant(now, n));
  row = (await store.get('contract', row.id))!;
  if (status === 'submitted') return;
  if (status === 'withdrawn') {
    await parentWithdraw(store, row, now);
    return;
  }
  const docs = (await store.listWhere('contractDocument', 'contractId', row.id)).map((d) => d.data);
  const flagged = flaggedStatuses.includes(status);
  for (const [i, d] of docs.entries()) await store.put('contractDocument', orgId, reviewedDocument(d, flagged && i === 1, now));
  if (flagged) {
    row = await store.put('contract', orgId, { ...row.data, status: 'rework_requested', reworkCount: 1 });
    if (status === 'resubmitted') {
      const replacement = (d: ContractDocument): UploadedDocument => ({
        kind: d.kind, fileName: `${d.kind}-2.jpg`, mime: 'image/jpeg', bytes: options.images.render(d.kind, child.fullName, 'повторно / қайта'),
      });
      await parentResubmit(store, options.tools, row, replacement, now);
    }
    return;
  }
  await store.put('contract', orgId, { ...row.data, ...decidedFields(status, now), status });
}

/** A scale-mode contract: its final rows written directly, documents sharing one synthetic scan per kind. */
async function seedSyntheticContract(store: RowWriter, options: SeedOptions, groups: SeedGroups, orgId: string, n: number, status: ContractStatus, now: Date) {
  const base = offeredContract(groups, orgId, n, status, now);
  if (status === 'offer_sent' || status === 'awaiting_parent' || status === 'expired') {
    await store.put('contract', orgId, { ...base, status, dueOn: status === 'expired' ? null : base.dueOn });
    return;
  }
  const reviewed = reviewedStatuses.includes(status);
  const flagged = flaggedStatuses.includes(status);
  for (const [i, kind] of seedDocumentKinds(base).entries()) {
    const upload = await seedUpload(options.images, options.tools.cache, kind, 'ОБРАЗЕЦ ОБРАЗЕЦ ОБРАЗЕЦ', 'синтетический документ');
    const document: Omit<ContractDocument, 'version'> = {
      id: `doc-${base.id}-${kind}`, contractId: base.id, kind, round: 1, current: true, fileName: upload.fileName, mime: upload.mime,
      size: upload.bytes.length, sha256: await store.putBlob(upload.bytes, upload.mime, [orgId]), reviewStatus: 'pending',
      flagReason: null, flagComment: null, reviewedByIin: null, reviewedAt: null,
    };
    await store.put('contractDocument', orgId, reviewed ? reviewedDocument(document, flagged && i === 1 && status === 'rework_requested', now) : document);
  }
  const submittedAt = now.toISOString();
  await store.put('contract', orgId, {
    ...base, ...decidedFields(status, now), status, submittedAt, round: status === 'resubmitted' ? 2 : 1,
    reworkCount: flagged ? 1 : 0, parent: seedParent(n),
    ...(status === 'submitted' || flagged ? reviewDeadline(todayInKazakhstan(now)) : { dueOn: null, dueBasis: null }),
  });
}

async function seedApplication(store: RowWriter, options: SeedOptions, n: number, now: Date) {
  const parent = seedParent(n);
  await parentApplySpecialQueue(store, options.tools, {
    id: `sq-${n}`, number: `ПМПК-${String(n).padStart(5, '0')}`, child: seedChild(n), parentIin: parent.iin, parentFullName: parent.fullName,
    parentPhone: parent.phone, correctionType: correctionTypes[n % correctionTypes.length]!, locality: 'Астана', kindergartens: ['kg1', 'kg2'],
    teachingLanguage: n % 3 === 2 ? 'ru' : 'kk', conclusionDate: addCalendarDays(todayInKazakhstan(now), -(n % 60) - 5),
    submittedAt: new Date(now.getTime() - (n + 1) * 3_600_000).toISOString(),
  }, { sign: !options.synthetic, now });
}
