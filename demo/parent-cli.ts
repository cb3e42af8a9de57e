/**
 * The demo parent portal on the command line, against a running demo server (`npm run server -- --demo`):
 *   npm run parent -- submit <contractId>
 *   npm run parent -- resubmit <contractId>          replaces the flagged documents and signs again
 *   npm run parent -- withdraw <contractId>
 *   npm run parent -- special-queue <parentIin> <childFullName> <childIin> <birthDate> <male|female> <correctionType>
 *   npm run parent -- issue-voucher <applicationId>    the authority's distribution: the application's turn came
 *   npm run parent -- voucher-interest <applicationId> <yes|no>
 *   npm run parent -- voucher-kindergarten <applicationId> <kindergartenId>
 *   npm run parent -- voucher-extend <applicationId>   the one 2-working-day extension, on the last day
 *   npm run parent -- application <applicationId>     the server state of a special-queue application
 *   npm run parent -- notifications <parentIin>
 *   npm run parent -- contract <contractId>          the server state of a contract (row, documents, history)
 * The server address comes from --server (default http://127.0.0.1:8787) or QABYL_SERVER.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { correctionTypeSchema } from '../domain/catalogue-ids';
import { iinSchema, isoDateSchema } from '../domain/entities';

const { values, positionals } = parseArgs({ options: { server: { type: 'string' } }, allowPositionals: true });
const server = (values.server ?? process.env.QABYL_SERVER ?? 'http://127.0.0.1:8787').replace(/\/$/, '');

const commands = {
  submit: z.tuple([z.string().min(1)]),
  resubmit: z.tuple([z.string().min(1)]),
  withdraw: z.tuple([z.string().min(1)]),
  'special-queue': z.tuple([iinSchema, z.string().min(3), iinSchema, isoDateSchema, z.enum(['male', 'female']), correctionTypeSchema]),
  'issue-voucher': z.tuple([z.string().min(1)]),
  'voucher-interest': z.tuple([z.string().min(1), z.enum(['yes', 'no'])]),
  'voucher-kindergarten': z.tuple([z.string().min(1), z.string().min(1)]),
  'voucher-extend': z.tuple([z.string().min(1)]),
  application: z.tuple([z.string().min(1)]),
  notifications: z.tuple([iinSchema]),
  contract: z.tuple([z.string().min(1)]),
} as const;
type Command = keyof typeof commands;

async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(payload)}`);
  return payload;
}

function request(command: Command, args: string[]): Promise<unknown> {
  const contract = (id: string) => `/v1/dev/parent/contracts/${encodeURIComponent(id)}`;
  const voucher = (id: string) => `/v1/dev/parent/special-queue/${encodeURIComponent(id)}/voucher`;
  switch (command) {
    case 'submit': return call('POST', `${contract(args[0]!)}/submit`, {});
    case 'resubmit': return call('POST', `${contract(args[0]!)}/resubmit`, {});
    case 'withdraw': return call('POST', `${contract(args[0]!)}/withdraw`, {});
    case 'special-queue': {
      const [parentIin, fullName, iin, birthDate, sex, correctionType] = commands['special-queue'].parse(args);
      return call('POST', '/v1/dev/parent/special-queue', { parentIin, child: { fullName, iin, birthDate, sex }, correctionType });
    }
    case 'issue-voucher': return call('POST', `/v1/dev/special-queue/${encodeURIComponent(args[0]!)}/issue-voucher`, {});
    case 'voucher-interest': return call('POST', `${voucher(args[0]!)}/interest`, { interested: args[1] === 'yes' });
    case 'voucher-kindergarten': return call('POST', `${voucher(args[0]!)}/kindergarten`, { kindergartenId: args[1] });
    case 'voucher-extend': return call('POST', `${voucher(args[0]!)}/extend`, {});
    case 'application': return call('GET', `/v1/dev/special-queue/${encodeURIComponent(args[0]!)}`);
    case 'notifications': return call('GET', `/v1/dev/parent/notifications?iin=${args[0]!}`);
    case 'contract': return call('GET', `/v1/dev/contracts/${encodeURIComponent(args[0]!)}`);
  }
}

const [name, ...args] = positionals;
const command = z.enum(Object.keys(commands) as [Command, ...Command[]]).safeParse(name);
if (!command.success || !commands[command.data].safeParse(args).success) {
  console.error(`Usage: npm run parent -- <${Object.keys(commands).join('|')}> …  (see demo/parent-cli.ts)`);
  process.exit(2);
}
try {
  console.log(JSON.stringify(await request(command.data, args), null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
