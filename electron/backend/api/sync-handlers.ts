/** API handlers of sync status, Needs attention and documents (domain/api/sync.ts). */
import { AppError } from '../../../domain/envelope';
import type { AttentionItem } from '../../../domain/api/sync';
import type { OutboxRow } from '../sync/outbox';
import type { SyncService } from '../sync/sync-service';
import type { Handlers } from './dispatch';

type SyncHandlers = Pick<
  Handlers,
  'sync.status' | 'sync.now' | 'sync.focus' | 'attention.list' | 'attention.get' | 'attention.discard' | 'documents.get'
>;

const withoutSignature = ({ cms: _cms, ...rest }: Record<string, unknown>) => rest;

function toItem(row: OutboxRow): AttentionItem {
  return {
    id: row.clientSeq,
    name: row.name,
    target: { entity: row.targetEntity, id: row.targetId },
    status: row.status === 'conflict' ? 'conflict' : 'rejected',
    code: row.resultCode,
    params: row.resultParams,
    message: row.resultMessage,
    createdAt: row.createdAt,
    answeredAt: row.answeredAt,
    args: withoutSignature(row.args),
    baseVersion: row.baseVersion,
  };
}

export function syncHandlers(sync: SyncService): SyncHandlers {
  const { engine } = sync;
  const attentionRow = (id: number): OutboxRow => {
    const row = engine.outbox.get(id);
    if (!row || (row.status !== 'rejected' && row.status !== 'conflict')) {
      throw new AppError('NOT_IN_ATTENTION', 'This decision is not waiting for attention.');
    }
    return row;
  };
  return {
    'sync.status': () => engine.status(),
    'sync.now': async () => {
      await engine.syncNow();
      return engine.status();
    },
    'sync.focus': () => {
      engine.focus();
      return {};
    },
    'attention.list': () => engine.outbox.attention().map(toItem),
    'attention.get': ({ id }) => {
      const row = attentionRow(id);
      return { ...toItem(row), current: row.current ?? engine.replica.row(row.targetEntity, row.targetId) };
    },
    'attention.discard': ({ id }) => {
      attentionRow(id);
      engine.discardAttention(id);
      return {};
    },
    'documents.get': async ({ sha256 }) => {
      const { bytes, mime } = await sync.readDocument(sha256);
      return { sha256, mime, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64') };
    },
  };
}
