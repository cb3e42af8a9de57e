/**
 * `npm run staff:remove -- --database-url URL --iin IIN --org ORG_ID`: a staff member leaves the organisation. Their
 * row disappears from every replica of it at the next pull, and their session ends.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connect';
import { changeChannel } from '../events/change-feed';
import { removeStaff } from '../staff/remove-staff';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, iin: { type: 'string' }, org: { type: 'string' } } });
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
if (!databaseUrl || !values.iin || !values.org) {
  console.error('Needs --database-url (or DATABASE_URL), --iin and --org.');
  process.exit(2);
}
const handle = await openDatabase({ kind: 'postgres', url: databaseUrl });
try {
  const { removed } = await removeStaff({ db: handle.db, changeChannel: await changeChannel(handle.db) }, { iin: values.iin, orgId: values.org });
  console.log(removed.length === 0 ? 'no such staff member in that organisation' : `removed: ${removed.map((s) => `${s.fullName} (${s.position})`).join(', ')}`);
} finally {
  await handle.close();
}
