/**
 * The agenda: every dated event the data holds, in one list (GET /api/agenda, the /agenda page and
 * its calendar feed). Pure: records in, events out; the service (services/agenda.service.ts) reads
 * the records and words the events.
 *
 * Rules (also in api/src/domain/README.md, "Agenda"):
 * - Only dates the data holds: a date recorded by a source, or worked out by a stated rule (a date
 *   of effect by the instrument's entry-into-force or withdrawal rule, a CAT due date by the
 *   Committee's rule). Such dates say `computed: true`. A review or session without a recorded date
 *   is not placed on a guessed one.
 * - "scheduled" and "held" are kept apart. A meeting is "held" only when a source records that it
 *   took place (a UPR review recorded as held, a CAT session with an activity not marked as planned);
 *   a deadline, a date of effect or a planned action is "held" once its date has come (`today`).
 * - Every event has a UID that stays the same across exports (calendar clients update rather than
 *   duplicate it): built from what the event is, never from its position or the request.
 */
import type { CatReport, CatSession } from './cat-reporting.js';
import type { Segment } from './status-engine.js';
import type { InstrumentId, IsoDate, Status } from './types.js';
import type { AgendaKind, AgendaStatus } from './vocabulary.js';

/** The domain part of every UID (RFC 5545 recommends a domain on the right-hand side). */
export const UID_DOMAIN = 'treaty-tracker';

export interface AgendaFact {
  uid: string;
  kind: AgendaKind;
  date: IsoDate;
  /** Last day, for an event over several days (a session, a two-day dialogue); null for one day. */
  endDate: IsoDate | null;
  status: AgendaStatus;
  stateIso3: string | null;
  instrumentId: InstrumentId | null;
  /** True when the date is worked out by a rule rather than recorded in a source. */
  computed: boolean;
  /** What the wording needs besides the state and the instrument. */
  details: AgendaDetails;
  sourceIds: string[];
}

export interface AgendaDetails {
  session?: number;
  /** UPR session: the States whose review the data lists for it. */
  statesReviewed?: number;
  reportNumber?: number;
  lastReportNumber?: number;
  /** Entry into force: the status the State had before (e.g. "party-not-in-force"). */
  statusBefore?: Status;
  /** A follow-up plan's action: its words and its plan. */
  action?: string;
  planId?: string;
  planTitle?: string;
  /** The day the action's plan was published (its as-of date). */
  publishedOn?: IsoDate;
  /** Amendment activation: "jurisdiction" (the Court's jurisdiction over aggression) or "for-all" (art. 121(4)). */
  activation?: 'jurisdiction' | 'for-all';
  /** Territory, for a CAT dialogue on a territory under the State (Hong Kong, Macao). */
  territory?: string;
}

const uid = (...parts: (string | number)[]) => `${parts.join('-')}@${UID_DOMAIN}`;
const passed = (date: IsoDate, today: IsoDate): AgendaStatus => (date <= today ? 'held' : 'scheduled');
const span = (from: IsoDate, to: IsoDate | null): IsoDate | null => (to && to > from ? to : null);

// --- UPR ---------------------------------------------------------------------------------------

export interface UprSessionInput {
  session: number;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  sourceIds: string[];
}
export interface UprReviewInput {
  id: string;
  stateIso3: string;
  session: number;
  status: string | null;
  reviewDate: IsoDate | null;
  sourceIds: string[];
}

/** A session with a recorded start; held once a review of it is recorded as held. */
export function uprSessionFacts(sessions: readonly UprSessionInput[], reviews: readonly UprReviewInput[]): AgendaFact[] {
  return sessions
    .filter((s): s is UprSessionInput & { startDate: IsoDate } => s.startDate !== null)
    .map((s) => {
      const ofSession = reviews.filter((r) => r.session === s.session);
      return {
        uid: uid('upr-session', s.session),
        kind: 'upr-session',
        date: s.startDate,
        endDate: span(s.startDate, s.endDate),
        status: ofSession.some((r) => r.status === 'held') ? 'held' : 'scheduled',
        stateIso3: null,
        instrumentId: null,
        computed: false,
        details: { session: s.session, statesReviewed: ofSession.length },
        sourceIds: [...s.sourceIds].sort(),
      };
    });
}

/** A review with a recorded date; a postponed review's date no longer holds and is left out. */
export function uprReviewFacts(reviews: readonly UprReviewInput[]): AgendaFact[] {
  return reviews
    .filter((r): r is UprReviewInput & { reviewDate: IsoDate } => r.reviewDate !== null && r.status !== 'postponed')
    .map((r) => ({
      uid: uid('upr-review', r.id),
      kind: 'upr-review',
      date: r.reviewDate,
      endDate: null,
      status: r.status === 'held' ? 'held' : 'scheduled',
      stateIso3: r.stateIso3,
      instrumentId: null,
      computed: false,
      details: { session: r.session },
      sourceIds: [...r.sourceIds].sort(),
    }));
}

