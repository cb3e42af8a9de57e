/**
 * Bootstrap into a fresh replica file: the switch replaces the replica, the new file has the same tables, indexes and
 * FTS triggers, its search index is built, and a failed bootstrap leaves the old replica and no leftover file behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
});
