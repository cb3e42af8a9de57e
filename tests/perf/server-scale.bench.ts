/**
 * The central server at national scale, on loopback over one real PostgreSQL (TEST_DATABASE_URL or
 * BENCH_DATABASE_URL; skipped with a printed reason without one): a synthetic seed of N organisations, M simulated
 * desktops (session tokens issued directly, half of them on each instance), each pushing document decisions
 * while its partner desktop of the same organisation, connected to the other instance, waits for the poke and pulls.
 * Measured with 2 instances and with 1 (the same load), side by side: push and pull p95, change-visible p95 (push
 * answered → partner's pull returns the change), decisions/s, and lost / duplicated decisions (must be 0).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { HEADER_CLIENT_ID, HEADER_PROTOCOL_VERSION, PROTOCOL_VERSION, pullResponseSchema, pushResponseSchema } from '../../domain/sync-protocol';
import { startServerProcess, type ServerProcess } from '../support/server-instances';
import { metric, percentile, type BenchMetric } from './support/metrics';

interface Template {
  entity: string;
  id: string;
  version: number;
  data: string;
}

interface Desktop {
  token: string;
  clientId: string;
  baseUrl: string;
  clientSeq: number;
}

interface Org {
  id: string;
  /** Pending documents of submitted contracts: [documentId, contractId, contractVersion]. */
  documents: [string, string, number][];
  pusher: Desktop;
  watcher: Desktop;
}

const SEED_CONTRACTS = 12;

function headers(d: Desktop, extra: Record<string, string> = {}): Record<string, string> {
  return { [HEADER_PROTOCOL_VERSION]: String(PROTOCOL_VERSION), [HEADER_CLIENT_ID]: d.clientId, authorization: `Bearer ${d.token}`, ...extra };
}

/** Clones the first kindergarten's submitted contracts (with their documents) into `orgCount` organisations. */
async function seedOrganisations(db: pg.Client, orgCount: number, desktopPairs: number): Promise<{ orgs: Omit<Org, 'pusher' | 'watcher'>[]; staffIins: string[][] }> {
  const source = (await db.query(`SELECT org_id FROM entities WHERE entity = 'contract' GROUP BY org_id ORDER BY count(*) DESC LIMIT 1`)).rows[0].org_id as string;
  const contracts = (
    await db.query(`SELECT id, version, data::text AS data FROM entities WHERE entity = 'contract' AND org_id = $1 AND data->>'status' IN ('submitted', 'resubmitted')`, [source])
  ).rows as Template[];
  const documents = (
    await db.query(
      `SELECT id, version, data::text AS data, data->>'contractId' AS contract, data->>'reviewStatus' AS status FROM entities
       WHERE entity = 'contractDocument' AND data->>'contractId' = ANY($1)`,
      [contracts.map((c) => c.id)],
    )
  ).rows as (Template & { contract: string; status: string })[];
  const org = (await db.query(`SELECT id, version, data::text AS data FROM entities WHERE entity = 'organisation' AND id = $1`, [source])).rows[0] as Template;
  const staff = (await db.query(`SELECT id, version, data::text AS data, data->>'iin' AS iin FROM entities WHERE entity = 'staff' AND org_id = $1 LIMIT 1`, [source]))
    .rows[0] as Template & { iin: string };
  const templates = [
    { ...org, entity: 'organisation' },
    ...contracts.map((c) => ({ ...c, entity: 'contract' })),
    ...documents.map((d) => ({ ...d, entity: 'contractDocument' })),
  ];
  const ids = [source, ...contracts.map((c) => c.id), ...documents.map((d) => d.id)];
  const idPattern = new RegExp(`"(${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})"`, 'g');
  const binOf = (n: number) => `9${String(n).padStart(11, '0')}`;
  const sourceBin = (JSON.parse(org.data) as { bin: string }).bin;

  const orgs: Omit<Org, 'pusher' | 'watcher'>[] = [];
  const staffIins: string[][] = [];
  let batch: unknown[][] = [[], [], [], [], []];
  const flush = async () => {
    if (batch[0]!.length === 0) return;
    await db.query(
      `INSERT INTO entities (entity, id, org_id, version, data, deleted)
       SELECT e, i, o, v, d::jsonb, false FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) AS t(e, i, o, v, d)`,
      batch,
    );
    batch = [[], [], [], [], []];
  };
  const add = (entity: string, id: string, orgId: string, version: number, data: string) => {
    batch[0]!.push(entity);
    batch[1]!.push(id);
    batch[2]!.push(orgId);
    batch[3]!.push(version);
    batch[4]!.push(data);
  };
  for (let n = 0; n < orgCount; n++) {
    const suffix = `~b${n}`;
    const orgId = `${source}${suffix}`;
    const rename = (text: string) => text.replace(idPattern, (_m, id: string) => `"${id}${suffix}"`);
    for (const t of templates) add(t.entity, `${t.id}${suffix}`, orgId, t.version, rename(t.data).replace(`"${sourceBin}"`, `"${binOf(n)}"`));
    if (n < desktopPairs) {
      const iins = [0, 1].map((k) => `8${String(n * 2 + k).padStart(11, '0')}`);
      iins.forEach((iin, k) => add('staff', `${staff.id}${suffix}-${k}`, orgId, 1, rename(staff.data).replace(`"${staff.iin}"`, `"${iin}"`).replace(`"${staff.id}"`, `"${staff.id}${suffix}-${k}"`)));
      staffIins.push(iins);
      orgs.push({
        id: orgId,
        documents: documents
          .filter((d) => d.status === 'pending')
          .map((d) => [`${d.id}${suffix}`, `${d.contract}${suffix}`, contracts.find((c) => c.id === d.contract)!.version] as [string, string, number]),
      });
    }
    if (batch[0]!.length >= 2000) await flush();
  }
  await flush();
  return { orgs, staffIins };
}

