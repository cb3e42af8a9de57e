/**
 * The voucher steps of a special-queue application: issuing (the authority's distribution, when the turn comes),
 * the parent's answers (interest yes/no, the kindergarten, the one extension) and the deadlines that follow.
 * Each step is an ordinary change with history and a parent notification; expiries are the scheduler's.
 */
import type { Direction, SpecialQueueApplication } from '../../domain/entities';
import { offerDeadline, parentSignDeadline } from '../../domain/rules';
import { dueOnOf } from '../../domain/deadline';
import { inAllLanguages, parentNotification } from '../../domain/texts';
import { todayInKazakhstan } from '../../domain/calendar';
import { answerInterest, chooseKindergarten, extendVoucher, fitVoucherWindow, issueVoucher, type Voucher, type VoucherStep } from '../../domain/voucher';
import { HttpError, notFound } from '../http/errors';
import { notifyParent, SYSTEM_ACTOR, writeHistory, type WriteRun } from '../mutations/common';
import { reassignQueuePlaces } from '../queue/places';
import { getRow, listRowsWhere, putRow, type StoredRow } from '../store/entity-store';
import type { Language } from '../../domain/i18n-languages';

async function application(run: WriteRun, id: string): Promise<StoredRow<'specialQueueApplication'>> {
  const row = await getRow(run.tx, 'specialQueueApplication', id);
  if (!row) throw notFound();
  return row;
}

function stepped(step: VoucherStep): Voucher {
  if (!step.ok) throw new HttpError(409, step.code, `The voucher step is not possible now (${step.code})`);
  return step.voucher;
}

async function saveVoucher(
  run: WriteRun,
  row: StoredRow<'specialQueueApplication'>,
  changes: Partial<SpecialQueueApplication>,
  event: { kind: string; actorName: string; details: Record<string, unknown>; notice: (lang: Language) => string },
): Promise<SpecialQueueApplication> {
  const saved = await putRow(run.tx, 'specialQueueApplication', row.orgId, { ...row.data, ...changes });
  run.touchedOrgs.add(row.orgId);
  await writeHistory(run, row.orgId, { subjectType: 'special_queue', subjectId: row.id, kind: event.kind, actorName: event.actorName, round: null, details: event.details });
  await notifyParent(run.tx, run.now, {
    parentIin: row.data.parentIin,
    subjectType: 'special_queue',
    subjectId: row.id,
    kind: event.kind,
    text: inAllLanguages(event.notice),
  });
  return saved.data;
}

/** «Когда подойдет ваша очередь»: the application leaves its queue with a voucher; the rest of the queue moves up. */
export async function issueVoucherTo(run: WriteRun, applicationId: string): Promise<SpecialQueueApplication> {
  const row = await application(run, applicationId);
  if (row.data.status !== 'confirmed' || row.data.voucher) throw new HttpError(409, 'NOT_IN_QUEUE', 'Only a confirmed application waiting in the queue gets a voucher');
  const voucher = issueVoucher(todayInKazakhstan(run.now));
  const saved = await saveVoucher(run, row, { voucher, queuePlace: null }, {
    kind: 'voucher_issued', actorName: SYSTEM_ACTOR, details: { confirmDueOn: voucher.confirmDueOn },
    notice: (lang) => parentNotification.voucherIssued(voucher.confirmDueOn, lang),
  });
  await reassignQueuePlaces(run, saved, null);
  return saved;
}

/** «Выбрать» → «Да» / «Нет». «Нет» annuls the voucher and archives the application. */
export async function answerVoucherInterest(run: WriteRun, applicationId: string, interested: boolean): Promise<SpecialQueueApplication> {
  const row = await application(run, applicationId);
  const voucher = stepped(answerInterest(row.data.voucher, interested, todayInKazakhstan(run.now)));
  if (!interested) {
    return saveVoucher(run, row, { voucher, status: 'archived', archivedReason: 'voucher_declined' }, {
      kind: 'voucher_declined', actorName: row.data.parentFullName, details: {}, notice: parentNotification.voucherDeclined,
    });
  }
  return saveVoucher(run, row, { voucher }, {
    kind: 'voucher_interest_confirmed', actorName: row.data.parentFullName, details: { enrollDueOn: voucher.enrollDueOn },
    notice: (lang) => parentNotification.voucherInterestConfirmed(voucher.enrollDueOn!, lang),
  });
}

