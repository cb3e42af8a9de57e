/**
 * Bootstrap into a fresh replica file: the switch replaces the replica, the new file has the same tables, indexes and
 * FTS triggers, its search index is built, rows keep the server's JSON text and their stored derived columns, and a
 * failed bootstrap leaves the old replica and no leftover file behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tabOfStatus } from '../../../domain/contract-tabs';
import type { Contract } from '../../../domain/entities';
import { ftsMatchExpression } from '../../../electron/backend/contracts/search';
import { SyncEngine } from '../../../electron/backend/sync/engine';
import { contract, documentOf, openTestReplica, type TestReplica } from '../contracts/inbox-fixtures';

interface Served {
  bootstrap: string;
  pulls: unknown[];
}

const ndjson = (contracts: Contract[], counts?: Record<string, number>) =>
  [
    ...contracts.map((c) => JSON.stringify({ entity: 'contract', id: c.id, version: c.version, data: c })),
    ...contracts.map((c) => documentOf(c, 1)).map((d) => JSON.stringify({ entity: 'contractDocument', id: d.id, version: 1, data: d })),
    JSON.stringify({ _meta: { cursor: 10, counts: counts ?? { contract: contracts.length, contractDocument: contracts.length } } }),
  ].join('\n') + '\n';

function engineOn(t: TestReplica, served: Served): SyncEngine {
  const engine = new SyncEngine({
    sqlite: t.db.sqlite,
    replica: t.db.replica,
    serverUrl: 'http://127.0.0.1:9',
    appVersion: '0.1.0',
    pokeSocketFactory: null,
    fetch: async (url) => {
      if (String(url).includes('/bootstrap')) return new Response(served.bootstrap, { status: 200 });
      return Response.json(served.pulls.shift() ?? { changes: [], cursor: 10, hasMore: false, mutations: [] });
    },
  });
  engine.state.saveSession('unit-token-0123456789', '2099-01-01T00:00:00Z', { id: 'u', iin: '780412401124', fullName: 'X', roles: ['head'], orgs: [] });
  return engine;
}

const search = (t: TestReplica, word: string) =>
  (t.db.sqlite.prepare('SELECT c.id FROM contracts_fts f JOIN contracts c ON c.rowid = f.rowid WHERE contracts_fts MATCH ? ORDER BY c.id').all(ftsMatchExpression(word)) as Array<{ id: string }>).map((r) => r.id);
const schemaObjects = (t: TestReplica) =>
  (t.db.sqlite.prepare("SELECT type, name, tbl_name FROM replica.sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<Record<string, string>>);
/** Files of the local database's folder: the DB and exactly one replica file (with their WAL files). */
const replicaFiles = (t: TestReplica) =>
  fs.readdirSync(path.dirname(t.db.replica.currentFile())).filter((f) => f.includes('.replica-') && f.endsWith('.db'));