async function issueTokens(db: pg.Client, iins: string[]): Promise<string[]> {
  const tokens = iins.map(() => randomBytes(24).toString('base64url'));
  await db.query(
    `INSERT INTO sessions (token_hash, user_iin, expires_at) SELECT h, i, now() + interval '1 day' FROM unnest($1::text[], $2::text[]) AS t(h, i)`,
    [tokens.map((t) => createHash('sha256').update(t).digest('hex')), iins],
  );
  return tokens;
}

interface PhaseResult {
  push: number[];
  pull: number[];
  visible: number[];
  applied: number;
  seconds: number;
  /** Pushed but without a recorded result, or applied but never seen by the partner desktop. */
  lost: number;
  duplicated: number;
}

/** Every pusher makes `decisions` decisions one after another; its watcher (poked) pulls until each is visible. */
async function runPhase(db: pg.Client, orgs: Org[], decisions: number, firstDocument: number): Promise<PhaseResult> {
  const push: number[] = [];
  const pull: number[] = [];
  const visible: number[] = [];
  const pushedIds: string[] = [];
  let duplicated = 0;
  let invisible = 0;
  // Every change of this phase is numbered after this point.
  const cursorStart = await headCursor(db);
  const started = performance.now();
  await Promise.all(
    orgs.map(async (org) => {
      let cursor = cursorStart;
      const socket = new WebSocket(`${org.watcher.baseUrl.replace('http', 'ws')}/v1/events`, { headers: headers(org.watcher) });
      await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
      let poked: () => void = () => undefined;
      socket.on('message', () => poked());
      const seen = new Map<string, number>();
      try {
        for (let k = 0; k < decisions; k++) {
          const [documentId, contractId, version] = org.documents[firstDocument + k]!;
          const mutation = {
            clientSeq: ++org.pusher.clientSeq,
            mutationId: randomUUID(),
            name: 'contract.markDocument',
            args: { contractId, documentId, decision: 'approved' },
            baseVersion: version,
            createdAt: new Date().toISOString(),
          };
          const waitPoke = new Promise<void>((resolve) => (poked = resolve));
          const t0 = performance.now();
          const response = await fetch(`${org.pusher.baseUrl}/v1/sync/push`, {
            method: 'POST',
            headers: headers(org.pusher, { 'content-type': 'application/json' }),
            body: JSON.stringify({ clientId: org.pusher.clientId, mutations: [mutation] }),
          });
          const answered = performance.now();
          push.push(answered - t0);
          const result = pushResponseSchema.parse(await response.json()).results[0]!;
          pushedIds.push(mutation.mutationId);
          if (result.status !== 'applied') continue;
          await waitPoke;
          // Poked after the commit; a change can still wait behind a slower writer of another organisation
          // (the visible head), so a miss is retried a bounded number of times with a short pause.
          for (let attempt = 0; attempt < 50 && !seen.has(documentId); attempt++) {
            if (attempt > 0) await new Promise((r) => setTimeout(r, 5 * attempt));
            const p0 = performance.now();
            const pulled = pullResponseSchema.parse(await (await fetch(`${org.watcher.baseUrl}/v1/sync/pull?cursor=${cursor}`, { headers: headers(org.watcher) })).json());
            pull.push(performance.now() - p0);
            if (!('changes' in pulled)) throw new Error(`watcher reset: ${pulled.resetRequired}`);
            for (const change of pulled.changes) seen.set(change.id, (seen.get(change.id) ?? 0) + 1);
            cursor = pulled.cursor;
          }
          // Reported (as not visible), never a crash of the whole benchmark run.
          if (!seen.has(documentId)) invisible++;
          else visible.push(performance.now() - answered);
        }
      } finally {
        socket.close();
      }
      duplicated += [...seen.values()].filter((n) => n > 1).length;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const recorded = await db.query(`SELECT status, count(*)::int AS n FROM mutation_results WHERE mutation_id = ANY($1) GROUP BY status`, [pushedIds]);
  const counts = Object.fromEntries(recorded.rows.map((r: { status: string; n: number }) => [r.status, r.n]));
  const total = Object.values(counts).reduce((a: number, b) => a + (b as number), 0);
  return { push, pull, visible, applied: counts.applied ?? 0, seconds, lost: pushedIds.length - total + invisible, duplicated };
}

async function headCursor(db: pg.Client): Promise<number> {
  return Number((await db.query(`SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS v FROM change_seq`)).rows[0].v);
}

export async function benchServerScale(opts: { quick: boolean }): Promise<BenchMetric[]> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('  server scale: skipped, needs a PostgreSQL (set TEST_DATABASE_URL or BENCH_DATABASE_URL)');
    return [];
  }
  const orgCount = opts.quick ? 1000 : 10_000;
  const desktops = opts.quick ? 100 : 1000;
  const decisions = 2;
  const schema = `qabyl_bench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const target = new URL(url);
  target.searchParams.set('options', `-c search_path=${schema}`);
  const instances: ServerProcess[] = [];
  const db = new pg.Client({ connectionString: target.toString() });
  try {
    instances.push(await startServerProcess(target.toString(), [SEED_CONTRACTS, 0, 0]));
    instances.push(await startServerProcess(target.toString(), [SEED_CONTRACTS, 0, 0]));
    await db.connect();
    const seeded = await seedOrganisations(db, orgCount, desktops / 2);
    const tokens = await issueTokens(db, seeded.staffIins.flat());
    const orgs: Org[] = seeded.orgs.map((o, i) => ({
      ...o,
      pusher: { token: tokens[i * 2]!, clientId: `bench-${i}-a`, baseUrl: instances[0]!.url, clientSeq: 0 },
      watcher: { token: tokens[i * 2 + 1]!, clientId: `bench-${i}-b`, baseUrl: instances[1]!.url, clientSeq: 0 },
    }));
    if (orgs.some((o) => o.documents.length < decisions * 2)) throw new Error('the seed has too few pending documents per organisation');
    const two = await runPhase(db, orgs, decisions, 0);
    for (const o of orgs) o.watcher.baseUrl = instances[0]!.url;
    const one = await runPhase(db, orgs, decisions, decisions);
    const note = (r: PhaseResult) => `${desktops} desktops over ${orgCount} organisations, ${r.applied} decisions in ${r.seconds.toFixed(1)} s`;
    const side = (name: string, unit: string, two: number, one: number, target: { op: '<=' | '>='; value: number }, notes: string) =>
      metric({ metric: name, value: two, unit, target, baseline: one, notes: `2 instances; baseline = 1 instance. ${notes}` });
    return [
      side('scale_push_p95', 'ms', percentile(two.push, 95), percentile(one.push, 95), { op: '<=', value: 500 }, note(two)),
      side('scale_pull_p95', 'ms', percentile(two.pull, 95), percentile(one.pull, 95), { op: '<=', value: 500 }, note(two)),
      side('scale_change_visible_p95', 'ms', percentile(two.visible, 95), percentile(one.visible, 95), { op: '<=', value: 1000 }, 'push answered → the partner desktop on the other instance pulled it'),
      side('scale_decisions_per_s', 'decisions/s', two.applied / two.seconds, one.applied / one.seconds, { op: '>=', value: 50 }, note(two)),
      metric({
        metric: 'scale_lost_or_duplicated',
        value: two.lost + two.duplicated + one.lost + one.duplicated,
        unit: 'decisions',
        target: { op: '<=', value: 0 },
        notes: `lost ${two.lost}/${one.lost}, duplicated ${two.duplicated}/${one.duplicated} (2 instances / 1)`,
      }),
    ];
  } finally {
    await db.end().catch(() => undefined);
    for (const instance of instances) await instance.stop();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