/** «Выбрать ДО» → «Зачислиться»: a voucher direction to the kindergarten, whose offer must fit the voucher window. */
export async function chooseVoucherKindergarten(run: WriteRun, applicationId: string, kindergartenId: string): Promise<SpecialQueueApplication> {
  const row = await application(run, applicationId);
  if (!(await getRow(run.tx, 'organisation', kindergartenId))) throw notFound();
  const directionId = `dir-voucher-${row.id}`;
  const voucher = stepped(chooseKindergarten(row.data.voucher, kindergartenId, row.data.kindergartens, directionId));
  const today = todayInKazakhstan(run.now);
  const direction: Omit<Direction, 'version'> = {
    id: directionId,
    orgId: kindergartenId,
    number: `В-${row.data.number}`,
    status: 'awaiting_offer',
    child: row.data.child,
    parentFullName: row.data.parentFullName,
    parentIin: row.data.parentIin,
    parentPhone: row.data.parentPhone,
    isVoucher: true,
    teachingLanguage: row.data.teachingLanguage,
    // A voucher comes from a confirmed PMPK conclusion: its confirmed type decides which special groups fit.
    correctionType: row.data.confirmedCorrectionType ?? row.data.correctionType,
    issuedOn: today,
    offerDueOn: fitVoucherWindow(dueOnOf(offerDeadline(today)), voucher),
    offerDueBasis: offerDeadline(today),
    voucherApplicationId: row.id,
  };
  await putRow(run.tx, 'direction', kindergartenId, direction);
  run.touchedOrgs.add(kindergartenId);
  return saveVoucher(run, row, { voucher }, {
    kind: 'voucher_kindergarten_chosen', actorName: row.data.parentFullName, details: { kindergartenId, directionId },
    notice: parentNotification.voucherAwaitingOffer,
  });
}

/** The one extension on the 5th day; the voucher's open direction and offer get the longer window too. */
export async function extendVoucherWindow(run: WriteRun, applicationId: string): Promise<SpecialQueueApplication> {
  const row = await application(run, applicationId);
  const voucher = stepped(extendVoucher(row.data.voucher, todayInKazakhstan(run.now)));
  await refitVoucherDeadlines(run, voucher);
  return saveVoucher(run, row, { voucher }, {
    kind: 'voucher_extended', actorName: row.data.parentFullName, details: { enrollDueOn: voucher.enrollDueOn },
    notice: (lang) => parentNotification.voucherExtended(voucher.enrollDueOn!, lang),
  });
}

async function refitVoucherDeadlines(run: WriteRun, voucher: Voucher): Promise<void> {
  if (!voucher.directionId) return;
  const direction = await getRow(run.tx, 'direction', voucher.directionId);
  if (!direction) return;
  if (direction.data.status === 'awaiting_offer') {
    await putRow(run.tx, 'direction', direction.orgId, { ...direction.data, offerDueOn: fitVoucherWindow(dueOnOf(direction.data.offerDueBasis ?? offerDeadline(direction.data.issuedOn)), voucher) });
  }
  for (const contract of await listRowsWhere(run.tx, 'contract', 'directionId', direction.id)) {
    if (!['offer_sent', 'awaiting_parent', 'rework_requested'].includes(contract.data.status)) continue;
    await putRow(run.tx, 'contract', contract.orgId, { ...contract.data, dueOn: fitVoucherWindow(dueOnOf(contract.data.dueBasis ?? parentSignDeadline(contract.data.offeredOn)), voucher) });
  }
  run.touchedOrgs.add(direction.orgId);
}

/** The voucher of a direction (null for an ordinary direction or a voucher no longer live). */
export async function voucherOfDirection(run: WriteRun, direction: Direction): Promise<StoredRow<'specialQueueApplication'> | null> {
  if (!direction.voucherApplicationId) return null;
  return getRow(run.tx, 'specialQueueApplication', direction.voucherApplicationId);
}

/** A voucher contract was signed by the kindergarten: the voucher is used. */
export async function markVoucherEnrolled(run: WriteRun, direction: Direction): Promise<void> {
  const row = await voucherOfDirection(run, direction);
  if (!row?.data.voucher || row.data.voucher.status !== 'interest_confirmed') return;
  const voucher: Voucher = { ...row.data.voucher, status: 'enrolled', endedOn: todayInKazakhstan(run.now) };
  await putRow(run.tx, 'specialQueueApplication', row.orgId, { ...row.data, voucher });
  run.touchedOrgs.add(row.orgId);
  await writeHistory(run, row.orgId, { subjectType: 'special_queue', subjectId: row.id, kind: 'voucher_enrolled', actorName: SYSTEM_ACTOR, round: null, details: { directionId: direction.id } });
}
