/**
 * CAT reporting deadlines (UNCAT art. 19): what each State party owes the Committee against
 * Torture, what is due next, and what is *established* as overdue. Pure functions: no I/O.
 *
 * Rules (written out in api/src/domain/README.md), each tested with real cases in cat-reporting.test.ts:
 * - Initial report: due one year after the Convention entered into force for the State
 *   (art. 19(1)). Computed from the status engine's entry into force and marked computed. Not
 *   computed for a successor State whose date of effect is not recorded: the treaty bodies count
 *   from the date of State succession, which the sources do not give.
 * - Periodic reports: four years after the concluding observations on the previous report (art.
 *   19(1) "every four years"; the Committee sets the date in its concluding observations). The
 *   sources confirm the rule where they give both dates: Slovenia's 4th report was due "by 3 Jun
 *   2015", four years to the day after the concluding observations of 3 June 2011; Denmark's 8th
 *   was due in 2019, four years after those of 30 November 2015. When the concluding observations
 *   are dated only coarsely, or not at all, only a lower bound (`notBefore`) is computed: they are
 *   never adopted before the dialogue.
 * - Under the simplified procedure the Committee's list of issues prior to reporting starts the
 *   cycle and the State's replies are its report; the date the Committee set in that list is not
 *   in the sources, so the same computed date is used and the note says so.
 * - Follow-up information: due one year after the concluding observations, unless a source
 *   records the date the Committee asked for (Nigeria: "by 3 Dec 2022").
 * - A recorded due date wins over a computed one. A due *year* stated by a source (the year
 *   printed on a report) is kept as `asStated`; when the computed day falls in that year the
 *   computed day is used (it refines the year), otherwise the recorded year wins.
 *
 * Overdue is established, never inferred from silence:
 * - A report is overdue only when its due date has passed and the State's recorded history is
 *   `complete` (every round from the initial report is recorded), and then only up to the date
 *   the history is recorded to (`historyAsOf`): what happened after it is not known.
 * - Follow-up information is overdue only when the Committee's own latest list (on or before
 *   `asOf`) names the State as late; the report-by-report history does not claim to record every
 *   follow-up reply (Côte d'Ivoire's follow-up fell due in July 2025 and the Committee's November
 *   2025 list does not name it).
 * - Everything else that has passed without a recorded receipt is 'not-recorded', never overdue.
 *   A State whose history is not recorded is 'history-not-recorded', whatever its due dates.
 * - Days overdue are counted to the date the evidence covers (`establishedAsOf`), not beyond.
 *   Asked about a later date, a status established earlier is still reported, with that date: a
 *   page must say "as of" (the Committee's list of November 2025, the history recorded to April
 *   2026), never count on past the evidence.
 * - Only facts dated on or before `asOf` are used to compute: concluding observations adopted
 *   later do not set a due date yet (only a lower bound follows), and a list adopted later is
 *   not read.
 *
 * Evidence of a review is evidence of a report: a later recorded report, or a review of a report
 * in the sessions list (held, or announced for a session), shows a report was submitted. The
 * initial report is then never named as next due; unrecorded, it is 'submitted-not-recorded'.
 * Every party's initial report is listed with its due date, recorded or not.
 */
import { addDays, addYears, assertIsoDate, startOfNextPeriod } from './entry-into-force.js';
import { statusOn, type Instrument, type StatusResult } from './status-engine.js';
import { CAT_SITUATIONS, CONSENT_KINDS, type CatSituation, type IsoDate, type ParticipationEvent } from './types.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const CAT_COMPLETENESS = ['complete', 'partial', 'none'] as const;
export type CatCompleteness = (typeof CAT_COMPLETENESS)[number];

export { CAT_SITUATIONS, type CatSituation } from './types.js';

export const CAT_PROCEDURES = ['standard', 'simplified'] as const;
export type CatProcedure = (typeof CAT_PROCEDURES)[number];

/** What the sessions list says happened for a State at a session. */
export const CAT_ACTIVITY_KINDS = [
  'report-considered',
  'report-considered-without-delegation',
  'considered-without-report',
  'special-report-considered',
  'concluding-observations-adopted',
  'list-of-issues-prior-to-reporting-adopted',
  'list-of-issues-adopted',
  'review-postponed',
  'review-scheduled',
] as const;
export type CatActivityKind = (typeof CAT_ACTIVITY_KINDS)[number];

export const CAT_OBLIGATION_STATUSES = [
  /** A receipt, a distribution, a dialogue or concluding observations are recorded on or before asOf. */
  'received',
  /** The Committee reviewed the State without this report (it was never submitted). */
  'considered-without-report',
  'not-yet-due',
  /** Established: see the module comment. */
  'overdue',
  /** The due date has passed and the record does not say whether it was received. */
  'not-recorded',
  /** No due date is recorded or computable, and no lower bound shows it is still in the future. */
  'due-date-not-recorded',
  /**
   * Not recorded itself, but a later report or a review of a report is: it was submitted, at a
   * date the record does not give (evidence of a review is evidence of a report).
   */
  'submitted-not-recorded',
] as const;
export type CatObligationStatus = (typeof CAT_OBLIGATION_STATUSES)[number];

/** The deadline rules applied to computed dates (worded in api/src/messages/cat-reporting.en.json, `catReporting.rule`). */
export const CAT_RULE_IDS = ['initialReport', 'periodicReport', 'followUp'] as const;
export type CatRuleId = (typeof CAT_RULE_IDS)[number];

// ---------------------------------------------------------------------------------------------
// Records (the seed files; their zod schemas are in api/src/schemas/dataset.ts)

export type CatDatePrecision = 'day' | 'month' | 'year';

/** A date the source gives to the day, month or year; `date` is the first day of that period. */
export interface CatDate {
  date: IsoDate;
  precision: CatDatePrecision;
}

/** A span such as the two meeting days of a dialogue ("2017-04-21/2017-04-24"); from = to for one day. */
export interface CatDateSpan {
  from: IsoDate;
  to: IsoDate;
  precision: CatDatePrecision;
}

/** A report in a reason: its number, and the last number it covers (combined reports). */
export interface CatReportRef {
  reportNumber: number;
  lastReportNumber: number;
}

/**
 * Why a due date is what it is, or why there is none: a code with the values it needs, worded by
 * the catalogue (`catReporting.reason.due.<code>`). A due date may carry several, in order.
 */