const contractIds = (t: TestReplica) => (t.db.sqlite.prepare('SELECT id FROM contracts ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);

/** Each contract's stored derived columns beside the values they derive from, as the app reads them. */
function derivedColumns(t: TestReplica) {
  const rows = t.db.sqlite.prepare('SELECT id, tab, is_voucher AS isVoucher, group_id AS groupId, data FROM contracts ORDER BY id').all() as Array<{ id: string; tab: string; isVoucher: number; groupId: string | null; data: string }>;
  return rows.map((r) => {
    const c = JSON.parse(r.data) as Contract;
    return { stored: { id: r.id, tab: r.tab, isVoucher: r.isVoucher, groupId: r.groupId }, fromJson: { id: c.id, tab: tabOfStatus(c.status), isVoucher: Number(c.isVoucher), groupId: c.group.id } };
  });
}
const generatedKinds = (t: TestReplica) =>
  (t.db.sqlite.prepare("SELECT name, hidden FROM pragma_table_xinfo('contracts', 'replica') WHERE hidden IN (2, 3) ORDER BY name").all() as Array<{ name: string; hidden: number }>).map((c) => `${c.name}:${c.hidden === 3 ? 'stored' : 'virtual'}`);

let open: TestReplica | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

describe('bootstrap into a fresh replica file', () => {
  it('replaces the replica, keeps indexes and triggers, and rebuilds the search index', async () => {
    const t = (open = openTestReplica());
    const before = schemaObjects(t);
    const firstFile = t.db.replica.currentFile();
    const served: Served = { bootstrap: ndjson([contract(1, { child: { ...contract(1).child, fullName: 'Айгерім Сапарова' } }), contract(2)]), pulls: [] };
    const engine = engineOn(t, served);
    expect(await engine.pull()).toMatchObject({ ok: true });

    expect(schemaObjects(t)).toEqual(before);
    expect(before.some((o) => o.name === 'contracts_fts')).toBe(true);
    expect(t.db.replica.currentFile()).not.toBe(firstFile);
    expect(replicaFiles(t)).toEqual([path.basename(t.db.replica.currentFile())]);
    expect(engine.state.read()).toMatchObject({ cursor: 10, needsBootstrap: false });
    expect(contractIds(t)).toEqual(['c-1', 'c-2']);
    expect(search(t, 'Айгерім')).toEqual(['c-1']);
    const plan = t.db.sqlite.prepare("EXPLAIN QUERY PLAN SELECT id FROM contracts WHERE org_id = 'kg1' AND status = 'submitted'").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('contracts_org_status_idx');

    // An incremental pull goes through the re-created triggers.
    const renamed = contract(2, { version: 2, child: { ...contract(2).child, fullName: 'Нұрсұлтан Ахметов' } });
    served.pulls.push({ changes: [{ seq: 11, entity: 'contract', op: 'upsert', id: renamed.id, version: 2, data: renamed }], cursor: 11, hasMore: false, mutations: [] });
    expect(await engine.pull()).toMatchObject({ ok: true });
    expect(search(t, 'Нұрсұлтан')).toEqual(['c-2']);

    // A re-bootstrap replaces everything: old rows and their search entries are gone.
    served.bootstrap = ndjson([contract(3)]);
    served.pulls.push({ resetRequired: 'cursorExpired' });
    expect(await engine.pull()).toMatchObject({ ok: true });
    expect(contractIds(t)).toEqual(['c-3']);
    expect(search(t, 'Айгерім')).toEqual([]);
    expect(search(t, 'Бала')).toEqual(['c-3']);
  });

  it('keeps the old replica and leaves no other file when the counts do not match', async () => {
    const t = (open = openTestReplica());
    const served: Served = { bootstrap: ndjson([contract(1), contract(2)]), pulls: [] };
    const engine = engineOn(t, served);
    expect(await engine.pull()).toMatchObject({ ok: true });
    const before = schemaObjects(t);

    served.bootstrap = ndjson([contract(5)], { contract: 2, contractDocument: 1 });
    served.pulls.push({ resetRequired: 'cursorExpired' });
    const outcome = await engine.pull();
    expect(outcome.ok).toBe(false);
    expect(contractIds(t)).toEqual(['c-1', 'c-2']);
    expect(schemaObjects(t)).toEqual(before);
    expect(replicaFiles(t)).toEqual([path.basename(t.db.replica.currentFile())]);
    expect(search(t, 'Бала')).toEqual(['c-1', 'c-2']);
  });

  it("stores each row's data as the server sent it, and the derived columns as stored values equal to its JSON", async () => {
    const t = (open = openTestReplica());
    const voucher = contract(1, { isVoucher: true, status: 'signed', group: { id: 'grp-7', nameKk: 'Күншуақ', nameRu: 'Күншуақ' } });
    const plain = contract(2, { status: 'submitted', group: { id: null, nameKk: 'Балапан', nameRu: 'Балапан' } });
    // The server's text with its own spacing (on one line): kept byte for byte, not re-serialised.
    const voucherText = JSON.stringify(voucher, null, 1).replace(/\n */g, ' ');
    // A row with a key the schema does not know: zod strips it, so this one is stored as zod returns it.
    const extra = { ...contract(3), legacyField: 'x' };
    // Lines in another key order, or with a key after `data`, are decoded the general way.
    const reordered = JSON.stringify({ data: contract(4), version: 1, id: 'c-4', entity: 'contract' });
    const trailing = `{"entity":"contract","id":"c-5","version":1,"data":${JSON.stringify(contract(5))},"note":"x"}`;
    const served: Served = {
      bootstrap: [
        `{"entity":"contract","id":"c-1","version":1,"data":${voucherText}}`,
        JSON.stringify({ entity: 'contract', id: 'c-2', version: 1, data: plain }),
        JSON.stringify({ entity: 'contract', id: 'c-3', version: 1, data: extra }),
        reordered,
        trailing,
        JSON.stringify({ _meta: { cursor: 10, counts: { contract: 5 } } }),
      ].join('\n'),
      pulls: [],
    };
    const engine = engineOn(t, served);
    expect(await engine.pull()).toMatchObject({ ok: true });

    const stored = (id: string) => (t.db.sqlite.prepare('SELECT data FROM contracts WHERE id = ?').get(id) as { data: string }).data;
    expect(stored('c-1')).toBe(voucherText);
    expect(JSON.parse(stored('c-3'))).toEqual(contract(3));
    expect(JSON.parse(stored('c-4'))).toEqual(contract(4));
    expect(stored('c-5')).toBe(JSON.stringify(contract(5)));
    expect(generatedKinds(t)).toEqual(['group_id:stored', 'is_voucher:stored', 'tab:stored']);
    const afterBootstrap = derivedColumns(t);
    expect(afterBootstrap.map((r) => r.stored)).toEqual(afterBootstrap.map((r) => r.fromJson));
    expect(afterBootstrap[0]!.stored).toEqual({ id: 'c-1', tab: 'signed', isVoucher: 1, groupId: 'grp-7' });

    // A pull changes what the columns derive from: they follow.
    const moved = { ...voucher, version: 2, isVoucher: false, status: 'archived' as const, group: { id: 'grp-8', nameKk: 'Ақбота', nameRu: 'Ақбота' } };
    const placed = { ...plain, version: 2, isVoucher: true, group: { id: 'grp-7', nameKk: 'Күншуақ', nameRu: 'Күншуақ' } };
    served.pulls.push({
      changes: [
        { seq: 11, entity: 'contract', op: 'upsert', id: moved.id, version: 2, data: moved },
        { seq: 12, entity: 'contract', op: 'upsert', id: placed.id, version: 2, data: placed },
      ],
      cursor: 12,
      hasMore: false,
      mutations: [],
    });
    expect(await engine.pull()).toMatchObject({ ok: true });
    const afterPull = derivedColumns(t);
    expect(afterPull.map((r) => r.stored)).toEqual(afterPull.map((r) => r.fromJson));
    expect(afterPull.slice(0, 2).map((r) => r.stored)).toEqual([
      { id: 'c-1', tab: 'archive', isVoucher: 0, groupId: 'grp-8' },
      { id: 'c-2', tab: 'review', isVoucher: 1, groupId: 'grp-7' },
    ]);
  });
});
