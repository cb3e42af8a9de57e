/** The parent portal of the demo (`/v1/dev/parent/*`, `npm run parent`): wraps parent actions in transactions + pokes. */
import { notifications } from '../db/schema';
import { asc, eq } from 'drizzle-orm';
import type { ServerContext } from '../context';
import { lockWrites, type ServerTx } from '../db/connect';
import { currentSeq, getRow, listRowsWhere } from '../store/entity-store';
import { notFound } from '../http/errors';
import { parentResubmit, parentSubmit, parentWithdraw, type ParentTools } from './parent-actions';
import { txWriter } from '../store/row-writer';
import { SEED_DOCUMENT_KINDS, seedUpload } from '../seed/demo-seed';
import type { DocumentImageFactory } from '../seed/document-images';
import type { Parent } from '../../domain/entities';

export class ParentSimulator {
  constructor(
    private readonly ctx: ServerContext,
    private readonly tools: ParentTools,
    private readonly images: DocumentImageFactory,
  ) {}

  private async write<T>(work: (tx: ServerTx) => Promise<{ orgId: string; value: T }>): Promise<T> {
    const { orgId, value, cursor } = await this.ctx.db.transaction(async (tx) => {
      await lockWrites(tx);
      const out = await work(tx);
      return { ...out, cursor: await currentSeq(tx) };
    });
    this.ctx.events.poke([orgId], cursor);
    return value;
  }

  private async contract(tx: ServerTx, id: string) {
    const row = await getRow(tx, 'contract', id);
    if (!row) throw notFound();
    return row;
  }

  /** Fills the parent's data, attaches the standard documents and signs. */
  submit(contractId: string, parent: Partial<Omit<Parent, 'iin' | 'fullName'>>) {
    return this.write(async (tx) => {
      const row = await this.contract(tx, contractId);
      const c = row.data;
      const uploads = await Promise.all(SEED_DOCUMENT_KINDS.map((k) => seedUpload(this.images, this.tools.cache, k, c.child.fullName, `ИИН ${c.child.iin}`)));
      const filled: Parent = {
        ...c.parent,
        idDocumentNumber: c.parent.idDocumentNumber || '045123987',
        address: c.parent.address || 'г. Астана, ул. Кенесары, 1',
        workplace: c.parent.workplace || 'ТОО «Астана Сервис»',
        position: c.parent.position || 'Менеджер',
        ...parent,
      };
      return { orgId: row.orgId, value: await parentSubmit(txWriter(tx), this.tools, row, filled, uploads, this.ctx.now()) };
    });
  }

  resubmit(contractId: string) {
    return this.write(async (tx) => {
      const row = await this.contract(tx, contractId);
      const when = this.ctx.now().toISOString();
      const value = await parentResubmit(txWriter(tx), this.tools, row, (d) => ({
        kind: d.kind, fileName: `${d.kind}-r${row.data.round + 1}.jpg`, mime: 'image/jpeg',
        bytes: this.images.render(d.kind, row.data.child.fullName, `Заменён / Ауыстырылды ${when}`),
      }), this.ctx.now());
      return { orgId: row.orgId, value };
    });
  }

  withdraw(contractId: string) {
    return this.write(async (tx) => {
      const row = await this.contract(tx, contractId);
      return { orgId: row.orgId, value: await parentWithdraw(txWriter(tx), row, this.ctx.now()) };
    });
  }

  async notifications(parentIin: string) {
    const rows = await this.ctx.db.select().from(notifications).where(eq(notifications.parentIin, parentIin)).orderBy(asc(notifications.seq));
    return rows.map((r) => ({ id: r.id, subjectType: r.subjectType, subjectId: r.subjectId, kind: r.kind, textKk: r.textKk, textRu: r.textRu, createdAt: r.createdAt }));
  }

  /** Server state of a contract for e2e tests: the row, all its documents and its history. */
  async contractState(contractId: string) {
    const row = await getRow(this.ctx.db, 'contract', contractId);
    if (!row) throw notFound();
    const documents = await listRowsWhere(this.ctx.db, 'contractDocument', 'contractId', contractId);
    const history = await listRowsWhere(this.ctx.db, 'historyEvent', 'subjectId', contractId);
    return { contract: row.data, documents: documents.map((d) => d.data), history: history.map((h) => h.data).sort((a, b) => a.at.localeCompare(b.at)) };
  }
}
