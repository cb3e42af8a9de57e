// The server's scheduler with the clock moved: every expiry of the contract, direction and voucher life cycles
// happens once, with history and the parent's notification, and a restart in the middle of a run loses nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract, Direction, HistoryEvent, SpecialQueueApplication } from '../../../domain/entities';
import { startServer, type RunningServer } from '../../../server/index';
import { demoServerOptions } from '../../../demo/server-options';
import { demoParents } from '../../../demo/seed/parent-keys';
import { loadKey, type LoadedKey } from '../../fixtures/pki/load';
import { TestServerClient } from '../../support/server-client';

type Notice = { kind: string; subjectId: string; textRu: string; textKk: string };
type ContractState = { contract: Contract; history: HistoryEvent[] };
type ApplicationState = { application: SpecialQueueApplication; history: HistoryEvent[] };

// Monday 2 November 2026, 10:00 in Astana: no holidays until mid-December, so the working days are plain.
let clock = new Date('2026-11-02T05:00:00Z');
const setDay = (iso: string) => (clock = new Date(`${iso}T05:00:00Z`));

let dataDir: string;
let server: RunningServer;
let head: TestServerClient;
let pmpk: TestServerClient;
let headSign: LoadedKey;
let pmpkSign: LoadedKey;

async function start(): Promise<void> {
  server = await startServer({
    ...(await demoServerOptions({ contractsPerKindergarten: [2, 0, 0], applications: 0, cacheDir: null })),
    database: { kind: 'pglite', dataDir },
    now: () => clock,
    expiryIntervalMs: null,
    tokenTtlSeconds: 60 * 86_400,
  });
  head = Object.assign(new TestServerClient(server.url), { token: head?.token ?? '' });
  pmpk = Object.assign(new TestServerClient(server.url), { token: pmpk?.token ?? '' });
}

const contract = (id: string) => head.getJson<ContractState>(`/v1/dev/contracts/${id}`);
const application = (id: string) => head.getJson<ApplicationState>(`/v1/dev/special-queue/${id}`);
const notices = (iin: string) => head.getJson<Notice[]>(`/v1/dev/parent/notifications?iin=${iin}`);

async function apply(parent: number, birthDate: string): Promise<SpecialQueueApplication> {
  return head.postJson<SpecialQueueApplication>('/v1/dev/parent/special-queue', {
    parentIin: demoParents[parent]!.iin,
    child: { fullName: `БАЛА ${parent}`, iin: '220101500011', birthDate, sex: 'male' },
    correctionType: 'speech',
    locality: 'Scheduler test',
  });
}

async function confirm(app: SpecialQueueApplication): Promise<void> {
  const m = await pmpk.mutation('specialQueue.confirm', { applicationId: app.id, correctionType: null, note: null }, app.version, pmpkSign);
  expect((await pmpk.push([m])).results[0]).toMatchObject({ status: 'applied' });
}