export type CatDueReason =
  | { code: 'no-entry-into-force' }
  | { code: 'successor-state' }
  | { code: 'entry-into-force'; entryIntoForce: IsoDate; computed: boolean }
  | ({ code: 'after-concluding-observations'; years: number; adopted: IsoDate } & CatReportRef)
  | ({ code: 'concluding-observations-not-dated'; adoptedOnOrAfter: IsoDate; notBefore: IsoDate } & CatReportRef)
  | ({ code: 'concluding-observations-coarse'; adopted: CatDate; adoptedOnOrAfter: IsoDate; notBefore: IsoDate } & CatReportRef)
  | ({ code: 'review-not-recorded' } & CatReportRef)
  | ({ code: 'concluding-observations-not-recorded'; receivedBy: IsoDate; notBefore: IsoDate } & CatReportRef)
  | ({ code: 'not-yet-considered'; asOf: IsoDate } & CatReportRef)
  | { code: 'previous-report-not-recorded' }
  | ({ code: 'considered-together' } & CatReportRef)
  | { code: 'list-refers-to-unrecorded-observations' }
  | { code: 'simplified-procedure' }
  | { code: 'agrees-with-stated-year'; year: string }
  | { code: 'stated-year-wins'; year: string; computedDate: IsoDate };
export type CatDueReasonCode = CatDueReason['code'];

export interface CatDueDate {
  /** null: not recorded and not computable. */
  date: IsoDate | null;
  /** 'year' only for a recorded due year; computed dates are days. */
  precision: 'day' | 'year' | null;
  /** When no date can be computed: the computed date would not be earlier than this. */
  notBefore: IsoDate | null;
  basis: 'recorded' | 'computed' | null;
  /** Recorded: the source that states it. Computed: the source of the date it is computed from. */
  sourceId: string | null;
  /** Computed: the rule applied. */
  ruleId: CatRuleId | null;
  /** The source's own words for the due date, e.g. "2001" or "2015 (by 3 Jun 2015)". */
  asStated: string | null;
  /** How the date was arrived at, or why there is none. */
  reasons: CatDueReason[];
}

/** A due date in a reason: when, and how it is known. */
export type CatDueFacts = Pick<CatDueDate, 'date' | 'precision' | 'notBefore' | 'basis'>;

const dueFacts = ({ date, precision, notBefore, basis }: CatDueDate): CatDueFacts => ({ date, precision, notBefore, basis });

/** A due date as the seed records it: the rule and the reasons in English words (see `catDueDateText`). */
export type CatDueDateText = Omit<CatDueDate, 'ruleId' | 'reasons'> & { rule: string | null; note: string | null };

/** A follow-up reply: received on a day, or known only to have been received by a date. */
export interface CatFollowUpReceipt {
  on: IsoDate | null;
  /** The day by which it had certainly been received (= on when the day is known). */
  by: IsoDate;
  asStated: string;
}

/** One reporting round of one State (data/seed/cat-reports.json). */
export interface CatReport {
  /** `ISO3:n` or `ISO3:n-m` for a combined report. */
  id: string;
  stateIso3: string;
  /** 1 = initial report, 2 = second periodic report, ...; a combined report covers number..lastNumber. */
  number: number;
  lastNumber: number;
  /** As the source names it, e.g. "initial", "6th-7th periodic (combined)". */
  label: string;
  procedure: CatProcedure | null;
  procedureAsStated: string | null;
  /** Reviewed in the absence of a report (the report was never submitted). */
  consideredWithoutReport: boolean;
  documentSymbol: string | null;
  listOfIssuesSymbol: string | null;
  /** The due date a source records (a day or a year), or null. */
  dueRecorded: CatDate | null;
  dueAsStated: string | null;
  /** The due date to use: `dueRecorded`, or computed by `reportDueDate` (the normaliser stores its result, worded). */
  due: CatDueDateText;
  receivedOn: CatDate | null;
  /** The source's own words when they are more than a date, e.g. "2011-10-26 (date on report)". */
  receivedAsStated: string | null;
  distributedOn: IsoDate | null;
  dialogueSession: number | null;
  dialogueSessionNote: string | null;
  dialogueDates: CatDateSpan | null;
  concludingObservationsSymbol: string | null;
  concludingObservationsAdopted: CatDateSpan | null;
  /** The follow-up date a source records (the Committee's request), or null. */
  followUpDueRecorded: IsoDate | null;
  followUpDue: CatDueDateText;
  followUpReceived: CatFollowUpReceipt | null;
  latenessAsStatedByCommittee: string | null;
  otherEvents: string | null;
  /** The documents the row was compiled from, as the source lists them. */
  documents: string;
  sourceId: string;
  asOf: IsoDate;
}

/** One of the Committee's lists of States late with follow-up information (cat-follow-up-lists.json). */
export interface CatFollowUpList {
  id: string;
  session: number;
  /** YYYY-MM of the meeting. */
  month: string;
  sessionStart: IsoDate;
  sessionEnd: IsoDate;
  states: { iso3: string; nameAsInSource: string; position: number }[];
  listLength: number;
  sourceId: string;
  /** The last day of the session: the list had certainly been adopted by then. */
  asOf: IsoDate;
  note: string | null;
}

export interface CatSessionActivity {
  stateIso3: string;
  stateAsNamed: string;
  /** For reports on a territory under the State (Hong Kong, Macao). */
  territory: string | null;
  kind: CatActivityKind;
  /** The source announced it; it does not record that it happened. */
  planned: boolean;
  activityAsStated: string;
  dialogueDates: CatDateSpan | null;
  note: string | null;
  sourceId: string;
}

/** One session of the Committee (cat-sessions.json). */
export interface CatSession {
  id: string;
  session: number;
  start: IsoDate | null;
  end: IsoDate | null;
  activities: CatSessionActivity[];
  note: string | null;
  sourceIds: string[];
  asOf: IsoDate | null;
}

/** How complete a State's recorded reporting history is (cat-reporting-states.json). */
export interface CatReportingState {
  stateIso3: string;
  completeness: CatCompleteness;
  basis: string;
  reportNumbersRecorded: number[];
  sessionsRecorded: number[];
  followUpListsNaming: number[];
  /** The record covers events up to this date. */
  asOf: IsoDate;
  sourceIds: string[];
}

// ---------------------------------------------------------------------------------------------
// Dates

