/** The parent portal of the demo (`/v1/dev/parent/*`, `npm run parent`): wraps parent actions in transactions + pokes. */
import { notifications } from '../../server/db/schema';
import { asc, eq } from 'drizzle-orm';
import type { ServerContext } from '../../server/context';
import type { ServerTx } from '../../server/db/connect';
import { publishChanges } from '../../server/events/change-feed';
import { registerWriter } from '../../server/store/change-horizon';
import { currentSeq, getRow, listRowsWhere } from '../../server/store/entity-store';
import { parentApplySpecialQueue, parentResubmit, parentSubmit, parentWithdraw, PMPK_ORG_ID, type ParentTools } from './parent-actions';
import { randomUUID } from 'node:crypto';
import type { Child } from '../../domain/entities';
import type { CorrectionType, DocumentKind } from '../../domain/catalogue-ids';
import { documentUploadProblem } from '../../domain/rules';
import { fileRefusal } from '../../server/blobs/routes';
import type { UploadedDocument } from './parent-actions';
import { todayInKazakhstan } from '../../domain/calendar';
import { demoParents, parentFullName } from '../seed/parent-keys';
import { HttpError, notFound } from '../../server/http/errors';
import type { WriteRun } from '../../server/mutations/common';
import { answerVoucherInterest, chooseVoucherKindergarten, extendVoucherWindow, issueVoucherTo } from '../../server/vouchers/voucher-actions';

export interface SpecialQueueInput {
  parentIin: string;
  child: Child;
  correctionType: CorrectionType;
  parentPhone?: string | undefined;
  locality?: string | undefined;
  kindergartens?: string[] | undefined;
  teachingLanguage?: 'kk' | 'ru' | undefined;
  conclusionDate?: string | undefined;
}
import { txWriter } from '../../server/store/row-writer';
import { releasePlace } from '../../server/groups/places';
import { seedDocumentKinds, seedUpload } from '../seed/demo-seed';
import type { DocumentImageFactory } from '../seed/document-images';
import type { Parent } from '../../domain/entities';

export interface ParentFile {
  kind: DocumentKind;
  fileName: string;
  mime: string;
  base64: string;
}

/** The portal's upload rules (JPEG or PDF, ≤ 2 MB, readable), refused with the kk/ru texts. */
function checkedUpload(file: ParentFile): UploadedDocument {
  const bytes = new Uint8Array(Buffer.from(file.base64, 'base64'));
  const problem = documentUploadProblem({ mime: file.mime, bytes });
  if (problem) throw fileRefusal(problem);
  return { kind: file.kind, fileName: file.fileName, mime: file.mime as UploadedDocument['mime'], bytes };
}

export class ParentSimulator {
  constructor(
    private readonly ctx: ServerContext,
    private readonly tools: ParentTools,
    private readonly images: DocumentImageFactory,
  ) {}

  private async write<T>(work: (tx: ServerTx) => Promise<{ orgId: string; value: T }>): Promise<T> {
    return this.ctx.db.transaction(async (tx) => {
      await registerWriter(tx);
      const { orgId, value } = await work(tx);
      await publishChanges(tx, this.ctx.changeChannel, [orgId], await currentSeq(tx));
      return value;
    });
  }

  /** A step that records the organisations it touched itself (voucher steps): they all get a poke. */
  private async writeRun<T>(work: (run: WriteRun) => Promise<T>): Promise<T> {
    const touchedOrgs = new Set<string>();
    const now = this.ctx.now();
    return this.ctx.db.transaction(async (tx) => {
      await registerWriter(tx);
      const value = await work({ tx, now, touchedOrgs });
      await publishChanges(tx, this.ctx.changeChannel, touchedOrgs, await currentSeq(tx));
      return value;
    });
  }

  /** The authority's distribution: the application's turn came, it gets a voucher. */
  issueVoucher(applicationId: string) {
    return this.writeRun((run) => issueVoucherTo(run, applicationId));
  }

  /** «Выбрать» → «Да» / «Нет» on the voucher. */
  answerVoucher(applicationId: string, interested: boolean) {
    return this.writeRun((run) => answerVoucherInterest(run, applicationId, interested));
  }

  /** «Выбрать ДО» → «Зачислиться»: the kindergarten then sends the contract («Ожидайте договор от ДО»). */
  chooseKindergarten(applicationId: string, kindergartenId: string) {
    return this.writeRun((run) => chooseVoucherKindergarten(run, applicationId, kindergartenId));
  }

