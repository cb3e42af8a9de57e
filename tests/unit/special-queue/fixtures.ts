/** A local replica with special-queue rows, written through the sync engine's Replica like a pull would. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../../db/open';
import type { EntityName, SpecialQueueApplication } from '../../../domain/entities';
import type { SessionUser } from '../../../domain/sync-protocol';
import { SyncService } from '../../../electron/backend/sync/sync-service';
import { sharedCompute } from '../../support/compute-worker';

export const PMPK_USER: SessionUser = {
  id: 'staff-pmpk1-specialist',
  iin: '830725408571',
  fullName: 'ОСПАНОВА ЖАНАР КАЙРАТОВНА',
  roles: ['employee'],
  orgs: [{ id: 'pmpk1', bin: '120940000323', kind: 'pmpk', name: 'ПМПК № 1' }],
};

export const KINDERGARTEN_USER: SessionUser = {
  id: 'staff-kg1-head',
  iin: '780412401124',
  fullName: 'АХМЕТОВА ГУЛЬНАРА СЕРИКБАЕВНА',
  roles: ['head'],
  orgs: [{ id: 'kg1', bin: '050740000122', kind: 'kindergarten', name: 'Балдәурен' }],
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid application; `n` makes the number, names, IINs and submission time distinct and ordered. */
export function application(n: number, overrides: Partial<SpecialQueueApplication> = {}): SpecialQueueApplication {
  return {
    id: `sq-${n}`,
    number: `ПМПК-${pad(n, 5)}`,
    pmpkOrgId: 'pmpk1',
    status: 'awaiting_confirmation',
    version: 1,
    child: { fullName: `БАЛА${n} ТЕСТ`, iin: `2001${pad(n, 8)}`, birthDate: '2020-01-15', sex: n % 2 ? 'male' : 'female' },
    parentFullName: `АТА-АНА${n} ТЕСТ`,
    parentIin: `9001${pad(n, 8)}`,
    parentPhone: '+7 701 000 00 00',
    correctionType: 'speech',
    confirmedCorrectionType: null,
    conclusionNumber: `К-${n}`,
    conclusionDate: '2026-01-10',
    conclusionSha256: pad(n, 64),
    conclusionMime: 'application/pdf',
    conclusionSize: 1000 + n,
    locality: 'Астана',
    kindergartens: ['kg1', 'kg2'],
    chosenKindergartens: [],
    teachingLanguage: 'kk',
    // Monday 2026-02-02 09:00 Almaty + n minutes: submissions ordered by n.
    submittedAt: new Date(Date.UTC(2026, 1, 2, 4, n)).toISOString(),
    parentSignature: null,
    queuePlace: null,
    decidedByFullName: null,
    decidedAt: null,
    rejectReason: null,
    rejectComment: null,
    note: null,
    voucher: null, archivedReason: null,
    ...overrides,
  };
}

export interface LocalReplica {
  db: OpenedDatabase;
  sync: SyncService;
  put<E extends EntityName>(entity: E, id: string, version: number, data: unknown): void;
  putApplication(a: SpecialQueueApplication): void;
  close(): Promise<void>;
}

export function localReplica(user: SessionUser | null = PMPK_USER): LocalReplica {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-sq-'));
  const db = openDatabase({ file: path.join(dir, 'qabyl.db'), key: new Uint8Array(32).fill(7), migrationsFolder: path.resolve('db/migrations') });
  const sync = new SyncService({ sqlite: db.sqlite, replica: db.replica, dataDir: dir, compute: sharedCompute, serverUrl: 'http://127.0.0.1:9', appVersion: '0.1.0', pokeSocketFactory: null });
  if (user) sync.engine.state.saveSession('test-token-0123456789', '2099-01-01T00:00:00Z', user);
  const put = (entity: EntityName, id: string, version: number, data: unknown) =>
    sync.engine.replica.apply({ seq: 1, entity, op: 'upsert', id, version, data });
  return {
    db,
    sync,
    put,
    putApplication: (a) => put('specialQueueApplication', a.id, a.version, a),
    close: async () => {
      // Opening an application queues its conclusion for download: stop the downloader before closing the DB.
      await sync.stop();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