// --- CAT ---------------------------------------------------------------------------------------

/** A session with a recorded start; held when the source records an activity as having taken place. */
export function catSessionFacts(sessions: readonly CatSession[]): AgendaFact[] {
  return sessions
    .filter((s): s is CatSession & { start: IsoDate } => s.start !== null)
    .map((s) => ({
      uid: uid('cat-session', s.session),
      kind: 'cat-session',
      date: s.start,
      endDate: span(s.start, s.end),
      status: s.activities.some((a) => !a.planned) ? 'held' : 'scheduled',
      stateIso3: null,
      instrumentId: 'uncat',
      computed: false,
      details: { session: s.session },
      sourceIds: [...s.sourceIds].sort(),
    }));
}

/**
 * Dialogues dated to the day: from the sessions' activities (planned or held as the source says),
 * then from report records for dialogues no session page lists. One per State, territory and first day.
 */
export function catDialogueFacts(sessions: readonly CatSession[], reports: readonly CatReport[]): AgendaFact[] {
  const out = new Map<string, AgendaFact>();
  for (const s of sessions)
    for (const a of s.activities) {
      if (a.dialogueDates?.precision !== 'day') continue;
      const id = uid('cat-dialogue', a.stateIso3, ...(a.territory ? [a.territory] : []), a.dialogueDates.from);
      out.set(id, {
        uid: id,
        kind: 'cat-dialogue',
        date: a.dialogueDates.from,
        endDate: span(a.dialogueDates.from, a.dialogueDates.to),
        status: a.planned ? 'scheduled' : 'held',
        stateIso3: a.stateIso3,
        instrumentId: 'uncat',
        computed: false,
        details: { session: s.session, ...(a.territory ? { territory: a.territory } : {}) },
        sourceIds: [a.sourceId],
      });
    }
  for (const r of reports) {
    if (r.dialogueDates?.precision !== 'day') continue;
    const id = uid('cat-dialogue', r.stateIso3, r.dialogueDates.from);
    if (out.has(id)) continue;
    out.set(id, {
      uid: id,
      kind: 'cat-dialogue',
      date: r.dialogueDates.from,
      endDate: span(r.dialogueDates.from, r.dialogueDates.to),
      // A report record lists dialogues that happened (the Committee considered the report).
      status: 'held',
      stateIso3: r.stateIso3,
      instrumentId: 'uncat',
      computed: false,
      details: {
        ...(r.dialogueSession !== null ? { session: r.dialogueSession } : {}),
        reportNumber: r.number,
        lastReportNumber: r.lastNumber,
      },
      sourceIds: [r.sourceId],
    });
  }
  return [...out.values()];
}

/** The report numbers in a UID: "3" or "5-6" (combined), as the CAT calendar feed writes them. */
const reportNumbers = (first: number, last: number) => (last !== first ? `${first}-${last}` : `${first}`);

/** A CAT deadline as the CAT calendar (catDeadlines) gives it: the next report and follow-ups on `today`. */
export interface CatDeadlineInput {
  uid: string;
  stateIso3: string;
  kind: 'report' | 'follow-up';
  reportNumber: number | null;
  lastReportNumber: number | null;
  date: IsoDate;
  computed: boolean;
  sourceIds: string[];
}

/**
 * Report and follow-up due dates known to the day: each report record's (past and future), then the
 * current deadlines (the next report, which has no record yet). The UIDs are the CAT calendar's,
 * so a reader subscribed to both sees one event.
 */
export function catDueFacts(reports: readonly CatReport[], current: readonly CatDeadlineInput[], today: IsoDate): AgendaFact[] {
  const out = new Map<string, AgendaFact>();
  for (const r of reports) {
    const numbers = reportNumbers(r.number, r.lastNumber);
    if (r.due.date && r.due.precision === 'day') {
      const id = `cat-${r.stateIso3}-report-${numbers}@${UID_DOMAIN}`;
      out.set(id, {
        uid: id,
        kind: 'cat-report-due',
        date: r.due.date,
        endDate: null,
        status: passed(r.due.date, today),
        stateIso3: r.stateIso3,
        instrumentId: 'uncat',
        computed: r.due.basis === 'computed',
        details: { reportNumber: r.number, lastReportNumber: r.lastNumber },
        sourceIds: [...new Set([r.due.sourceId ?? r.sourceId])],
      });
    }
    if (r.followUpDue.date && r.followUpDue.precision === 'day') {
      const id = `cat-${r.stateIso3}-follow-up-${numbers}@${UID_DOMAIN}`;
      out.set(id, {
        uid: id,
        kind: 'cat-follow-up-due',
        date: r.followUpDue.date,
        endDate: null,
        status: passed(r.followUpDue.date, today),
        stateIso3: r.stateIso3,
        instrumentId: 'uncat',
        computed: r.followUpDue.basis === 'computed',
        details: { reportNumber: r.number, lastReportNumber: r.lastNumber },
        sourceIds: [...new Set([r.followUpDue.sourceId ?? r.sourceId])],
      });
    }
  }
  for (const d of current) {
    if (out.has(d.uid)) continue;
    out.set(d.uid, {
      uid: d.uid,
      kind: d.kind === 'report' ? 'cat-report-due' : 'cat-follow-up-due',
      date: d.date,
      endDate: null,
      status: passed(d.date, today),
      stateIso3: d.stateIso3,
      instrumentId: 'uncat',
      computed: d.computed,
      details: d.reportNumber !== null ? { reportNumber: d.reportNumber, lastReportNumber: d.lastReportNumber ?? d.reportNumber } : {},
      sourceIds: d.sourceIds,
    });
  }
  return [...out.values()];
}