function dayNumber(date: IsoDate): number {
  assertIsoDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The last day of the period that `date` opens (2016-05-01, 'month' -> 2016-05-31). */
export function endOfPeriod(date: IsoDate, precision: CatDatePrecision): IsoDate {
  return precision === 'day' ? (assertIsoDate(date), date) : addDays(startOfNextPeriod(date, precision), -1);
}

const earliest = (dates: (IsoDate | null)[]): IsoDate | null =>
  dates.filter((d): d is IsoDate => d !== null).reduce<IsoDate | null>((min, d) => (min === null || d < min ? d : min), null);

/** The last day on which a due date has not yet passed (a due year runs to 31 December). */
function lastDayDue(due: CatDueDate): IsoDate | null {
  if (due.date === null) return null;
  return due.precision === 'year' ? endOfPeriod(due.date, 'year') : due.date;
}

// ---------------------------------------------------------------------------------------------
// Due dates

/** What the status engine says about the State and UNCAT on the date of interest. */
export type UncatFacts = Pick<StatusResult, 'status' | 'consent' | 'entryIntoForce'>;

const noDue = (reason: CatDueReason, extra: Partial<CatDueDate> = {}): CatDueDate => ({
  date: null,
  precision: null,
  notBefore: null,
  basis: null,
  sourceId: null,
  ruleId: null,
  asStated: null,
  reasons: [reason],
  ...extra,
});

const refOf = (report: Pick<CatReport, 'number' | 'lastNumber'>): CatReportRef => ({
  reportNumber: report.number,
  lastReportNumber: report.lastNumber,
});

/**
 * The initial report's computed due date: one year after entry into force for the State.
 * `uncatSourceId` is the source of the consent the entry into force is computed from.
 */
export function initialReportDue(uncat: UncatFacts, uncatSourceId: string | null): CatDueDate {
  const eif = uncat.entryIntoForce;
  // A succession takes effect from the date of State succession: computable only when recorded.
  if (uncat.consent?.kind === 'succession' && (eif === null || eif.computed)) return noDue({ code: 'successor-state' });
  if (eif === null || uncat.consent === null) return noDue({ code: 'no-entry-into-force' });
  return {
    date: addYears(eif.date, 1),
    precision: 'day',
    notBefore: null,
    basis: 'computed',
    sourceId: uncatSourceId,
    ruleId: 'initialReport',
    asStated: null,
    reasons: [{ code: 'entry-into-force', entryIntoForce: eif.date, computed: eif.computed }],
  };
}

/** The earliest date the concluding observations on `report` can carry: the dialogue, or the coarse date given. */
function considerationLowerBound(report: CatReport): IsoDate | null {
  const co = report.concludingObservationsAdopted;
  if (co && co.precision !== 'day') return co.from;
  const dialogue = report.dialogueDates;
  if (dialogue) return dialogue.precision === 'day' ? dialogue.to : dialogue.from;
  return null;
}

/** A date computed `years` after the concluding observations on `report` (or a lower bound). */
function afterConcludingObservations(report: CatReport, years: number, ruleId: CatRuleId): CatDueDate {
  const co = report.concludingObservationsAdopted;
  if (co && co.precision === 'day') {
    return {
      date: addYears(co.to, years),
      precision: 'day',
      notBefore: null,
      basis: 'computed',
      sourceId: report.sourceId,
      ruleId,
      asStated: null,
      reasons: [{ code: 'after-concluding-observations', years, adopted: co.to, ...refOf(report) }],
    };
  }
  const lower = considerationLowerBound(report);
  if (lower === null) return noDue({ code: 'review-not-recorded', ...refOf(report) });
  const notBefore = addYears(lower, years);
  const bound = { adoptedOnOrAfter: lower, notBefore, ...refOf(report) };
  return noDue(
    co
      ? { code: 'concluding-observations-coarse', adopted: { date: co.from, precision: co.precision }, ...bound }
      : { code: 'concluding-observations-not-dated', ...bound },
    { notBefore, basis: 'computed', sourceId: report.sourceId, ruleId },
  );
}

/**
 * The next periodic report after `previous` (computed; see the module comment). With `asOf`, as
 * things stood on that date: if `previous` had not been considered by then, its concluding
 * observations did not exist yet, so only a lower bound follows (four years after the day after).
 */
export function periodicReportDue(previous: CatReport, asOf?: IsoDate): CatDueDate {
  if (asOf !== undefined) {
    const considered = consideredBy(previous);
    if (considered === null) {
      // Not knowing when (or whether) it was considered is not knowing it was not: the only
      // bound the record gives is its receipt (concluding observations come after it).
      const received = reportReceivedBy(previous);
      if (received !== null && received <= asOf) {
        const notBefore = addYears(addDays(received, 1), 4);
        return noDue(
          { code: 'concluding-observations-not-recorded', receivedBy: received, notBefore, ...refOf(previous) },
          { notBefore, basis: 'computed', sourceId: previous.sourceId, ruleId: 'periodicReport' },
        );
      }
    } else if (considered > asOf) {
      return noDue(
        { code: 'not-yet-considered', asOf, ...refOf(previous) },
        { notBefore: addYears(addDays(asOf, 1), 4), basis: 'computed', sourceId: previous.sourceId, ruleId: 'periodicReport' },
      );
    }
  }
  return afterConcludingObservations(previous, 4, 'periodicReport');
}

/** Two reports the Committee considered at the same session (Bahrain's 2nd and 3rd in 2017). */
function consideredTogether(a: Pick<CatReport, 'dialogueSession'>, b: CatReport): boolean {
  return a.dialogueSession !== null && a.dialogueSession === b.dialogueSession;
}

/**
 * The due date of a recorded report: a recorded day wins; otherwise the computed date (initial:
 * from entry into force; periodic: from the concluding observations on `previous`), checked
 * against a due year the source states; a recorded year wins when they disagree.
 */
export function reportDueDate(
  report: Pick<CatReport, 'number' | 'dueRecorded' | 'dueAsStated' | 'sourceId' | 'procedure' | 'dialogueSession'>,
  previous: CatReport | null,
  uncat: UncatFacts,
  uncatSourceId: string | null,
  /** As things stood on this date (see `periodicReportDue`); omitted: with everything the sources record. */
  asOf?: IsoDate,
): CatDueDate {
  const recorded = report.dueRecorded;
  if (recorded && recorded.precision === 'day') {
    return {
      date: recorded.date,
      precision: 'day',
      notBefore: null,
      basis: 'recorded',
      sourceId: report.sourceId,
      ruleId: null,
      asStated: report.dueAsStated,
      reasons: [],
    };
  }
  let computed: CatDueDate =
    report.number === 1
      ? initialReportDue(uncat, uncatSourceId)
      : previous === null
        ? noDue({ code: 'previous-report-not-recorded' })
        : consideredTogether(report, previous)
          ? noDue({ code: 'considered-together', ...refOf(previous) })
          : periodicReportDue(previous, asOf);
  if (report.number > 1 && report.procedure === 'simplified' && computed.basis === 'computed') {
    computed = { ...computed, reasons: [...computed.reasons, { code: 'simplified-procedure' }] };
  }
  if (recorded && recorded.precision === 'year') {
    const year = recorded.date.slice(0, 4);
    if (computed.date !== null && computed.date.slice(0, 4) === year) {
      return { ...computed, asStated: report.dueAsStated, reasons: [...computed.reasons, { code: 'agrees-with-stated-year', year }] };
    }
    return {
      date: recorded.date,
      precision: 'year',
      notBefore: null,
      basis: 'recorded',
      sourceId: report.sourceId,
      ruleId: null,
      asStated: report.dueAsStated,
      reasons: computed.date !== null ? [{ code: 'stated-year-wins', year, computedDate: computed.date }] : [],
    };
  }
  return computed;
}

/** Follow-up information on the concluding observations on `report`: recorded request, else computed. */
export function followUpDueDate(report: CatReport): CatDueDate {
  if (report.followUpDueRecorded !== null) {
    return {
      date: report.followUpDueRecorded,
      precision: 'day',
      notBefore: null,
      basis: 'recorded',
      sourceId: report.sourceId,
      ruleId: null,
      asStated: null,
      reasons: [],
    };
  }
  return afterConcludingObservations(report, 1, 'followUp');
}

// ---------------------------------------------------------------------------------------------
// Receipt

/** The day by which the report had certainly been received, or null (never, or not recorded). */
export function reportReceivedBy(report: CatReport): IsoDate | null {
  if (report.consideredWithoutReport) return null;
  const span = (s: CatDateSpan | null) => (s ? endOfPeriod(s.from, s.precision) : null);
  return earliest([
    report.receivedOn ? endOfPeriod(report.receivedOn.date, report.receivedOn.precision) : null,
    report.distributedOn,
    span(report.dialogueDates),
    span(report.concludingObservationsAdopted),
  ]);
}

/**
 * The last day on which the report is established as not yet received, for a State whose history
 * is complete to `historyAsOf`: never received (considered without it, or no trace of it at all)
 * -> historyAsOf; a recorded receipt date -> the day before it; received at an unknown date
 * (only its distribution, dialogue or concluding observations are dated) -> nothing is
 * established, so the day before the first possible date ('0000-01-01').
 */
export function notReceivedUntil(report: CatReport, historyAsOf: IsoDate): IsoDate {
  if (report.consideredWithoutReport) return historyAsOf;
  if (report.receivedOn) {
    const firstPossible = report.receivedOn.date;
    return firstPossible > historyAsOf ? historyAsOf : addDays(firstPossible, -1);
  }
  return reportReceivedBy(report) === null ? historyAsOf : '0000-01-01';
}

/** When the Committee considered the report (or the State without it), or null. */
function consideredBy(report: CatReport): IsoDate | null {
  const span = (s: CatDateSpan | null) => (s ? endOfPeriod(s.from, s.precision) : null);
  return earliest([span(report.dialogueDates), span(report.concludingObservationsAdopted)]);
}

// ---------------------------------------------------------------------------------------------
// The State's reporting situation

/** The evidence that an obligation is overdue, as a code with its values (`catReporting.reason.overdue.<code>`). */
export type CatOverdueReason =
  | ({ code: 'not-received'; due: CatDueFacts; historyAsOf: IsoDate } & CatReportRef)
  /** `latenessAsStated`: the Committee's own words on the lateness, when recorded. */
  | ({ code: 'considered-without-report'; due: CatDueFacts; historyAsOf: IsoDate; latenessAsStated: string | null } & CatReportRef)
  /** On the Committee's list of States late with follow-up; `month` is YYYY-MM. */
  | { code: 'committee-follow-up-list'; month: string; session: number; position: number; listLength: number };

export interface CatOverdue {
  establishedBy: 'complete-history' | 'committee-follow-up-list';
  /** The date the evidence covers; days are counted to it. */
  establishedAsOf: IsoDate;
  /** null when the due date itself is not recorded (a State on a list with unrecorded concluding observations). */
  daysOverdue: number | null;
  sourceIds: string[];
  reason: CatOverdueReason;
}

/** How a report's receipt is known: on a day, in a month or year, by a day, or not dated at all. */
export type CatReceipt =
  | { kind: 'on'; date: IsoDate }
  | { kind: 'in'; date: IsoDate; precision: 'month' | 'year' }
  | { kind: 'by'; date: IsoDate }
  | { kind: 'undated' };

/** Why the next report follows the simplified procedure (`catReporting.reason.procedure.<code>`). */
export type CatProcedureReason = { code: 'recorded'; asStated: string } | { code: 'list-of-issues-prior-to-reporting'; session: number };

/** The facts behind a State's situation (`catReporting.reason.situation.<code>`, or the overdue evidence). */
export type CatSituationReason =
  | { code: 'not-in-force'; asOf: IsoDate; entryIntoForce: IsoDate | null }
  | { code: 'not-a-party'; asOf: IsoDate }
  | { code: 'overdue'; overdue: CatOverdueReason }
  | { code: 'up-to-date'; lastReceived: (CatReportRef & { receipt: CatReceipt }) | null; next: CatReportRef & { due: CatDueFacts } }
  /** The sessions list records a review the report-by-report record does not identify. */
  | { code: 'unidentified-review'; session: number; activityKind: CatActivityKind; activityAsStated: string }
  /** On a follow-up list (`month`, YYYY-MM) with no recorded review. */
  | { code: 'unidentified-concluding-observations'; month: string }
  /** The next report's due date has passed and the record does not establish that it is overdue. */
  | ({
      code: 'not-established';
      due: CatDueFacts;
      /** Received at a date the sources do not give (as opposed to not recorded as received). */
      receivedUndated: boolean;
      completeness: CatCompleteness;
      historyAsOf: IsoDate | null;
      completenessBasis: string | null;
    } & CatReportRef)
  /** No next report can be named: the completeness record says what is known. */
  | { code: 'history'; completenessBasis: string | null };

export interface CatReportObligation {
  kind: 'report';
  reportNumber: number;
  lastReportNumber: number;
  /** The source's own name for the report ("6th-7th periodic (combined)"); null for an obligation no source records yet. */
  recordedLabel: string | null;
  /** The recorded report (cat-reports.json), or null for an obligation no source records yet. */
  recordId: string | null;
  procedure: CatProcedure | null;
  procedureReason: CatProcedureReason | null;
  due: CatDueDate;
  status: CatObligationStatus;
  receivedBy: IsoDate | null;
  overdue: CatOverdue | null;
}

export interface CatFollowUpObligation {
  kind: 'follow-up';
  /** The report whose concluding observations are followed up; null when the source does not say. */
  reportNumber: number | null;
  lastReportNumber: number | null;
  /** Reports considered together with it, sharing the concluding observations (Bahrain's 2nd with its 3rd). */
  consideredWith: CatReportRef[];
  recordId: string | null;
  concludingObservationsAdopted: CatDateSpan | null;
  due: CatDueDate;
  status: CatObligationStatus;
  receivedBy: IsoDate | null;
  overdue: CatOverdue | null;
}

export type CatObligation = CatReportObligation | CatFollowUpObligation;

export interface CatReportingInput {
  stateIso3: string;
  asOf: IsoDate;
  /** The status engine's UNCAT result for the State on `asOf`. */
  uncat: UncatFacts;
  /** Source of the UNCAT consent event (cited for the computed initial due date). */
  uncatSourceId: string | null;
  /** The State's recorded reports (others are ignored). */
  reports: CatReport[];
  /** All of the Committee's follow-up lists. */
  followUpLists: CatFollowUpList[];
  /** The State's completeness record; null is read as 'none'. */
  history: CatReportingState | null;
  /** The Committee's sessions (the State's activities are picked out). */
  sessions?: CatSession[];
}

export interface CatReportingStatus {
  stateIso3: string;
  asOf: IsoDate;
  party: boolean;
  entryIntoForce: { date: IsoDate; computed: boolean } | null;
  completeness: CatCompleteness;
  /** The completeness record's own account (cat-reporting-states.json); null when the State has none. */
  completenessBasis: string | null;
  historyAsOf: IsoDate | null;
  /** Recorded reports in order, plus the next report when no source records it yet. */
  reports: CatReportObligation[];
  followUps: CatFollowUpObligation[];
  lastReportReceived: CatReportObligation | null;
  /** The next report owed; null when it cannot be identified from the record. */
  nextReportDue: CatReportObligation | null;
  situation: CatSituation;
  /** The facts behind the situation. */
  situationReason: CatSituationReason;
  establishedOverdue: CatObligation[];
}

const REVIEW_KINDS: ReadonlySet<CatActivityKind> = new Set([
  'report-considered',
  'report-considered-without-delegation',
  'considered-without-report',
  'concluding-observations-adopted',
  'list-of-issues-prior-to-reporting-adopted',
  'list-of-issues-adopted',
  'review-postponed',
  'review-scheduled',
]);

const PARTY_STATUSES = new Set(['party', 'withdrawal-pending']);

/**
 * Announced activities that show a report had been received: a report is scheduled for review,
 * or a list of issues adopted on it, only once it has arrived. (A list of issues prior to
 * reporting comes before the report, so its announcement shows nothing.)
 */
const ANNOUNCED_REVIEW_OF_A_REPORT: ReadonlySet<CatActivityKind> = new Set([
  'review-scheduled',
  'report-considered',
  'report-considered-without-delegation',
  'list-of-issues-adopted',
]);

/** Reviews that show a report was submitted: all but one held in its absence and a list of issues prior to reporting. */
const REVIEW_OF_A_REPORT: ReadonlySet<CatActivityKind> = new Set(
  [...REVIEW_KINDS].filter((k) => k !== 'considered-without-report' && k !== 'list-of-issues-prior-to-reporting-adopted'),
);

/**
 * A date by which the session had started: its own start (or end), else, for the sessions the
 * sources give no dates for, the start of the next later session that has one.
 */
export function sessionDate(session: CatSession, all: CatSession[]): IsoDate | null {
  const own = session.start ?? session.end;
  if (own !== null) return own;
  const later = all.filter((s) => s.session > session.session && (s.start ?? s.end) !== null).sort((a, b) => a.session - b.session)[0];
  return later ? (later.start ?? later.end) : null;
}

/** What one State's reporting is computed from: the input, with its reports in order and its sessions. */
interface StateRecord {
  stateIso3: string;
  asOf: IsoDate;
  uncat: UncatFacts;
  uncatSourceId: string | null;
  party: boolean;
  completeness: CatCompleteness;
  historyAsOf: IsoDate | null;
  /** The State's recorded reports, by number. */
  reports: CatReport[];
  sessions: CatSession[];
  followUpLists: CatFollowUpList[];
  historySourceIds: string[];
}

/** An obligation's status on `asOf` from its due date alone (nothing recorded as received). */
function statusFromDue(due: CatDueDate, asOf: IsoDate): CatObligationStatus {
  const lastDay = lastDayDue(due);
  if (lastDay !== null) return asOf <= lastDay ? 'not-yet-due' : 'not-recorded';
  return due.notBefore !== null && asOf < due.notBefore ? 'not-yet-due' : 'due-date-not-recorded';
}

/** Every recorded report with its due date and status on `asOf`. */
function recordedReportObligations(state: StateRecord): CatReportObligation[] {
  const { reports, asOf } = state;
  const previousOf = (r: CatReport) => reports.find((p) => p.lastNumber === r.number - 1) ?? null;
  return reports.map((r) => {
    const due = reportDueDate(r, previousOf(r), state.uncat, state.uncatSourceId, asOf);
    const receivedBy = reportReceivedBy(r);
    const considered = consideredBy(r);
    const status: CatObligationStatus =
      r.consideredWithoutReport && considered !== null && considered <= asOf
        ? 'considered-without-report'
        : receivedBy !== null && receivedBy <= asOf
          ? 'received'
          : statusFromDue(due, asOf);
    return {
      kind: 'report',
      reportNumber: r.number,
      lastReportNumber: r.lastNumber,
      recordedLabel: r.label,
      recordId: r.id,
      procedure: r.procedure,
      procedureReason: r.procedure ? { code: 'recorded', asStated: r.procedureAsStated ?? r.procedure } : null,
      due,
      status,
      receivedBy: status === 'received' ? receivedBy : null,
      overdue: null,
    };
  });
}

/** The next report, or why the record does not identify it. */
type NextReport = { next: CatReportObligation; unidentified: null } | { next: null; unidentified: CatSituationReason | null };

/**
 * The next report owed after the last one received (appended to `obligations` when no source
 * records it yet), with its procedure and, where the record establishes it, its overdue status;
 * or, when the record does not identify it, the reason why.
 */
function nextReport(state: StateRecord, obligations: CatReportObligation[]): NextReport {
  const { stateIso3, asOf, reports, sessions } = state;
  if (!state.party) return { next: null, unidentified: null };
  const lastReceived = obligations.filter((o) => o.status === 'received').at(-1) ?? null;
  const lastReceivedRecord = lastReceived ? reports.find((r) => r.id === lastReceived.recordId)! : null;
  const recordedSessions = new Set(reports.map((r) => r.dialogueSession).filter((s): s is number => s !== null));
  const latestRecordedSession = Math.max(0, ...recordedSessions);
  const heldBy = (s: CatSession) => sessionDate(s, sessions);
  const anyConsidered = reports.some((r) => (consideredBy(r) ?? '9999-12-31') <= asOf);
  // Activity after the last recorded review means a round the records do not identify; a list of
  // issues prior to reporting after a recorded review only opens the next (simplified) round.
  // An announced review counts too, from the session it was announced for: the announcement shows
  // a report had arrived (Belarus, Norway and others at the 63rd session, announced in December 2017).
  const unexplained = (a: CatSessionActivity) =>
    REVIEW_KINDS.has(a.kind) &&
    (!a.planned || ANNOUNCED_REVIEW_OF_A_REPORT.has(a.kind)) &&
    !(a.kind === 'list-of-issues-prior-to-reporting-adopted' && anyConsidered);
  const laterActivity = sessions
    .filter((s) => (heldBy(s) ?? '9999-12-31') <= asOf)
    .sort((a, b) => a.session - b.session)
    .flatMap((s) => s.activities.filter((a) => a.stateIso3 === stateIso3 && unexplained(a)).map((a) => ({ s, a })))
    .filter(({ s }) => s.session > latestRecordedSession && !recordedSessions.has(s.session))
    .at(-1);
  if (laterActivity) {
    const { s, a } = laterActivity;
    return {
      next: null,
      unidentified: { code: 'unidentified-review', session: s.session, activityKind: a.kind, activityAsStated: a.activityAsStated },
    };
  }
  // A State on a follow-up list had concluding observations; if no recorded report was considered,
  // which report they were on (and so which is next) is not known.
  const firstListNaming = state.followUpLists
    .filter((l) => l.asOf <= asOf && l.states.some((s) => s.iso3 === stateIso3))
    .sort((a, b) => a.session - b.session)[0];
  if (firstListNaming && !anyConsidered) {
    return { next: null, unidentified: { code: 'unidentified-concluding-observations', month: firstListNaming.month } };
  }

  const number = lastReceived ? lastReceived.lastReportNumber + 1 : 1;
  let next = obligations.find((o) => o.reportNumber === number);
  if (!next) {
    const due = number === 1 ? initialReportDue(state.uncat, state.uncatSourceId) : periodicReportDue(lastReceivedRecord!, asOf);
    next = {
      kind: 'report',
      reportNumber: number,
      lastReportNumber: number,
      recordedLabel: null,
      recordId: null,
      procedure: null,
      procedureReason: null,
      due,
      status: statusFromDue(due, asOf),
      receivedBy: null,
      overdue: null,
    };
    obligations.push(next);
  }
  if (next.procedure === null) {
    // A list of issues prior to reporting adopted after the last report starts a simplified cycle.
    const loipr = sessions
      .filter((s) => s.session > latestRecordedSession && (heldBy(s) ?? '9999-12-31') <= asOf)
      .sort((a, b) => a.session - b.session)
      .flatMap((s) =>
        s.activities
          .filter((a) => a.stateIso3 === stateIso3 && !a.planned && a.kind === 'list-of-issues-prior-to-reporting-adopted')
          .map(() => s),
      )
      .at(-1);
    if (loipr) {
      next.procedure = 'simplified';
      next.procedureReason = { code: 'list-of-issues-prior-to-reporting', session: loipr.session };
    }
  }
  establishReportOverdue(state, next);
  return { next, unidentified: null };
}

/**
 * The initial report's row for a party whose record does not have it: its due date (art. 19(1))
 * is shown whether or not its submission is recorded. A later recorded report, or a review of a
 * report in the sessions list, shows it was submitted at a date the record does not give; a
 * review in the absence of a report, or a follow-up list alone, shows nothing about it.
 */
function unrecordedInitialReport(state: StateRecord, obligations: CatReportObligation[]): CatReportObligation | null {
  if (!state.party || obligations.some((o) => o.reportNumber === 1)) return null;
  const { stateIso3, asOf, sessions } = state;
  const laterReport = state.reports.some((r) => r.number > 1 && (reportReceivedBy(r) ?? '9999-12-31') <= asOf);
  const reviewOfAReport = sessions.some(
    (s) =>
      (sessionDate(s, sessions) ?? '9999-12-31') <= asOf &&
      s.activities.some(
        (a) => a.stateIso3 === stateIso3 && REVIEW_OF_A_REPORT.has(a.kind) && (!a.planned || ANNOUNCED_REVIEW_OF_A_REPORT.has(a.kind)),
      ),
  );
  const due = initialReportDue(state.uncat, state.uncatSourceId);
  return {
    kind: 'report',
    reportNumber: 1,
    lastReportNumber: 1,
    recordedLabel: null,
    recordId: null,
    procedure: null,
    procedureReason: null,
    due,
    status: laterReport || reviewOfAReport ? 'submitted-not-recorded' : statusFromDue(due, asOf),
    receivedBy: null,
    overdue: null,
  };
}

/**
 * Marks the next report overdue where the record establishes it: complete history, due date
 * passed within the period the record covers, and nothing suggests the report could have arrived
 * by then (see notReceivedUntil).
 */
function establishReportOverdue(state: StateRecord, next: CatReportObligation): void {
  const { asOf, historyAsOf } = state;
  const lastDay = lastDayDue(next.due);
  if (state.completeness !== 'complete' || historyAsOf === null || lastDay === null) return;
  if (next.status !== 'not-recorded' && next.status !== 'considered-without-report') return;
  const record = state.reports.find((r) => r.id === next.recordId) ?? null;
  const until = record ? notReceivedUntil(record, historyAsOf) : historyAsOf;
  const establishedAsOf = [asOf, until].sort()[0]!;
  if (establishedAsOf <= lastDay) return;
  const report = { reportNumber: next.reportNumber, lastReportNumber: next.lastReportNumber, due: dueFacts(next.due), historyAsOf };
  next.overdue = {
    establishedBy: 'complete-history',
    establishedAsOf,
    daysOverdue: daysBetween(lastDay, establishedAsOf),
    sourceIds: [...new Set([next.due.sourceId, ...state.historySourceIds].filter((s): s is string => !!s))].sort(),
    reason:
      next.status === 'considered-without-report'
        ? { code: 'considered-without-report', ...report, latenessAsStated: record?.latenessAsStatedByCommittee ?? null }
        : { code: 'not-received', ...report },
  };
  next.status = 'overdue';
}

/**
 * The follow-up information owed on each set of concluding observations adopted by `asOf`, with
 * the one the Committee's latest list names as late established overdue (or, when the record
 * does not identify it, an unidentified follow-up of its own).
 */
function followUpObligations(state: StateRecord): CatFollowUpObligation[] {
  const { stateIso3, asOf, reports } = state;
  const followUps: CatFollowUpObligation[] = [];
  for (const r of reports) {
    const considered = consideredBy(r);
    if (considered === null || considered > asOf) continue;
    // Reports considered together share one set of concluding observations and one follow-up:
    // it is listed once, under the last of them, with a reply recorded under any of them.
    const together = reports.filter((o) => o !== r && consideredTogether(o, r));
    if (together.some((o) => o.number > r.number)) continue;
    const due = followUpDueDate(r);
    const receipt = [r, ...together].map((o) => o.followUpReceived).find((x) => x !== null) ?? null;
    const status: CatObligationStatus = receipt !== null && receipt.by <= asOf ? 'received' : statusFromDue(due, asOf);
    followUps.push({
      kind: 'follow-up',
      reportNumber: r.number,
      lastReportNumber: r.lastNumber,
      consideredWith: together.map(refOf),
      recordId: r.id,
      concludingObservationsAdopted: r.concludingObservationsAdopted,
      due,
      status,
      receivedBy: status === 'received' ? receipt!.by : null,
      overdue: null,
    });
  }
  const latestList =
    state.followUpLists
      .filter((l) => l.asOf <= asOf)
      .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : a.session - b.session))
      .at(-1) ?? null;
  const listed = latestList?.states.find((s) => s.iso3 === stateIso3) ?? null;
  if (!state.party || !latestList || !listed) return followUps;
  // The list refers to the latest concluding observations whose follow-up was due before it and
  // is not recorded as received by then.
  const candidate = followUps
    .filter((f) => f.status !== 'received')
    .filter((f) => {
      const last = lastDayDue(f.due) ?? f.due.notBefore;
      return last === null || last < latestList.asOf;
    })
    .at(-1);
  // A recorded reply that arrived after the list explains the listing: nothing is established.
  const answeredAfterList = followUps.some((f) => f.status === 'received' && f.receivedBy !== null && f.receivedBy > latestList.asOf);
  const overdueFor = (f: CatFollowUpObligation): CatOverdue => {
    const last = lastDayDue(f.due);
    return {
      establishedBy: 'committee-follow-up-list',
      establishedAsOf: latestList.asOf,
      daysOverdue: last !== null && latestList.asOf > last ? daysBetween(last, latestList.asOf) : null,
      sourceIds: [...new Set([latestList.sourceId, f.due.sourceId].filter((s): s is string => !!s))].sort(),
      reason: {
        code: 'committee-follow-up-list',
        month: latestList.month,
        session: latestList.session,
        position: listed.position,
        listLength: latestList.listLength,
      },
    };
  };
  if (candidate) {
    candidate.overdue = overdueFor(candidate);
    candidate.status = 'overdue';
  } else if (!answeredAfterList) {
    const unidentified: CatFollowUpObligation = {
      kind: 'follow-up',
      reportNumber: null,
      lastReportNumber: null,
      consideredWith: [],
      recordId: null,
      concludingObservationsAdopted: null,
      due: noDue({ code: 'list-refers-to-unrecorded-observations' }),
      status: 'overdue',
      receivedBy: null,
      overdue: null,
    };
    unidentified.overdue = overdueFor(unidentified);
    followUps.push(unidentified);
  }
  return followUps;
}