  /** The one 2-day extension, on the last day of the enrollment window. */
  extendVoucher(applicationId: string) {
    return this.writeRun((run) => extendVoucherWindow(run, applicationId));
  }

  /** Server state of a special-queue application with its history. */
  async applicationState(applicationId: string) {
    const row = await getRow(this.ctx.db, 'specialQueueApplication', applicationId);
    if (!row) throw notFound();
    const history = await listRowsWhere(this.ctx.db, 'historyEvent', 'subjectId', applicationId);
    return { application: row.data, history: history.map((h) => h.data).sort((a, b) => a.at.localeCompare(b.at)) };
  }

  private async contract(tx: ServerTx, id: string) {
    const row = await getRow(tx, 'contract', id);
    if (!row) throw notFound();
    return row;
  }

  /** Fills the parent's data, attaches the standard documents and signs. */
  submit(contractId: string, input: Partial<Omit<Parent, 'iin' | 'fullName'>> & { files?: ParentFile[] | undefined; omit?: DocumentKind[] | undefined }) {
    const { files = [], omit = [], ...parent } = input;
    const attached = files.map(checkedUpload);
    return this.write(async (tx) => {
      const row = await this.contract(tx, contractId);
      const c = row.data;
      const generated = seedDocumentKinds(c).filter((k) => !omit.includes(k) && !attached.some((a) => a.kind === k));
      const uploads = [...attached, ...(await Promise.all(generated.map((k) => seedUpload(this.images, this.tools.cache, k, c.child.fullName, `ИИН ${c.child.iin}`))))];
      const filled: Parent = {
        ...c.parent,
        idDocumentNumber: c.parent.idDocumentNumber || '045123987',
        address: c.parent.address || 'г. Астана, ул. Кенесары, 1',
        workplace: c.parent.workplace || 'ТОО «Астана Сервис»',
        position: c.parent.position || 'Менеджер',
        ...parent,
      };
      return { orgId: row.orgId, value: await parentSubmit(txWriter(tx, this.ctx.blobs), this.tools, row, filled, uploads, this.ctx.now()) };
    });
  }

  resubmit(contractId: string) {
    return this.write(async (tx) => {
      const row = await this.contract(tx, contractId);
      const when = this.ctx.now().toISOString();
      const value = await parentResubmit(txWriter(tx, this.ctx.blobs), this.tools, row, (d) => ({
        kind: d.kind, fileName: `${d.kind}-r${row.data.round + 1}.jpg`, mime: 'image/jpeg',
        bytes: this.images.render(d.kind, row.data.child.fullName, `Заменён / Ауыстырылды ${when}`),
      }), this.ctx.now());
      return { orgId: row.orgId, value };
    });
  }

  withdraw(contractId: string) {
    return this.write(async (tx) => {
      const row = await this.contract(tx, contractId);
      const value = await parentWithdraw(txWriter(tx, this.ctx.blobs), row, this.ctx.now());
      await releasePlace(tx, contractId);
      return { orgId: row.orgId, value };
    });
  }

  /** A demo parent applies to the special queue for a child (with a generated PMPK conclusion). */
  applySpecialQueue(input: SpecialQueueInput) {
    const parent = demoParents.find((p) => p.iin === input.parentIin);
    if (!parent) throw new HttpError(422, 'NO_PARENT_KEY', 'The demo has no test key for this parent');
    const now = this.ctx.now();
    return this.write(async (tx) => {
      const value = await parentApplySpecialQueue(txWriter(tx, this.ctx.blobs), this.tools, {
        id: randomUUID(), number: `ПМПК-${now.getTime().toString(36).toUpperCase()}`, child: input.child, parentIin: parent.iin,
        parentFullName: parentFullName(parent), parentPhone: input.parentPhone ?? '+7 701 000 0000', correctionType: input.correctionType,
        locality: input.locality ?? 'Астана', kindergartens: input.kindergartens ?? ['kg1', 'kg2'], teachingLanguage: input.teachingLanguage ?? 'kk',
        conclusionDate: input.conclusionDate ?? todayInKazakhstan(now), submittedAt: now.toISOString(),
      }, { sign: true, now });
      return { orgId: PMPK_ORG_ID, value };
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
