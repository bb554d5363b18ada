/**
 * The rules of the advocacy lists (summarised in api/src/domain/README.md): who is "not joined",
 * which instruments a campaign for one instrument also looks at, what counts as a State's last
 * and next UPR review on a date, and how long a promise has waited. Pure, no I/O.
 */
import { INSTRUMENT_IDS, type InstrumentId, type IsoDate, type Status } from './types.js';
import type { UprResponse } from './vocabulary.js';

/**
 * The statuses of a State that has not joined on the date: it signed and has not ratified, it
 * withdrew or is withdrawing, it withdrew its signature, or it never acted. A State whose
 * ratification is deposited but not yet in force (`party-not-in-force`) has joined: it is not a
 * campaign target. A State whose withdrawal is pending is still a State Party until the withdrawal
 * takes effect; it is listed because the campaign then is to have the withdrawal revoked.
 */
export const NOT_JOINED_STATUSES = [
  'signatory',
  'withdrawal-pending',
  'withdrawn',
  'signature-withdrawn',
  'no-action',
] as const satisfies readonly Status[];
export type NotJoinedStatus = (typeof NOT_JOINED_STATUSES)[number];
export const isNotJoined = (status: Status): status is NotJoinedStatus => (NOT_JOINED_STATUSES as readonly Status[]).includes(status);

/** How another instrument relates to the one a list is about. */
export type Relation = 'parent' | 'amendment' | 'agreement' | 'optional-protocol' | 'convention';

/** The amendments to the Rome Statute: the instruments whose ids start "rs-". */
const ROME_AMENDMENTS = INSTRUMENT_IDS.filter((id) => id.startsWith('rs-'));

/**
 * The instruments a campaign for one instrument also looks at: for the Rome Statute, APIC and the
 * amendments; for APIC and each amendment, the Statute itself (an amendment binds only States
 * Parties to the Statute); UNCAT and OPCAT each other (only a party to the Convention can join
 * the Protocol's system in practice, and the Protocol's National Preventive Mechanism builds on it).
 */
export function relatedInstruments(id: InstrumentId): { instrumentId: InstrumentId; relation: Relation }[] {
  if (id === 'rome-statute')
    return [
      { instrumentId: 'apic', relation: 'agreement' },
      ...ROME_AMENDMENTS.map((instrumentId) => ({ instrumentId, relation: 'amendment' as const })),
    ];
  if (id === 'apic') return [{ instrumentId: 'rome-statute', relation: 'parent' }];
  if (id === 'uncat') return [{ instrumentId: 'opcat', relation: 'optional-protocol' }];
  if (id === 'opcat') return [{ instrumentId: 'uncat', relation: 'convention' }];
  return [{ instrumentId: 'rome-statute', relation: 'parent' }];
}

/** The instruments whose States report to the Committee against Torture or host its visits. */
export const isTortureInstrument = (id: InstrumentId) => id === 'uncat' || id === 'opcat';

/** The dates a UPR review is known by. */
export interface ReviewDates {
  reviewDate: IsoDate | null;
  sessionStart: IsoDate | null;
  sessionEnd: IsoDate | null;
  sessionYear: number | null;
}

/**
 * The first day a review is known to have started (the day of the review, else its session's
 * first day, else 1 January of the session's year); null when nothing dates it.
 */
export const reviewStart = (r: ReviewDates): IsoDate | null =>
  r.reviewDate ?? r.sessionStart ?? (r.sessionYear !== null ? `${r.sessionYear}-01-01` : null);

/** The last day a review can have taken place (the review day, else the session's last day, else 31 December). */
export const reviewEnd = (r: ReviewDates): IsoDate | null =>
  r.reviewDate ?? r.sessionEnd ?? r.sessionStart ?? (r.sessionYear !== null ? `${r.sessionYear}-12-31` : null);

export interface DatedReview extends ReviewDates {
  session: number;
  status: string | null;
}

/**
 * A State's last and next UPR review on `asOf`, from its reviews in session order. The last is the
 * latest review over before `asOf`; the next is the first one not over before `asOf` (a review
 * on `asOf`, or in a session under way, is the next: the window is open). Postponed reviews are
 * neither. A review the calendar lists as scheduled on a date now past, that no source records as
 * held, is not the last either: whether it took place is not recorded.
 */
export function lastAndNextReview<R extends DatedReview>(reviews: readonly R[], asOf: IsoDate): { last: R | null; next: R | null } {
  let last: R | null = null;
  let next: R | null = null;
  for (const review of reviews) {
    const end = reviewEnd(review);
    if (review.status === 'postponed' || end === null) continue;
    if (end < asOf) {
      if (review.status !== 'scheduled') last = review;
    } else next ??= review;
  }
  return { last, next };
}

/** Whole years from `from` to `to` (0 within the first year), as a person counts an anniversary. */
export function wholeYearsBetween(from: IsoDate, to: IsoDate): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** The last date an ISO date of four-digit years can say: a window past it ends there. */
const LAST_ISO_DATE = '9999-12-31';

/**
 * The same day `months` months after `date`, or the month's last day where it has no such day (a
 * window "within 12 months" of 2026-12-04 ends 2027-12-04). A date past year 9999 is not an ISO
 * date of four-digit years, so a window that would end after it ends on 9999-12-31.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  if (target.getUTCFullYear() > 9999) return LAST_ISO_DATE;
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** What a State said about the recommendations to join, counted. */
export interface ResponseCounts {
  received: number;
  supported: number;
  noted: number;
  /** Partly supported, pending or not recorded. */
  other: number;
}

export function countResponses(responses: readonly (UprResponse | null)[]): ResponseCounts {
  const counts: ResponseCounts = { received: responses.length, supported: 0, noted: 0, other: 0 };
  for (const response of responses) {
    if (response === 'supported') counts.supported++;
    else if (response === 'noted') counts.noted++;
    else counts.other++;
  }
  return counts;
}