/** How the receipt of a recorded report is known on `asOf`. */
function receiptOf(report: CatReport, asOf: IsoDate): CatReceipt {
  const on = report.receivedOn;
  if (on && on.date <= asOf)
    return on.precision === 'day' ? { kind: 'on', date: on.date } : { kind: 'in', date: on.date, precision: on.precision };
  const by = reportReceivedBy(report);
  return by ? { kind: 'by', date: by } : { kind: 'undated' };
}

/** The State's situation (see api/src/domain/README.md for the order) and the facts behind it. */
function situationOf(
  state: StateRecord,
  {
    next,
    unidentified,
    followUps,
    completenessBasis,
  }: {
    next: CatReportObligation | null;
    unidentified: CatSituationReason | null;
    followUps: CatFollowUpObligation[];
    completenessBasis: string | null;
  },
  lastReceived: CatReportObligation | null,
): { situation: CatSituation; situationReason: CatSituationReason } {
  const { asOf, uncat } = state;
  if (!state.party) {
    return {
      situation: 'not-a-party',
      situationReason:
        uncat.status === 'party-not-in-force'
          ? { code: 'not-in-force', asOf, entryIntoForce: uncat.entryIntoForce?.date ?? null }
          : { code: 'not-a-party', asOf },
    };
  }
  if (next?.overdue) {
    return {
      situation: next.reportNumber === 1 ? 'initial-report-never-submitted' : 'periodic-report-overdue',
      situationReason: { code: 'overdue', overdue: next.overdue.reason },
    };
  }
  const followUpOverdue = followUps.find((f) => f.overdue !== null)?.overdue ?? null;
  if (followUpOverdue) return { situation: 'follow-up-overdue', situationReason: { code: 'overdue', overdue: followUpOverdue.reason } };
  const ref = (o: CatReportObligation): CatReportRef => ({ reportNumber: o.reportNumber, lastReportNumber: o.lastReportNumber });
  if (next && next.status === 'not-yet-due') {
    const lastRecord = lastReceived ? state.reports.find((r) => r.id === lastReceived.recordId) : undefined;
    return {
      situation: 'up-to-date',
      situationReason: {
        code: 'up-to-date',
        lastReceived: lastReceived && lastRecord ? { ...ref(lastReceived), receipt: receiptOf(lastRecord, asOf) } : null,
        next: { ...ref(next), due: dueFacts(next.due) },
      },
    };
  }
  if (unidentified) return { situation: 'history-not-recorded', situationReason: unidentified };
  if (!next) return { situation: 'history-not-recorded', situationReason: { code: 'history', completenessBasis } };
  const record = state.reports.find((r) => r.id === next.recordId);
  return {
    situation: 'history-not-recorded',
    situationReason: {
      code: 'not-established',
      ...ref(next),
      due: dueFacts(next.due),
      receivedUndated: !!record && reportReceivedBy(record) !== null,
      completeness: state.completeness,
      historyAsOf: state.historyAsOf,
      completenessBasis,
    },
  };
}