// --- Participation -----------------------------------------------------------------------------

const BOUND: ReadonlySet<Status> = new Set(['party', 'withdrawal-pending']);

/**
 * From one State's status history (status-engine.ts): the days on which it became bound (entry
 * into force for it) and on which a withdrawal took effect. A revoked withdrawal (pending → party)
 * is not a new entry into force.
 */
export function participationFacts(
  instrumentId: InstrumentId,
  stateIso3: string,
  segments: readonly Segment[],
  sourcesOf: (eventIds: readonly string[]) => string[],
  today: IsoDate,
): AgendaFact[] {
  const out: AgendaFact[] = [];
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1]!;
    const segment = segments[i]!;
    const date = segment.from;
    if (!date || (segment.fromPrecision && segment.fromPrecision !== 'day')) continue;
    const kind: AgendaKind | null =
      segment.status === 'party' && !BOUND.has(before.status)
        ? 'entry-into-force'
        : segment.status === 'withdrawn'
          ? 'withdrawal-effective'
          : null;
    if (!kind) continue;
    out.push({
      uid: uid(kind, instrumentId, stateIso3, date),
      kind,
      date,
      endDate: null,
      status: passed(date, today),
      stateIso3,
      instrumentId,
      // The engine works the date of effect out from the instrument's rule (or takes the date a source states).
      computed: true,
      details: { statusBefore: before.status },
      sourceIds: sourcesOf(kind === 'withdrawal-effective' ? before.detail.eventIds : segment.detail.eventIds),
    });
  }
  return out;
}

/** An instrument's own entry into force, for all its parties (the date the data records). */
export function instrumentEntryFact(instrumentId: InstrumentId, date: IsoDate, sourceIds: string[], today: IsoDate): AgendaFact {
  return {
    uid: uid('entry-into-force', instrumentId, date),
    kind: 'entry-into-force',
    date,
    endDate: null,
    status: passed(date, today),
    stateIso3: null,
    instrumentId,
    computed: false,
    details: {},
    sourceIds,
  };
}

/** An amendment's activation: the Court's jurisdiction over aggression, or art. 121(4) entry into force for all. */
export function activationFact(
  instrumentId: InstrumentId,
  date: IsoDate,
  activation: 'jurisdiction' | 'for-all',
  sourceIds: string[],
  today: IsoDate,
): AgendaFact {
  return {
    uid: uid('amendment-activation', instrumentId, date),
    kind: 'amendment-activation',
    date,
    endDate: null,
    status: passed(date, today),
    stateIso3: null,
    instrumentId,
    computed: activation === 'for-all',
    details: { activation },
    sourceIds,
  };
}

// --- Follow-up plans ---------------------------------------------------------------------------

export interface PlanActionInput {
  id: string;
  planId: string;
  planTitle: string;
  stateIso3: string;
  description: string;
  targetDate: IsoDate;
  publishedOn: IsoDate | null;
}

/** An action of a published follow-up plan with a target date. */
export function planActionFacts(actions: readonly PlanActionInput[], today: IsoDate): AgendaFact[] {
  return actions.map((a) => ({
    uid: uid('follow-up-action', a.id),
    kind: 'follow-up-action-due',
    date: a.targetDate,
    endDate: null,
    status: passed(a.targetDate, today),
    stateIso3: a.stateIso3,
    instrumentId: null,
    computed: false,
    details: {
      action: a.description,
      planId: a.planId,
      planTitle: a.planTitle,
      ...(a.publishedOn ? { publishedOn: a.publishedOn } : {}),
    },
    sourceIds: [],
  }));
}

/** Events by date, then kind (in the vocabulary's order), then UID: the same data always lists the same way. */
export function sortAgenda<T extends Pick<AgendaFact, 'date' | 'kind' | 'uid'>>(events: T[], kindOrder: readonly AgendaKind[]): T[] {
  return events.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0),
  );
}
