/** A real encrypted replica DB (all migrations) with contracts written the way the sync engine writes them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenedDatabase } from '../../../db/open';
import type { Contract, ContractDocument, Direction } from '../../../domain/entities';
import { Outbox } from '../../../electron/backend/sync/outbox';
import { Replica } from '../../../electron/backend/sync/replica';

export interface TestReplica {
  db: OpenedDatabase;
  replica: Replica;
  outbox: Outbox;
  close(): void;
}

export function openTestReplica(): TestReplica {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-inbox-'));
  const db = openDatabase({ file: path.join(dir, 'qabyl.db'), key: randomBytes(32), migrationsFolder: path.resolve('db/migrations') });
  return {
    db,
    replica: new Replica(db.sqlite),
    outbox: new Outbox(db.sqlite, () => new Date('2026-03-02T06:00:00Z')),
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let seq = 0;
const iin = (n: number) => String(100000000000 + n).slice(-12);

export function contract(n: number, over: Partial<Contract> = {}): Contract {
  return {
    id: `c-${n}`,
    number: `ДГ-KG1-${String(n).padStart(5, '0')}`,
    orgId: 'kg1',
    directionId: null,
    status: 'submitted',
    version: 1,
    reworkCount: 0,
    round: 1,
    isVoucher: false,
    child: { fullName: `Бала ${n}`, iin: iin(n), birthDate: '2021-05-01', sex: 'female' },
    parent: { fullName: `Ата-ана ${n}`, iin: iin(900000 + n), idDocumentNumber: '', address: '', phone: '', workplace: '', position: '' },
    bank: null,
    group: { id: 'grp-1', nameKk: 'Балапан', nameRu: 'Балапан' },
    teachingLanguage: 'kk',
    startDate: '2026-09-01',
    offeredOn: '2026-02-20',
    submittedAt: '2026-02-25T05:00:00.000Z',
    dueOn: '2026-03-05',
    dueBasis: null,
    templateVersion: 't1',
    pdfSha256: null,
    parentSignature: null,
    headSignature: null,
    signedAt: null,
    rejectReason: null,
    rejectComment: null,
    archivedOn: null,
    archiveReason: null,
    updatedAt: '2026-02-25T05:00:00.000Z',
    pmpkConclusion: false,
    ...over,
  };
}

export function documentOf(c: Contract, n: number, over: Partial<ContractDocument> = {}): ContractDocument {
  return {
    id: `${c.id}-d${n}`,
    contractId: c.id,
    kind: 'birth_certificate',
    round: 1,
    current: true,
    fileName: `doc${n}.jpg`,
    mime: 'image/jpeg',
    size: 1000,
    sha256: (n.toString(16) + c.id.replace(/\D/g, '')).padStart(64, 'a').slice(-64),
    reviewStatus: 'pending',
    flagReason: null,
    flagComment: null,
    reviewedByIin: null,
    reviewedAt: null,
    version: 1,
    ...over,
  };
}

export function direction(n: number, over: Partial<Direction> = {}): Direction {
  return {
    id: `dir-${n}`,
    orgId: 'kg1',
    number: `НП-2026-${n}`,
    status: 'awaiting_offer',
    child: { fullName: `Жолдама ${n}`, iin: iin(500 + n), birthDate: '2021-01-01', sex: 'male' },
    parentFullName: `Ата ${n}`,
    parentIin: iin(600 + n),
    parentPhone: '',
    isVoucher: false,
    teachingLanguage: 'kk',
    correctionType: null,
    issuedOn: '2026-02-27',
    offerDueOn: '2026-03-06',
    offerDueBasis: null,
    version: 1,
    voucherApplicationId: null,
    ...over,
  };
}

export function put(t: TestReplica, entity: 'contract' | 'contractDocument' | 'direction', row: { id: string; version: number }): void {
  t.replica.apply({ seq: ++seq, entity, op: 'upsert', id: row.id, version: row.version, data: row });
}