/**
 * The reporting situation of one State on `asOf`. See the module comment for the rules; the
 * result lists every obligation with its status so a page can show the whole history.
 */
export function catReportingStatus(input: CatReportingInput): CatReportingStatus {
  const { stateIso3, asOf, uncat } = input;
  assertIsoDate(asOf);
  const state: StateRecord = {
    stateIso3,
    asOf,
    uncat,
    uncatSourceId: input.uncatSourceId,
    party: PARTY_STATUSES.has(uncat.status),
    completeness: input.history?.completeness ?? 'none',
    historyAsOf: input.history?.asOf ?? null,
    reports: input.reports.filter((r) => r.stateIso3 === stateIso3).sort((a, b) => a.number - b.number),
    sessions: input.sessions ?? [],
    followUpLists: input.followUpLists,
    historySourceIds: input.history?.sourceIds ?? [],
  };
  const completenessBasis = input.history?.basis ?? null;
  const reports = recordedReportObligations(state);
  const lastReportReceived = reports.filter((o) => o.status === 'received').at(-1) ?? null;
  const { next, unidentified } = nextReport(state, reports);
  const initial = unrecordedInitialReport(state, reports);
  if (initial) reports.unshift(initial);
  const followUps = followUpObligations(state);
  const { situation, situationReason } = situationOf(state, { next, unidentified, followUps, completenessBasis }, lastReportReceived);
  return {
    stateIso3,
    asOf,
    party: state.party,
    entryIntoForce: uncat.entryIntoForce,
    completeness: state.completeness,
    completenessBasis,
    historyAsOf: state.historyAsOf,
    reports,
    followUps,
    lastReportReceived,
    nextReportDue: next,
    situation,
    situationReason,
    establishedOverdue: [...reports, ...followUps].filter((o) => o.overdue !== null),
  };
}

