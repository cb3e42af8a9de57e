// Groups over HTTP: signed group decisions, two clients racing for the last place, release on reject/withdraw,
// enrollment on signing, archiving frees the place, and the public bulletin showing the same numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulletinSchema } from '../../../domain/bulletin';
import { todayInKazakhstan } from '../../../domain/calendar';
import { groupSchema, type Contract, type Direction, type Group } from '../../../domain/entities';
import { groupMismatchTexts } from '../../../domain/groups';
import { demoServerOptions } from '../../../demo/server-options';
import { startServer, type RunningServer } from '../../../server/index';
import { putRow } from '../../../server/store/entity-store';
import { registerWriter } from '../../../server/store/change-horizon';
import { loadKey, type LoadedKey } from '../../fixtures/pki/load';
import { cmsBy, TestServerClient } from '../../support/server-client';
import { testDatabases } from './database-targets';

describe.each(testDatabases)('group places on $name', (database) => {
  let server: RunningServer;
  let head: TestServerClient;
  let deputy: TestServerClient;
  let headSign: LoadedKey;
  let deputySign: LoadedKey;
  const year = Number(todayInKazakhstan(new Date()).slice(0, 4));

  beforeAll(async () => {
    server = await startServer({
      ...(await demoServerOptions({ contractsPerKindergarten: [0, 0, 0], applications: 0, cacheDir: null })),
      database: await database.open(),
    });
    head = new TestServerClient(server.url);
    deputy = new TestServerClient(server.url);
    await head.login('kg1-head');
    await deputy.login('kg1-deputy');
    // The deputy's desktop runs in Russian: its refusals come in Russian, the head's in Kazakh (the default).
    const plainHeaders = deputy.headers.bind(deputy);
    deputy.headers = (extra = {}) => plainHeaders({ 'accept-language': 'ru', ...extra });
    headSign = await loadKey('kg1-head', 'sign');
    deputySign = await loadKey('kg1-deputy', 'sign');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database.drop();
  });

  const dev = <T>(path: string) => head.getJson<T>(path);
  const groupRow = async (id: string): Promise<Group> => {
    const rows = (await head.bootstrap()).rows.filter((r) => r.entity === 'group' && r.id === id);
    return groupSchema.parse(rows[0]?.data);
  };
  /** The bulletin's free places for an age (kk, ordinary) must equal the sum over the open synced groups. */
  const expectBulletinAgrees = async (ageYears: number) => {
    const response = await fetch(`${server.url}/v1/bulletin?orgId=kg1`);
    const bulletin = bulletinSchema.parse(await response.json());
    const published = bulletin.kindergartens[0]!.lines.find((l) => l.ageYears === ageYears && l.teachingLanguage === 'kk' && l.kind === 'ordinary')?.free ?? 0;
    const groups = (await head.bootstrap()).rows.filter((r) => r.entity === 'group').map((r) => groupSchema.parse(r.data));
    const fitting = groups.filter((g) => g.status === 'open' && g.ageYears === ageYears && g.teachingLanguage === 'kk' && g.kind === 'ordinary');
    expect(published).toBe(fitting.reduce((sum, g) => sum + g.places.free, 0));
  };

  async function addDirection(n: number, ageYears: number, correctionType: Direction['correctionType'] = null): Promise<Direction> {
    const direction: Omit<Direction, 'version'> = {
      id: `dir-test-${n}`, orgId: 'kg1', number: `НП-T-${n}`, status: 'awaiting_offer',
      child: { fullName: `Бала ${n}`, iin: `2103015${String(n).padStart(5, '0')}`, birthDate: `${year - ageYears}-03-01`, sex: 'female' },
      parentFullName: 'СЕРІКОВА АЙЖАН БОЛАТҚЫЗЫ', parentIin: '910514410216', parentPhone: '+7 701 000 0000', isVoucher: false,
      teachingLanguage: 'kk', correctionType, issuedOn: todayInKazakhstan(new Date()), offerDueOn: todayInKazakhstan(new Date()),
      offerDueBasis: null, voucherApplicationId: null,
    };
    return server.db.transaction(async (tx) => {
      await registerWriter(tx);
      return (await putRow(tx, 'direction', 'kg1', direction)).data;
    });
  }

  async function createGroup(id: string, ageYears: number, capacity: number, kind: { kind: string; correctionType: string | null } = { kind: 'ordinary', correctionType: null }) {
    const args = { groupId: id, nameKk: `«${id}» тобы`, nameRu: `Группа «${id}»`, ageYears, teachingLanguage: 'kk', ...kind, capacity, specialNeedsLimit: 1 };
    const result = await head.push([await head.mutation('group.create', args, 0, headSign)]);
    expect(result.results[0]).toMatchObject({ status: 'applied' });
    return groupRow(id);
  }

  const offer = (client: TestServerClient, key: LoadedKey, d: Direction, groupId: string, contractId: string) =>
    client.mutation('contract.offer', { directionId: d.id, contractId, groupId, startDate: todayInKazakhstan(new Date()) }, d.version, key);

  it('two clients offering the last place at once: one is applied, the other refused GROUP_FULL', async () => {
    const group = await createGroup('race', 4, 1);
    expect(group.places).toEqual({ capacity: 1, enrolled: 0, reserved: 0, free: 1, specialNeeds: 0 });
    const [a, b] = [await addDirection(1, 4), await addDirection(2, 4)];
    const [ma, mb] = [await offer(head, headSign, a, 'race', 'ctr-race-a'), await offer(deputy, deputySign, b, 'race', 'ctr-race-b')];
    const [ra, rb] = await Promise.all([head.push([ma]), deputy.push([mb])]);
    const results = [ra.results[0]!, rb.results[0]!];
    expect(results.map((r) => r.status).sort()).toEqual(['applied', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected')!;
    expect(refused.code).toBe('GROUP_FULL');
    expect(refused.message).toBe(groupMismatchTexts.full[refused === results[0] ? 'kk' : 'ru']);
    expect((await groupRow('race')).places).toEqual({ capacity: 1, enrolled: 0, reserved: 1, free: 0, specialNeeds: 0 });
    await expectBulletinAgrees(4);
    // The refused offer wrote nothing: its direction still awaits an offer and no contract exists.
    const loser = refused === results[0] ? a : b;
    const bootstrap = await head.bootstrap();
    expect((bootstrap.rows.find((r) => r.id === loser.id)?.data as Direction).status).toBe('awaiting_offer');
    expect(bootstrap.rows.some((r) => r.id === (refused === results[0] ? 'ctr-race-a' : 'ctr-race-b'))).toBe(false);
  }, 60_000);

  it('refuses a group of another age, and a capacity below the places held', async () => {
    await createGroup('older', 5, 2);
    const young = await addDirection(3, 4);
    const refused = await head.push([await offer(head, headSign, young, 'older', 'ctr-older-0')]);
    expect(refused.results[0]).toMatchObject({ status: 'rejected', code: 'GROUP_AGE_MISMATCH' });
    expect(refused.results[0]!.message).toContain(groupMismatchTexts.age.kk);
    const [c, d] = [await addDirection(4, 5), await addDirection(5, 5)];
    const offered = await head.push([await offer(head, headSign, c, 'older', 'ctr-older-1'), await offer(head, headSign, d, 'older', 'ctr-older-2')]);
    expect(offered.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const shrink = await head.push([await head.mutation('group.update', { groupId: 'older', capacity: 1, specialNeedsLimit: 0 }, (await groupRow('older')).version, headSign)]);
    expect(shrink.results[0]).toMatchObject({ status: 'rejected', code: 'GROUP_CAPACITY_BELOW_HELD' });
    const grow = await head.push([await head.mutation('group.update', { groupId: 'older', capacity: 3, specialNeedsLimit: 1 }, (await groupRow('older')).version, headSign)]);
    expect(grow.results[0]).toMatchObject({ status: 'applied' });
    expect((await groupRow('older')).places).toEqual({ capacity: 3, enrolled: 0, reserved: 2, free: 1, specialNeeds: 0 });
  }, 60_000);

  it('withdrawal releases, signing enrolls, archiving frees; the bulletin follows', async () => {
    await createGroup('flow', 4, 2);
    const [a, b] = [await addDirection(10, 4), await addDirection(11, 4)];
    const offered = await head.push([await offer(head, headSign, a, 'flow', 'ctr-flow-a'), await offer(head, headSign, b, 'flow', 'ctr-flow-b')]);
    expect(offered.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await groupRow('flow')).places).toMatchObject({ reserved: 2, enrolled: 0, free: 0 });

    await head.postJson('/v1/dev/parent/contracts/ctr-flow-b/withdraw');
    expect((await groupRow('flow')).places).toMatchObject({ reserved: 1, free: 1 });
    await expectBulletinAgrees(4);

    await head.postJson('/v1/dev/parent/contracts/ctr-flow-a/submit');
    const { contract, documents } = await dev<{ contract: Contract; documents: { id: string; current: boolean }[] }>('/v1/dev/contracts/ctr-flow-a');
    expect(contract.group).toEqual({ id: 'flow', nameKk: '«flow» тобы', nameRu: 'Группа «flow»' });
    const marks = await Promise.all(documents.filter((d) => d.current).map((d) => head.mutation('contract.markDocument', { contractId: contract.id, documentId: d.id, decision: 'approved' }, contract.version)));
    const pdf = new Uint8Array(await (await head.getBlob(contract.pdfSha256!)).arrayBuffer());
    const sign = await head.mutation('contract.sign', { contractId: contract.id, pdfSha256: contract.pdfSha256, cms: await cmsBy(headSign, pdf, true) }, contract.version);
    const signed = await head.push([...marks, sign]);
    expect(signed.results.at(-1)).toMatchObject({ status: 'applied' });
    expect((await groupRow('flow')).places).toMatchObject({ reserved: 0, enrolled: 1, free: 1 });

    const current = (await dev<{ contract: Contract }>('/v1/dev/contracts/ctr-flow-a')).contract;
    const archive = await head.push([
      await head.mutation('contract.archive', { contractId: current.id, archivedOn: todayInKazakhstan(new Date()), reason: 'moved', comment: null }, current.version, headSign),
    ]);
    expect(archive.results[0]).toMatchObject({ status: 'applied' });
    expect((await groupRow('flow')).places).toMatchObject({ reserved: 0, enrolled: 0, free: 2 });
    await expectBulletinAgrees(4);
  }, 120_000);

  it('a special group takes only a matching PMPK conclusion; an ordinary group only up to its special-needs limit', async () => {
    await createGroup('speech', 5, 3, { kind: 'special', correctionType: 'speech' });
    const plain = await addDirection(30, 5);
    const vision = await addDirection(31, 5, 'vision');
    const speech = await addDirection(32, 5, 'speech');
    const results = await head.push([
      await offer(head, headSign, plain, 'speech', 'ctr-speech-0'),
      await offer(head, headSign, vision, 'speech', 'ctr-speech-1'),
      await offer(head, headSign, speech, 'speech', 'ctr-speech-2'),
    ]);
    expect(results.results.map((r) => r.code ?? r.status)).toEqual(['GROUP_NEEDS_PMPK_CONCLUSION', 'GROUP_CORRECTION_TYPE_MISMATCH', 'applied']);
    expect((await groupRow('speech')).places).toMatchObject({ reserved: 1, specialNeeds: 1 });

    await createGroup('inclusive', 5, 3); // specialNeedsLimit 1
    const [first, second] = [await addDirection(33, 5, 'speech'), await addDirection(34, 5, 'hearing')];
    const inclusive = await head.push([await offer(head, headSign, first, 'inclusive', 'ctr-incl-0'), await offer(head, headSign, second, 'inclusive', 'ctr-incl-1')]);
    expect(inclusive.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'GROUP_SPECIAL_NEEDS_LIMIT']);
    expect((await groupRow('inclusive')).places).toMatchObject({ reserved: 1, specialNeeds: 1, free: 2 });
  }, 60_000);

  it('a closed group takes no offers and leaves the bulletin', async () => {
    const group = await createGroup('closing', 6, 3);
    const close = await head.push([await head.mutation('group.close', { groupId: 'closing', closedOn: todayInKazakhstan(new Date()) }, group.version, headSign)]);
    expect(close.results[0]).toMatchObject({ status: 'applied' });
    const d = await addDirection(20, 6);
    const refused = await head.push([await offer(head, headSign, d, 'closing', 'ctr-closing')]);
    expect(refused.results[0]).toMatchObject({ status: 'rejected', code: 'GROUP_CLOSED' });
    expect((await groupRow('closing')).status).toBe('closed');
    await expectBulletinAgrees(6);
  }, 60_000);
});
