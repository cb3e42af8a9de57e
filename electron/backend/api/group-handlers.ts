/** API handlers of groups (domain/api/groups.ts): the replica's groups with the outbox overlaid, and the head's decisions. */
import { randomUUID } from 'node:crypto';
import type { GroupView } from '../../../domain/api/groups';
import { kindergartenBulletin } from '../../../domain/bulletin';
import { calendarToday } from '../calendar/synced-calendar';
import { AppError } from '../../../domain/envelope';
import { directionSchema, groupSchema, organisationSchema, type Group } from '../../../domain/entities';
import { groupMismatchesFor, placesOf } from '../../../domain/groups';
import { createGroupArgsSchema } from '../../../domain/mutations';
import type { BackendContext } from '../context';
import type { OutboxRow } from '../sync/outbox';
import type { Handlers } from './dispatch';

type GroupHandlers = Pick<Handlers, 'groups.list' | 'groups.forDirection' | 'groups.create' | 'groups.update' | 'groups.close' | 'groups.bulletin'>;

const overlayOf = (rows: readonly OutboxRow[]): GroupView['sync'] =>
  rows.length === 0 ? null : rows.some((r) => r.status === 'rejected' || r.status === 'conflict') ? 'attention' : 'pending';

/** Open groups first, then by age and name. */
const byAge = (a: Group, b: Group) => a.status.localeCompare(b.status) * -1 || a.ageYears - b.ageYears || a.nameRu.localeCompare(b.nameRu);

export function groupHandlers(ctx: BackendContext): GroupHandlers {
  const { sqlite } = ctx.db;
  const { engine } = ctx.sync;
  const today = calendarToday(sqlite);

  const kindergarten = () => {
    const org = engine.user()?.orgs.find((o) => o.kind === 'kindergarten');
    if (!org) throw new AppError('NOT_ALLOWED', 'Groups belong to a kindergarten; your account has none.');
    return org;
  };

  /** Synced groups plus groups created here and not confirmed yet (shown at once, marked pending). */
  const groups = (): GroupView[] => {
    const orgId = kindergarten().id;
    const outbox = engine.outbox.all().filter((r) => r.targetEntity === 'group');
    const rows = (sqlite.prepare('SELECT data FROM groups WHERE org_id = ?').all(orgId) as { data: string }[]).map((r) => groupSchema.parse(JSON.parse(r.data)));
    const synced = new Set(rows.map((g) => g.id));
    const created = outbox
      .filter((r) => r.name === 'group.create' && !synced.has(r.targetId))
      .map((r): Group => {
        const { groupId, cms: _cms, capacity, ...fields } = createGroupArgsSchema.parse(r.args);
        return { ...fields, id: groupId, orgId, status: 'open', closedOn: null, version: 0, places: placesOf({ capacity, enrolled: 0, reserved: 0, specialNeeds: 0 }) };
      });
    return [...rows, ...created].sort(byAge).map((g) => ({ ...g, sync: overlayOf(outbox.filter((r) => r.targetId === g.id)) }));
  };

  const groupRow = (groupId: string) => {
    const row = engine.replica.row('group', groupId);
    if (!row) throw new AppError('GROUP_NOT_FOUND', 'No such group in your data (a new group can be changed once the server confirmed it).');
    return groupSchema.parse(row);
  };
  const queued = (row: { clientSeq: number }) => ({ clientSeq: row.clientSeq });

  return {
    'groups.list': () => groups(),
    'groups.forDirection': ({ directionId }) => {
      const direction = directionSchema.parse(engine.replica.row('direction', directionId) ?? null);
      const year = Number(today().slice(0, 4));
      const child = { birthDate: direction.child.birthDate, correctionType: direction.correctionType, teachingLanguage: direction.teachingLanguage };
      return groups()
        .filter((g) => g.status === 'open' && g.sync === null)
        .map((group) => ({ group, mismatches: groupMismatchesFor(group, child, year) }))
        .sort((a, b) => a.mismatches.length - b.mismatches.length);
    },
    'groups.create': async (fields) => {
      kindergarten();
      const groupId = `grp-${randomUUID()}`;
      const row = await ctx.decisions.decide('group.create', { ...fields, groupId }, 0);
      return { clientSeq: row.clientSeq, groupId };
    },
    'groups.update': async ({ groupId, capacity, specialNeedsLimit }) => {
      const group = groupRow(groupId);
      return queued(await ctx.decisions.decide('group.update', { groupId, capacity, specialNeedsLimit }, group.version));
    },
    'groups.close': async ({ groupId }) => {
      const group = groupRow(groupId);
      return queued(await ctx.decisions.decide('group.close', { groupId, closedOn: today() }, group.version));
    },
    'groups.bulletin': () => {
      const org = engine.replica.row('organisation', kindergarten().id);
      if (!org) return null;
      return kindergartenBulletin(organisationSchema.parse(org), groups().filter((g) => g.sync === null));
    },
  };
}
