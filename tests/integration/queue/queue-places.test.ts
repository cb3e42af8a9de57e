// Queue places against the real server: any interleaving of applications, PMPK confirmations and rejections and
// vouchers leaving the queue keeps the places of every queue 1..n, unique and gap-free, and the latest
// place-naming notification about each waiting application names the place it holds now.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpecialQueueApplication } from '../../../domain/entities';
import { standsInQueue } from '../../../domain/queue-places';
import { startServer, type RunningServer } from '../../../server/index';
import { demoServerOptions } from '../../../demo/server-options';
import { demoParents } from '../../../demo/seed/parent-keys';
import { loadKey, type LoadedKey } from '../../fixtures/pki/load';
import { TestServerClient } from '../../support/server-client';

type Notice = { kind: string; subjectId: string; textRu: string };
type Action = { type: 'apply'; parent: number; speech: boolean } | { type: 'confirm' | 'reject' | 'voucher'; pick: number };

let clock = new Date('2026-11-02T05:00:00Z');
let server: RunningServer;
let pmpk: TestServerClient;
let pmpkSign: LoadedKey;
let run = 0;

beforeAll(async () => {
  server = await startServer({
    ...(await demoServerOptions({ contractsPerKindergarten: [0, 0, 0], applications: 0, cacheDir: null })),
    now: () => clock,
    expiryIntervalMs: null,
  });
  pmpk = new TestServerClient(server.url);
  await pmpk.login('pmpk1-specialist');
  pmpkSign = await loadKey('pmpk1-specialist', 'sign');
}, 120_000);
afterAll(async () => server?.close());

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('apply' as const), parent: fc.nat(demoParents.length - 1), speech: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ type: fc.constant('confirm' as const), pick: fc.nat(20) }), weight: 3 },
  { arbitrary: fc.record({ type: fc.constant('reject' as const), pick: fc.nat(20) }), weight: 1 },
  { arbitrary: fc.record({ type: fc.constant('voucher' as const), pick: fc.nat(20) }), weight: 1 },
);

const state = (id: string) => pmpk.getJson<{ application: SpecialQueueApplication }>(`/v1/dev/special-queue/${id}`).then((s) => s.application);

async function decide(id: string, name: 'specialQueue.confirm' | 'specialQueue.reject'): Promise<void> {
  const app = await state(id);
  const args = name === 'specialQueue.confirm' ? { applicationId: id, correctionType: null, note: null } : { applicationId: id, reason: 'documents_unreadable', comment: null };
  await pmpk.push([await pmpk.mutation(name, args, app.version, pmpkSign)]);
}

async function perform(locality: string, ids: string[], action: Action): Promise<void> {
  clock = new Date(clock.getTime() + 60_000);
  if (action.type === 'apply') {
    const app = await pmpk.postJson<SpecialQueueApplication>('/v1/dev/parent/special-queue', {
      parentIin: demoParents[action.parent]!.iin,
      child: { fullName: `БАЛА ${ids.length}`, iin: '220101500011', birthDate: '2022-03-01', sex: 'female' },
      correctionType: action.speech ? 'speech' : 'hearing',
      locality,
    });
    ids.push(app.id);
    return;
  }
  if (ids.length === 0) return;
  const id = ids[action.pick % ids.length]!;
  const app = await state(id);
  if (action.type === 'voucher') {
    if (standsInQueue(app)) await pmpk.postJson(`/v1/dev/special-queue/${id}/issue-voucher`);
    return;
  }
  if (app.status === 'awaiting_confirmation') await decide(id, action.type === 'confirm' ? 'specialQueue.confirm' : 'specialQueue.reject');
}

const placeIn = (text: string): number | null => {
  const m = /Место в очереди: (\d+)$/.exec(text);
  return m ? Number(m[1]) : null;
};

async function checkPlaces(ids: string[]): Promise<void> {
  const apps = await Promise.all(ids.map(state));
  const queues = new Map<string, SpecialQueueApplication[]>();
  for (const app of apps.filter(standsInQueue)) queues.set(app.correctionType, [...(queues.get(app.correctionType) ?? []), app]);
  for (const members of queues.values()) {
    expect(members.map((a) => a.queuePlace).sort((a, b) => a! - b!)).toEqual(members.map((_, i) => i + 1));
    // Earlier applications stand ahead.
    const bySubmission = [...members].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    expect(bySubmission.map((a) => a.queuePlace)).toEqual(members.map((_, i) => i + 1));
  }
  for (const app of apps) {
    const notes = await pmpk.getJson<Notice[]>(`/v1/dev/parent/notifications?iin=${app.parentIin}`);
    const placed = notes.filter((n) => n.subjectId === app.id && placeIn(n.textRu) !== null);
    if (standsInQueue(app)) expect(placeIn(placed.at(-1)!.textRu)).toBe(app.queuePlace);
    else expect(app.queuePlace).toBeNull();
  }
}

describe('queue places', () => {
  it('stay 1..n per queue and every parent is told the place held now', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 14 }), async (actions) => {
        const locality = `Queue property ${++run}`;
        const ids: string[] = [];
        for (const action of actions) await perform(locality, ids, action);
        await checkPlaces(ids);
      }),
      { numRuns: 12, seed: 20261102, endOnFailure: true },
    );
  }, 600_000);
});