// ---------------------------------------------------------------------------------------------
// Summaries and calendar items

export interface CatReportingSummary {
  asOf: IsoDate;
  parties: number;
  completeness: Record<CatCompleteness, number>;
  situations: Record<CatSituation, number>;
  /** Initial and periodic reports established as overdue. */
  establishedOverdueReports: number;
  /** Follow-up information established as overdue (by the Committee's list). */
  establishedOverdueFollowUps: number;
}

/** Counts over the statuses of many States (parties only for completeness). */
export function summariseCatReporting(asOf: IsoDate, statuses: CatReportingStatus[]): CatReportingSummary {
  const completeness = Object.fromEntries(CAT_COMPLETENESS.map((c) => [c, 0])) as Record<CatCompleteness, number>;
  const situations = Object.fromEntries(CAT_SITUATIONS.map((s) => [s, 0])) as Record<CatSituation, number>;
  let parties = 0;
  let reports = 0;
  let followUps = 0;
  for (const s of statuses) {
    situations[s.situation] += 1;
    if (!s.party) continue;
    parties += 1;
    completeness[s.completeness] += 1;
    for (const o of s.establishedOverdue) {
      if (o.kind === 'report') reports += 1;
      else followUps += 1;
    }
  }
  return { asOf, parties, completeness, situations, establishedOverdueReports: reports, establishedOverdueFollowUps: followUps };
}

