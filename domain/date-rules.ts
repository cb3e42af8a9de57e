/**
 * Date rules of staff decisions, checked by the desktop before signing and by the server again.
 * - An offer's start date is not in the past and lies within the school year (1 September – 31 August): the
 *   current one, or from June on (the summer admission campaign) the next one.
 * - An archive (the child left) is dated not before the contract was signed and not after today.
 */
import { dateNumeric } from './contract-pdf/format';
import { text, type TextRef } from './text/text-ref';

export type DateProblem = 'START_DATE_IN_PAST' | 'START_DATE_OUTSIDE_SCHOOL_YEAR' | 'ARCHIVE_BEFORE_SIGNING' | 'ARCHIVE_IN_FUTURE';

/** The last day on which an offer made on `today` may start. */
export function latestOfferStart(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const schoolYearEnds = month >= 9 ? year + 1 : year;
  return `${month >= 6 && month <= 8 ? schoolYearEnds + 1 : schoolYearEnds}-08-31`;
}

export function offerStartProblem(startDate: string, today: string): DateProblem | null {
  if (startDate < today) return 'START_DATE_IN_PAST';
  return startDate > latestOfferStart(today) ? 'START_DATE_OUTSIDE_SCHOOL_YEAR' : null;
}

/** `signedOn` is the Kazakhstan date of the head's signature. */
export function archiveDateProblem(archivedOn: string, signedOn: string | null, today: string): DateProblem | null {
  if (archivedOn > today) return 'ARCHIVE_IN_FUTURE';
  return signedOn && archivedOn < signedOn ? 'ARCHIVE_BEFORE_SIGNING' : null;
}

/** The date a problem is measured against, for its message. */
export function dateProblemBound(problem: DateProblem, today: string, signedOn: string | null): string {
  if (problem === 'START_DATE_OUTSIDE_SCHOOL_YEAR') return latestOfferStart(today);
  if (problem === 'ARCHIVE_BEFORE_SIGNING') return signedOn ?? today;
  return today;
}

/** The problem as a catalogue text (domain/text/refusals.ts), with the date it is measured against. */
export function dateProblemText(problem: DateProblem, today: string, signedOn: string | null): TextRef {
  return text(problem, { date: dateNumeric(dateProblemBound(problem, today, signedOn)) });
}