const postRaw = (url: string, body: unknown = {}) =>
  fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qabyl-scheduler-'));
  await start();
  await head.login('kg1-head');
  await pmpk.login('pmpk1-specialist');
  headSign = await loadKey('kg1-head', 'sign');
  pmpkSign = await loadKey('pmpk1-specialist', 'sign');
}, 180_000);
afterAll(async () => {
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('server scheduler', () => {
  it('expires directions, offers, contracts and vouchers once each, across a restart', async () => {
    const seeded = await head.bootstrap();
    const seedContracts = seeded.rows.filter((r) => r.entity === 'contract').map((r) => r.data as Contract);
    const seedDirection = seeded.rows.find((r) => r.entity === 'direction')!.data as Direction;
    expect(seedContracts.map((c) => c.status).sort()).toEqual(['awaiting_parent', 'offer_sent']);

    // Four voucher applications of four parents; the fourth child is 7 this year.
    const [stopListed, extended, annulled, tooOld] = [
      await apply(0, '2022-03-01'),
      await apply(1, '2022-04-01'),
      await apply(2, '2022-05-01'),
      await apply(3, '2019-06-01'),
    ];
    for (const app of [stopListed, extended, annulled]) await confirm(app);
    for (const app of [stopListed, extended, annulled]) await head.postJson(`/v1/dev/special-queue/${app.id}/issue-voucher`);
    expect((await application(stopListed.id)).application.voucher).toMatchObject({ status: 'issued', confirmDueOn: '2026-11-04' });

    for (const app of [extended, annulled]) await head.postJson(`/v1/dev/parent/special-queue/${app.id}/voucher/interest`, { interested: true });
    const chosen = await head.postJson<SpecialQueueApplication>(`/v1/dev/parent/special-queue/${extended.id}/voucher/kindergarten`, { kindergartenId: 'kg1' });
    expect(chosen.voucher).toMatchObject({ status: 'interest_confirmed', enrollDueOn: '2026-11-09', kindergartenId: 'kg1' });
    expect((await notices(demoParents[1]!.iin)).at(-1)?.textRu).toBe('Ожидайте договор от ДО');
    // The extension is offered only on the last day of the window.
    expect((await postRaw(`/v1/dev/parent/special-queue/${extended.id}/voucher/extend`)).status).toBe(409);

    // The kindergarten offers the contract: its deadline fits the voucher (5 working days), not the usual 7.
    const voucherDirection = (await head.bootstrap()).rows.find((r) => r.id === chosen.voucher!.directionId)!.data as Direction;
    expect(voucherDirection).toMatchObject({ isVoucher: true, offerDueOn: '2026-11-09', voucherApplicationId: extended.id });
    const offer = await head.mutation('contract.offer', {
      directionId: voucherDirection.id, contractId: 'ctr-voucher', group: 'Старшая группа', teachingLanguage: 'kk', startDate: '2027-01-11',
    }, voucherDirection.version, headSign);
    expect((await head.push([offer])).results[0]).toMatchObject({ status: 'applied' });
    expect((await contract('ctr-voucher')).contract.dueOn).toBe('2026-11-09');
    expect((await notices(demoParents[1]!.iin)).at(-1)?.textRu).toBe('Заключить договор: детский сад отправил вам электронный договор. Вы должны подписать договор до 09.11.2026.');

    // Today's run: only the child who is 7 by the end of the year leaves the queue.
    expect((await server.scheduler.run()).applied).toEqual({ contract: 0, direction: 0, voucher_interest: 0, voucher_enrollment: 0, age_limit: 1 });
    expect((await application(tooOld.id)).application).toMatchObject({ status: 'archived', archivedReason: 'age_limit' });

    // The 5th day of the window: the parent takes the one extension; the offer's deadline follows the voucher.
    setDay('2026-11-09');
    const longer = await head.postJson<SpecialQueueApplication>(`/v1/dev/parent/special-queue/${extended.id}/voucher/extend`);
    expect(longer.voucher).toMatchObject({ extended: true, enrollDueOn: '2026-11-11' });
    expect((await contract('ctr-voucher')).contract.dueOn).toBe('2026-11-11');
    expect((await postRaw(`/v1/dev/parent/special-queue/${extended.id}/voucher/extend`)).status).toBe(409);

    // Everything is overdue on Thursday 12 November. The run stops after two items (as if the server died) …
    setDay('2026-11-12');
    const partial = await server.scheduler.run({ limit: 2 });
    expect(partial.remaining).toBeGreaterThan(0);
    await server.close();
    // … and the restarted server catches up at start; another run finds nothing left.
    await start();
    expect((await server.scheduler.run()).applied).toEqual({ contract: 0, direction: 0, voucher_interest: 0, voucher_enrollment: 0, age_limit: 0 });

    for (const c of [...seedContracts, { id: 'ctr-voucher', parent: { iin: demoParents[1]!.iin } }]) {
      const state = await contract(c.id);
      expect(state.contract.status).toBe('expired');
      expect(state.history.filter((h) => h.kind === 'expired')).toHaveLength(1);
      expect((await notices(c.parent.iin)).filter((n) => n.subjectId === c.id && n.kind === 'contract_expired')).toHaveLength(1);
    }
    const direction = (await head.bootstrap()).rows.find((r) => r.id === seedDirection.id)!.data as Direction;
    expect(direction.status).toBe('expired');
    const directionNotes = (await notices(seedDirection.parentIin)).filter((n) => n.subjectId === seedDirection.id);
    expect(directionNotes.map((n) => n.kind)).toEqual(['direction_expired']);

    const expectations: [SpecialQueueApplication, number, string, Partial<SpecialQueueApplication>, string][] = [
      [stopListed, 0, 'voucher_stop_listed', { status: 'confirmed' }, 'Вы не подтвердили свою заинтересованность: ваучер аннулирован, а ваше заявление перемещено в стоп-лист.'],
      [extended, 1, 'voucher_annulled', { status: 'archived', archivedReason: 'voucher_annulled' }, 'Вы не зачислились в установленные сроки: ваучер аннулирован, а ваше заявление перемещено в архив.'],
      [annulled, 2, 'voucher_annulled', { status: 'archived', archivedReason: 'voucher_annulled' }, 'Вы не зачислились в установленные сроки: ваучер аннулирован, а ваше заявление перемещено в архив.'],
      [tooOld, 3, 'age_limit_archived', { status: 'archived', archivedReason: 'age_limit' }, 'Заявление исключено из очереди и помещено в архив по причине достижения максимально возможного возраста (7 лет до конца текущего календарного года).'],
    ];
    for (const [app, parent, kind, fields, text] of expectations) {
      const state = await application(app.id);
      expect(state.application).toMatchObject(fields);
      expect(state.history.filter((h) => h.kind === kind)).toHaveLength(1);
      const mine = (await notices(demoParents[parent]!.iin)).filter((n) => n.subjectId === app.id && n.kind === kind);
      expect(mine.map((n) => n.textRu)).toEqual([text]);
      expect(mine[0]!.textKk.length).toBeGreaterThan(20);
    }
    expect((await application(stopListed.id)).application.voucher?.status).toBe('stop_listed');
    expect((await head.bootstrap()).rows.find((r) => r.id === voucherDirection.id)?.data).toMatchObject({ status: 'cancelled' });
  }, 300_000);
});