/** A dated deadline for a calendar: upcoming, or established as overdue. */
export interface CatDeadlineFacts {
  /** Stable per State, report and kind. */
  uid: string;
  stateIso3: string;
  kind: 'report' | 'follow-up';
  reportNumber: number | null;
  lastReportNumber: number | null;
  /** Follow-up: the reports considered together with it. */
  consideredWith: CatReportRef[];
  date: IsoDate;
  computed: boolean;
  ruleId: CatRuleId | null;
  dueReasons: CatDueReason[];
  status: 'upcoming' | 'overdue';
  daysOverdue: number | null;
  /** The date the evidence of the overdue status covers (see CatOverdue). */
  establishedAsOf: IsoDate | null;
  overdueReason: CatOverdueReason | null;
  procedure: CatProcedure | null;
  sourceIds: string[];
  asOf: IsoDate;
}

/** A deadline with its words, as the calendar feed (ics.ts) writes it; the words come from the catalogue. */
export interface CatDeadline extends CatDeadlineFacts {
  label: string;
  rule: string | null;
  note: string | null;
  overdueBasis: string | null;
}

/** The deadlines of one State with a date: the next report and follow-ups, when upcoming or established overdue. */
export function catDeadlines(status: CatReportingStatus): CatDeadlineFacts[] {
  if (!status.party) return [];
  const items: CatObligation[] = [...(status.nextReportDue ? [status.nextReportDue] : []), ...status.followUps];
  const out: CatDeadlineFacts[] = [];
  for (const o of items) {
    if (o.due.date === null || o.due.precision !== 'day') continue;
    if (o.status !== 'not-yet-due' && o.status !== 'overdue') continue;
    const numbers =
      o.reportNumber === null
        ? 'unidentified'
        : o.lastReportNumber !== o.reportNumber
          ? `${o.reportNumber}-${o.lastReportNumber}`
          : `${o.reportNumber}`;
    out.push({
      uid: `cat-${status.stateIso3}-${o.kind}-${numbers}@treaty-tracker`,
      stateIso3: status.stateIso3,
      kind: o.kind,
      reportNumber: o.reportNumber,
      lastReportNumber: o.lastReportNumber,
      consideredWith: o.kind === 'follow-up' ? o.consideredWith : [],
      date: o.due.date,
      computed: o.due.basis === 'computed',
      ruleId: o.due.ruleId,
      dueReasons: o.due.reasons,
      status: o.status === 'overdue' ? 'overdue' : 'upcoming',
      daysOverdue: o.overdue?.daysOverdue ?? null,
      establishedAsOf: o.overdue?.establishedAsOf ?? null,
      overdueReason: o.overdue?.reason ?? null,
      procedure: o.kind === 'report' ? o.procedure : null,
      sourceIds: [...new Set([o.due.sourceId, ...(o.overdue?.sourceIds ?? [])].filter((s): s is string => !!s))].sort(),
      asOf: status.asOf,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Wiring to the status engine

/**
 * The UNCAT facts for one State on `asOf`, from its UNCAT events (the status engine decides party
 * status and entry into force), and the source of its instrument of consent.
 */
export function uncatContext(
  uncatInstrument: Instrument,
  eventsOfState: readonly ParticipationEvent[],
  asOf: IsoDate,
): { uncat: UncatFacts; uncatSourceId: string | null } {
  const result = statusOn(uncatInstrument, eventsOfState, asOf);
  const consentKinds: readonly string[] = CONSENT_KINDS;
  const consentEvent = eventsOfState.find((e) => result.eventIds.includes(e.id) && consentKinds.includes(e.kind)) ?? null;
  return {
    uncat: { status: result.status, consent: result.consent, entryIntoForce: result.entryIntoForce },
    uncatSourceId: consentEvent?.sourceId ?? null,
  };
}

export interface CatReportingDataset {
  uncatInstrument: Instrument;
  /** UNCAT events of all States. */
  uncatEvents: readonly ParticipationEvent[];
  reports: CatReport[];
  followUpLists: CatFollowUpList[];
  sessions: CatSession[];
  states: CatReportingState[];
}

/** The reporting status of each of `stateIso3s` on `asOf` (States with no UNCAT event come out 'not-a-party'). */
export function catReportingStatuses(data: CatReportingDataset, stateIso3s: readonly string[], asOf: IsoDate): CatReportingStatus[] {
  const eventsByState = new Map<string, ParticipationEvent[]>();
  for (const e of data.uncatEvents) eventsByState.set(e.stateIso3, [...(eventsByState.get(e.stateIso3) ?? []), e]);
  const history = new Map(data.states.map((s) => [s.stateIso3, s]));
  const reportsByState = new Map<string, CatReport[]>();
  for (const r of data.reports) reportsByState.set(r.stateIso3, [...(reportsByState.get(r.stateIso3) ?? []), r]);
  return stateIso3s.map((iso3) => {
    const { uncat, uncatSourceId } = uncatContext(data.uncatInstrument, eventsByState.get(iso3) ?? [], asOf);
    return catReportingStatus({
      stateIso3: iso3,
      asOf,
      uncat,
      uncatSourceId,
      reports: reportsByState.get(iso3) ?? [],
      followUpLists: data.followUpLists,
      history: history.get(iso3) ?? null,
      sessions: data.sessions,
    });
  });
}
