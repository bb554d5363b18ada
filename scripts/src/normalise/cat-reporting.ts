/**
 * CAT reporting seed files from data/raw/cat-reporting/ (rules in api/src/domain/README.md):
 *
 *   cat-reports.json           one record per reporting round of the 17 States with a history
 *   cat-follow-up-lists.json   the Committee's six lists of States late with follow-up information
 *   cat-sessions.json          per session, what the sources say was done for which State
 *   cat-reporting-states.json  per UNCAT party, how complete its recorded history is, and why
 *   cat-annual-reports.json    the overdue-report totals published in the annual reports
 *
 * Nothing is inferred that the files do not say. Free-text cells are read only with the patterns
 * below; a cell that mentions follow-up in words no pattern knows stops the run, so a new wording
 * is handled on purpose. Due dates are computed with the domain rules (api/src/domain/
 * cat-reporting.ts) and marked computed. The cross-checks (history against sessions, history
 * against the follow-up lists, the computed dates of the states-parties file against the status
 * engine) report problems with the raw file and line.
 */
import {
  addDays,
  catDueDateText,
  followUpDueDate,
  initialReportDue,
  monthName,
  reportDueDate,
  reportLabel,
  startOfNextPeriod,
  uncatContext,
  type CatActivityKind,
  type CatDate,
  type CatDateSpan,
  type CatFollowUpList,
  type CatFollowUpReceipt,
  type CatReport,
  type CatReportingState,
  type CatSession,
  type CatSessionActivity,
  type Instrument,
  type UncatFacts,
} from '@tracker/api';
import type { IsoDate, ParticipationEvent } from '@tracker/api/domain';
import { originOf, type Origin, type Problems } from './common.js';
import { readCsv, type CsvRow } from './csv.js';
import { compareText } from './event-id.js';
import type { CatAnnualReportRecord } from './schemas.js';
import { findSource } from './sources.js';

const DIR = 'cat-reporting';
export const CAT_FILES = {
  parties: `${DIR}/cat_states-parties_untc-status-2026-02-03_with-computed-initial-report-due.csv`,
  sessions: `${DIR}/cat_sessions_state-reviews_53-84_2014-2026.csv`,
  annual: `${DIR}/cat_annual-report-summaries_A-70-44_to_A-80-44.csv`,
  history: `${DIR}/cat_state-reporting-history_sample-17-states.csv`,
  lists: `${DIR}/cat_follow-up-overdue-lists_sessions77-83_2023-2025.csv`,
} as const;

export const CAT_HISTORY_SOURCE_ID = 'cat-reporting-history-17-states';
/** The UNTC status page the states-parties file and the UNCAT events come from. */
const UNTC_UNCAT_SOURCE_ID = 'untc-iv-9-2026-02-03';
/** The date of the UNTC status page (the states-parties file was parsed from it). */
const UNTC_STATUS_DATE = '2026-02-03';

/**
 * Session numbers the compilers derived from the review dates instead of reading them (their
 * README, "Details per file"): kept, with a note on the record.
 */
const SESSIONS_DERIVED_BY_COMPILERS: [iso3: string, report: string][] = [
  ['ARM', '3rd periodic'],
  ['BHR', 'initial'],
  ['DNK', '5th periodic'],
  ['UKR', '5th periodic'],
  ['ESP', '5th periodic'],
  ['TUR', '3rd periodic'],
];

/**
 * Reports on a territory of a State are listed under a code of their own in the sessions file
 * (China's reports on Hong Kong and Macao); they are the State's reports.
 */
const TERRITORIES: Record<string, { iso3: string; territory: string }> = {
  HKG: { iso3: 'CHN', territory: 'Hong Kong, China' },
  MAC: { iso3: 'CHN', territory: 'Macao, China' },
};

const MONTHS: Record<string, number> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};

export interface Traced<T> {
  record: T;
  origin: Origin;
}

export interface CatReportingSeed {
  reports: Traced<CatReport>[];
  followUpLists: Traced<CatFollowUpList>[];
  sessions: Traced<CatSession>[];
  states: Traced<CatReportingState>[];
  annualReports: Traced<CatAnnualReportRecord>[];
  /** The latest date the report-by-report history records: the date its records run to. */
  historyAsOf: IsoDate;
  summary: string[];
}

// ---------------------------------------------------------------------------------------------
// Small parsers (each returns null for an empty cell and reports anything it cannot read)

const pad = (n: number) => String(n).padStart(2, '0');

/** "2016", "2016-05", "2011-06-03". */
function parseCatDate(text: string): CatDate | null {
  if (/^\d{4}$/.test(text)) return { date: `${text}-01-01`, precision: 'year' };
  if (/^\d{4}-\d{2}$/.test(text)) return { date: `${text}-01`, precision: 'month' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { date: text, precision: 'day' };
  return null;
}

/** "2017-04-21/2017-04-24", or one date of any precision. */
function parseSpan(text: string): CatDateSpan | null {
  const range = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (range) return range[1]! <= range[2]! ? { from: range[1]!, to: range[2]!, precision: 'day' } : null;
  const one = parseCatDate(text);
  return one ? { from: one.date, to: one.date, precision: one.precision } : null;
}

/** "3 Dec 2022" -> 2022-12-03. */
function parseDayMonthYear(text: string): IsoDate | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$/.exec(text.trim());
  if (!m || !MONTHS[m[2]!]) return null;
  return `${m[3]}-${pad(MONTHS[m[2]!]!)}-${pad(Number(m[1]))}`;
}

function monthOf(name: string, year: string): string | null {
  return MONTHS[name] ? `${year}-${pad(MONTHS[name])}` : null;
}

const endOfMonth = (yyyyMm: string): IsoDate => addDays(startOfNextPeriod(`${yyyyMm}-01`, 'month'), -1);

/** "initial" -> 1..1; "2nd periodic" -> 2..2; "5th-6th periodic (combined)" -> 5..6. */
function parseReportLabel(text: string): { number: number; lastNumber: number } | null {
  if (text === 'initial') return { number: 1, lastNumber: 1 };
  const one = /^(\d+)(?:st|nd|rd|th) periodic$/.exec(text);
  if (one) return { number: Number(one[1]), lastNumber: Number(one[1]) };
  const combined = /^(\d+)(?:st|nd|rd|th)-(\d+)(?:st|nd|rd|th) periodic \(combined\)$/.exec(text);
  if (combined && Number(combined[1]) < Number(combined[2])) return { number: Number(combined[1]), lastNumber: Number(combined[2]) };
  return null;
}

/**
 * The `reporting_procedure` column: "standard (...)", "optional reporting procedure (LOIPR)" and
 * "simplified reporting procedure" (the same system under its older and newer names, README),
 * "none: considered in the absence of a report", or empty.
 */
function parseProcedure(text: string | null): { procedure: CatReport['procedure']; withoutReport: boolean } | null {
  if (text === null) return { procedure: null, withoutReport: false };
  if (/^standard\b/.test(text)) return { procedure: 'standard', withoutReport: false };
  if (/\b(optional|simplified)\b/.test(text) && /procedure/.test(text)) return { procedure: 'simplified', withoutReport: false };
  if (text === 'none: considered in the absence of a report') return { procedure: null, withoutReport: true };
  return null;
}

const ACTIVITY_PATTERNS: [RegExp, CatActivityKind, { planned?: boolean }][] = [
  [/^report considered( \(.+\))?$/, 'report-considered', {}],
  [/^report considered without a State delegation\b/, 'report-considered-without-delegation', {}],
  [
    /^(situation considered in the absence of a report|considered in the absence of the initial report\b.*)$/,
    'considered-without-report',
    {},
  ],
  [/^special report considered\b/, 'special-report-considered', {}],
  [/^concluding observations adopted$/, 'concluding-observations-adopted', {}],
  [/^list of issues prior to reporting \(LOIPR\) adopted$/, 'list-of-issues-prior-to-reporting-adopted', {}],
  [/^list of issues prior to reporting \(LOIPR\) adopted \(planned\)$/, 'list-of-issues-prior-to-reporting-adopted', { planned: true }],
  [/^list of issues \(LOI\) adopted$/, 'list-of-issues-adopted', {}],
  [/^list of issues \(LOI\) adopted \(planned\)$/, 'list-of-issues-adopted', { planned: true }],
  [/^review postponed\b/, 'review-postponed', {}],
  // An announcement of what a session would do, not a record that it was done.
  [/^report scheduled for consideration\b/, 'review-scheduled', { planned: true }],
];

// ---------------------------------------------------------------------------------------------

export interface CatReportingInputs {
  /** All events (the UNCAT ones are used). */
  events: ParticipationEvent[];
  uncatInstrument: Instrument;
  /** The registry's ISO codes (states.json). */
  iso3s: Set<string>;
}

/** What every builder below shares: the problem list and the look-ups that report what they cannot find. */
interface CatContext {
  problems: Problems;
  uncatInstrument: Instrument;
  uncatEvents: ParticipationEvent[];
  eventsOf: (iso3: string) => ParticipationEvent[];
  /** True for a code of the registry; reports any other. */
  knownIso3: (row: CsvRow, iso3: string | null) => boolean;
  /** The registry id of a source URL; reports a URL that is not registered. */
  sourceOf: (row: CsvRow, url: string | null) => string | null;
}

/** The State's UNCAT facts (and their source) on one date, memoised per State. */
type UncatOn = (iso3: string) => { uncat: UncatFacts; uncatSourceId: string | null };

interface SessionsRead {
  sessions: Traced<CatSession>[];
  sessionRecord: (n: number) => CatSession | null;
  activitiesOf: (iso3: string) => { session: CatSession; activity: CatSessionActivity }[];
}

interface FollowUpListsRead {
  followUpLists: Traced<CatFollowUpList>[];
  listsNaming: (iso3: string) => CatFollowUpList[];
}

/** A history row read, before its due dates are computed (they need the date the history runs to). */
interface HistoryDraft {
  row: CsvRow;
  report: Omit<CatReport, 'due' | 'followUpDue' | 'asOf'>;
  /** The months of the follow-up lists the row's other_events says the State was on; null when it names none. */
  followUpListMonths: Set<string> | null;
}

export function buildCatReporting(problems: Problems, inputs: CatReportingInputs): CatReportingSeed {
  const context = catContext(problems, inputs);
  const sessionsRead = buildSessions(context);
  const listsRead = buildFollowUpLists(context, sessionsRead);
  const { drafts, historyAsOf } = readHistory(context, sessionsRead);
  const uncatOnHistoryDate = uncatFactsOn(context, historyAsOf);
  const reports = buildReports(context, drafts, historyAsOf, uncatOnHistoryDate);
  checkHistoryAgainstFollowUpLists(problems, drafts, listsRead);
  checkHistoryAgainstSessions(problems, reports, sessionsRead);
  const partiesInFile = checkPartiesFileAgainstStatusEngine(context);
  const { states, parties } = buildReportingStates(context, {
    partiesInFile,
    reports,
    sessionsRead,
    listsRead,
    historyAsOf,
    uncatOnHistoryDate,
  });
  checkCompleteHistoriesAgainstSessions(problems, states, reports, sessionsRead);
  const count = (c: string) => states.filter((s) => s.record.completeness === c).length;
  const summary = [
    `cat-reporting: ${parties.length} UNCAT parties on ${historyAsOf}: history complete ${count('complete')}, partial ${count('partial')}, none ${count('none')}`,
  ];
  return {
    reports,
    followUpLists: listsRead.followUpLists,
    sessions: sessionsRead.sessions,
    states,
    annualReports: buildAnnualReports(context),
    historyAsOf,
    summary,
  };
}

function catContext(problems: Problems, inputs: CatReportingInputs): CatContext {
  const uncatEvents = inputs.events.filter((e) => e.instrumentId === 'uncat');
  return {
    problems,
    uncatInstrument: inputs.uncatInstrument,
    uncatEvents,
    eventsOf: (iso3) => uncatEvents.filter((e) => e.stateIso3 === iso3),
    knownIso3: (row, iso3) => {
      if (iso3 !== null && inputs.iso3s.has(iso3)) return true;
      problems.add(originOf(row), `unknown ISO3 "${iso3 ?? ''}"`);
      return false;
    },
    sourceOf: (row, url) => {
      const id = url ? findSource(null, url) : undefined;
      if (!id) problems.add(originOf(row), `source "${url ?? ''}" is not in the source registry (scripts/src/normalise/cat-sources.ts)`);
      return id ?? null;
    },
  };
}

function uncatFactsOn(context: CatContext, date: IsoDate): UncatOn {
  const contexts = new Map<string, ReturnType<UncatOn>>();
  return (iso3) => {
    let c = contexts.get(iso3);
    if (!c) contexts.set(iso3, (c = uncatContext(context.uncatInstrument, context.eventsOf(iso3), date)));
    return c;
  };
}

// --- sessions (cat-sessions.json) ---------------------------------------------------------------

function buildSessions({ problems, knownIso3, sourceOf }: CatContext): SessionsRead {
  const sessionsByNumber = new Map<number, { record: CatSession; origin: Origin }>();
  for (const row of readCsv(CAT_FILES.sessions)) {
    const number = Number(row.get('cat_session'));
    if (!Number.isInteger(number) || number <= 0) {
      problems.add(originOf(row), `bad session number "${row.get('cat_session')}"`);
      continue;
    }
    const start = row.opt('session_start');
    const end = row.opt('session_end');
    for (const [label, value] of [
      ['session_start', start],
      ['session_end', end],
    ] as const) {
      if (value !== null && parseCatDate(value)?.precision !== 'day') problems.add(originOf(row), `${label}: not a date "${value}"`);
    }
    let entry = sessionsByNumber.get(number);
    if (!entry) {
      entry = {
        origin: originOf(row),
        record: { id: `cat-session-${number}`, session: number, start, end, activities: [], note: null, sourceIds: [], asOf: end },
      };
      sessionsByNumber.set(number, entry);
    } else if (entry.record.start !== start || entry.record.end !== end) {
      problems.add(
        originOf(row),
        `session ${number}: dates ${start ?? '-'}/${end ?? '-'} differ from ${entry.record.start ?? '-'}/${entry.record.end ?? '-'} on another row`,
      );
    }
    const session = entry.record;
    const sourceId = sourceOf(row, row.opt('source_url'));
    if (sourceId && !session.sourceIds.includes(sourceId)) session.sourceIds.push(sourceId);
    const activityText = row.get('activity').trim();
    if (row.opt('iso3') === null && activityText === 'states reviewed not found') {
      session.note = [
        'States reviewed: not found in the sources.',
        row.opt('note') ? `${row.opt('note')!.replace(/^./, (c) => c.toUpperCase())}.` : null,
      ]
        .filter(Boolean)
        .join(' ');
      continue;
    }
    const rawIso3 = row.opt('iso3');
    const territory = rawIso3 ? TERRITORIES[rawIso3] : undefined;
    const iso3 = territory?.iso3 ?? rawIso3;
    if (!knownIso3(row, iso3)) continue;
    const pattern = ACTIVITY_PATTERNS.find(([re]) => re.test(activityText));
    if (!pattern) {
      problems.add(originOf(row), `unknown activity "${activityText}"`);
      continue;
    }
    const datesText = row.opt('review_dates');
    const dialogueDates = datesText ? parseSpan(datesText) : null;
    if (datesText && !dialogueDates) problems.add(originOf(row), `review_dates: cannot read "${datesText}"`);
    if (dialogueDates && ((start && dialogueDates.from < start) || (end && dialogueDates.to > end))) {
      problems.add(originOf(row), `review dates ${datesText} fall outside the session (${start ?? '?'} to ${end ?? '?'})`);
    }
    const activity: CatSessionActivity = {
      stateIso3: iso3!,
      stateAsNamed: row.get('state').trim(),
      territory: territory?.territory ?? null,
      kind: pattern[1],
      planned: pattern[2].planned ?? false,
      activityAsStated: activityText,
      dialogueDates,
      note: row.opt('note'),
      sourceId: sourceId ?? 'unknown',
    };
    session.activities.push(activity);
  }
  for (const { record } of sessionsByNumber.values()) {
    record.activities.sort(
      (a, b) => compareText(a.stateIso3, b.stateIso3) || compareText(a.territory ?? '', b.territory ?? '') || compareText(a.kind, b.kind),
    );
    record.sourceIds.sort(compareText);
    const missing =
      record.start === null && record.end === null
        ? 'Session dates'
        : record.start === null
          ? 'Session start date'
          : record.end === null
            ? 'Session end date'
            : null;
    if (missing) record.note = [record.note, `${missing}: not in the sources.`].filter(Boolean).join(' ');
  }
  const sessions = [...sessionsByNumber.values()].sort((a, b) => a.record.session - b.record.session);
  return {
    sessions,
    sessionRecord: (n) => sessionsByNumber.get(n)?.record ?? null,
    activitiesOf: (iso3) =>
      sessions.flatMap(({ record }) =>
        record.activities.filter((a) => a.stateIso3 === iso3).map((a) => ({ session: record, activity: a })),
      ),
  };
}

// --- follow-up lists (cat-follow-up-lists.json) -------------------------------------------------

function buildFollowUpLists({ problems, knownIso3, sourceOf }: CatContext, { sessionRecord }: SessionsRead): FollowUpListsRead {
  const listsBySession = new Map<number, { record: CatFollowUpList; origin: Origin; rows: CsvRow[] }>();
  for (const row of readCsv(CAT_FILES.lists)) {
    const number = Number(row.get('cat_session'));
    let entry = listsBySession.get(number);
    if (!entry) {
      const session = sessionRecord(number);
      const meeting = row.get('meeting');
      const month = row.get('month');
      if (!/^\d{4}-\d{2}$/.test(month)) problems.add(originOf(row), `month: not YYYY-MM "${month}"`);
      if (!session?.start || !session.end) problems.add(originOf(row), `session ${number} has no dates in ${CAT_FILES.sessions}`);
      // "July 2023 (77th session, 10-28 Jul 2023)": the dates must agree with the sessions file.
      const m = /\((\d+)(?:st|nd|rd|th) session, (\d{1,2})(?: ([A-Z][a-z]{2}))?-(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\)/.exec(meeting);
      if (!m || Number(m[1]) !== number) {
        problems.add(originOf(row), `meeting: cannot read the session and its dates in "${meeting}"`);
      } else if (session?.start && session.end) {
        // Both ends are in the year given (no session of these lists spans a new year).
        const startMonth = monthOf(m[3] ?? m[5]!, m[6]!);
        const endMonth = monthOf(m[5]!, m[6]!);
        if (`${startMonth}-${pad(Number(m[2]))}` !== session.start || `${endMonth}-${pad(Number(m[4]))}` !== session.end) {
          problems.add(
            originOf(row),
            `meeting dates in "${meeting}" differ from session ${number} in ${CAT_FILES.sessions} (${session.start} to ${session.end})`,
          );
        }
      }
      entry = {
        origin: originOf(row),
        rows: [],
        record: {
          id: `cat-follow-up-list-${number}`,
          session: number,
          month,
          sessionStart: session?.start ?? '0000-01-01',
          sessionEnd: session?.end ?? '0000-01-01',
          states: [],
          listLength: Number(row.get('list_length')),
          sourceId: sourceOf(row, row.opt('source_url')) ?? 'unknown',
          asOf: session?.end ?? '0000-01-01',
          note: null,
        },
      };
      listsBySession.set(number, entry);
    }
    entry.rows.push(row);
    const list = entry.record;
    if (
      row.get('month') !== list.month ||
      Number(row.get('list_length')) !== list.listLength ||
      findSource(null, row.opt('source_url')) !== list.sourceId
    ) {
      problems.add(originOf(row), `list of session ${number}: month, length or source differs from its first row`);
    }
    const iso3 = row.opt('iso3');
    if (!knownIso3(row, iso3)) continue;
    list.states.push({ iso3: iso3!, nameAsInSource: row.get('state_as_named').trim(), position: Number(row.get('position_in_list')) });
  }
  for (const { record, origin, rows } of listsBySession.values()) {
    record.states.sort((a, b) => a.position - b.position);
    const positions = record.states.map((s) => s.position).join(',');
    const expected = Array.from({ length: record.listLength }, (_, i) => i + 1).join(',');
    if (positions !== expected)
      problems.add(origin, `list of session ${record.session}: positions ${positions} are not 1..${record.listLength}`);
    if (new Set(record.states.map((s) => s.iso3)).size !== record.states.length)
      problems.add(origin, `list of session ${record.session} names a State twice`);
    const notes = [...new Set(rows.map((r) => r.opt('source_note')).filter((n): n is string => n !== null))];
    record.note = notes.length
      ? notes.map((n) => `${n.replace(/^./, (c) => c.toUpperCase())}${/[.!?"]$/.test(n) ? '' : '.'}`).join(' ')
      : null;
  }
  const followUpLists = [...listsBySession.values()]
    .sort((a, b) => a.record.session - b.record.session)
    .map(({ record, origin }) => ({ record, origin }));
  return {
    followUpLists,
    listsNaming: (iso3) => followUpLists.filter(({ record }) => record.states.some((s) => s.iso3 === iso3)).map(({ record }) => record),
  };
}

// --- history (cat-reports.json) -----------------------------------------------------------------

/** Reads the report-by-report history; its latest date is the date the history runs to. */
function readHistory(
  { problems, knownIso3 }: CatContext,
  { sessionRecord }: SessionsRead,
): { drafts: HistoryDraft[]; historyAsOf: IsoDate } {
  const historyDates: IsoDate[] = [];
  const drafts: HistoryDraft[] = [];
  for (const row of readCsv(CAT_FILES.history)) {
    const iso3 = row.opt('iso3');
    if (!knownIso3(row, iso3)) continue;
    const label = row.get('report').trim();
    const numbers = parseReportLabel(label);
    if (!numbers) {
      problems.add(originOf(row), `report: cannot read "${label}"`);
      continue;
    }
    const procedureText = row.opt('reporting_procedure');
    const procedure = parseProcedure(procedureText);
    if (!procedure) problems.add(originOf(row), `reporting_procedure: unknown "${procedureText}"`);

    // Due date as stated: "2001" (a year) or "2015 (by 3 Jun 2015)" (a day).
    const dueText = row.opt('due_as_stated');
    let dueRecorded: CatDate | null = null;
    if (dueText) {
      const byDay = /^(\d{4}) \(by (.+)\)$/.exec(dueText);
      const day = byDay ? parseDayMonthYear(byDay[2]!) : null;
      if (/^\d{4}$/.test(dueText)) dueRecorded = { date: `${dueText}-01-01`, precision: 'year' };
      else if (byDay && day && day.startsWith(byDay[1]!)) dueRecorded = { date: day, precision: 'day' };
      else problems.add(originOf(row), `due_as_stated: cannot read "${dueText}"`);
    }

    // Received: a date of any precision; "(date on report)" is the date printed on the report, not a receipt.
    const receivedText = row.opt('report_received');
    let receivedOn: CatDate | null = null;
    let receivedAsStated: string | null = null;
    if (receivedText) {
      receivedOn = parseCatDate(receivedText);
      if (!receivedOn) {
        if (/^\d{4}-\d{2}-\d{2} \(date on report\)$/.test(receivedText)) receivedAsStated = receivedText;
        else problems.add(originOf(row), `report_received: cannot read "${receivedText}"`);
      } else if (receivedOn.precision !== 'day') {
        receivedAsStated = receivedText;
      }
    }
    const distributedText = row.opt('report_distributed');
    const distributedOn = distributedText && parseCatDate(distributedText)?.precision === 'day' ? distributedText : null;
    if (distributedText && !distributedOn) problems.add(originOf(row), `report_distributed: not a date "${distributedText}"`);

    const sessionText = row.opt('cat_session');
    const dialogueSession = sessionText === null ? null : Number(sessionText);
    if (dialogueSession !== null && !(Number.isInteger(dialogueSession) && dialogueSession > 0))
      problems.add(originOf(row), `cat_session: "${sessionText}"`);
    const derived = SESSIONS_DERIVED_BY_COMPILERS.some(([i, r]) => i === iso3 && r === label);
    if (derived && dialogueSession === null)
      problems.add(originOf(row), 'the README says this session number was derived, but the row has none');

    const dialogueText = row.opt('dialogue_dates');
    const dialogueDates = dialogueText ? parseSpan(dialogueText) : null;
    if (dialogueText && !dialogueDates) problems.add(originOf(row), `dialogue_dates: cannot read "${dialogueText}"`);
    const coText = row.opt('co_adopted');
    const coAdopted = coText ? parseSpan(coText) : null;
    if (coText && !coAdopted) problems.add(originOf(row), `co_adopted: cannot read "${coText}"`);
    if (
      dialogueDates &&
      coAdopted &&
      coAdopted.precision === 'day' &&
      dialogueDates.precision === 'day' &&
      coAdopted.from < dialogueDates.from
    ) {
      problems.add(originOf(row), `concluding observations (${coText}) before the dialogue (${dialogueText})`);
    }
    for (const d of [receivedOn?.date, distributedOn, dialogueDates?.to, coAdopted?.to]) if (d) historyDates.push(d);

    // Follow-up facts in other_events (see the module comment).
    const other = row.opt('other_events');
    const followUp = readFollowUpText(other, sessionRecord, (reason) => problems.add(originOf(row), `other_events: ${reason}`));

    drafts.push({
      row,
      followUpListMonths: followUp.listMonths,
      report: {
        id: `${iso3}:${numbers.number}${numbers.lastNumber > numbers.number ? `-${numbers.lastNumber}` : ''}`,
        stateIso3: iso3!,
        number: numbers.number,
        lastNumber: numbers.lastNumber,
        label,
        procedure: procedure?.procedure ?? null,
        procedureAsStated: procedureText,
        consideredWithoutReport: procedure?.withoutReport ?? false,
        documentSymbol: row.opt('report_symbol'),
        listOfIssuesSymbol: row.opt('list_of_issues_symbol'),
        dueRecorded,
        dueAsStated: dueText,
        receivedOn: receivedOn,
        receivedAsStated,
        distributedOn,
        dialogueSession,
        dialogueSessionNote: derived
          ? 'Session number derived by the source compilers from the review dates (README of the source files).'
          : null,
        dialogueDates,
        concludingObservationsSymbol: row.opt('concluding_observations_symbol'),
        concludingObservationsAdopted: coAdopted,
        followUpDueRecorded: followUp.dueRecorded,
        followUpReceived: followUp.received,
        latenessAsStatedByCommittee: row.opt('lateness_as_stated_by_committee'),
        otherEvents: other,
        documents: row.get('sources').trim(),
        sourceId: CAT_HISTORY_SOURCE_ID,
      },
    });
  }
  for (const [iso3, label] of SESSIONS_DERIVED_BY_COMPILERS) {
    if (!drafts.some((d) => d.report.stateIso3 === iso3 && d.report.label === label)) {
      problems.add(
        { file: `data/raw/${CAT_FILES.history}`, line: null },
        `no row for ${iso3} ${label}, whose session number the README says was derived`,
      );
    }
  }
  return { drafts, historyAsOf: historyDates.sort().at(-1) ?? '0000-01-01' };
}

/** Due dates, with the State's UNCAT facts on the date the history runs to. */
function buildReports(
  { problems }: CatContext,
  drafts: HistoryDraft[],
  historyAsOf: IsoDate,
  uncatOnHistoryDate: UncatOn,
): Traced<CatReport>[] {
  const reports: Traced<CatReport>[] = [];
  const ids = new Set<string>();
  const byState = new Map<string, HistoryDraft[]>();
  for (const d of drafts) byState.set(d.report.stateIso3, [...(byState.get(d.report.stateIso3) ?? []), d]);
  for (const [iso3, list] of byState) {
    list.sort((a, b) => a.report.number - b.report.number);
    const built: CatReport[] = [];
    for (const { row, report } of list) {
      if (ids.has(report.id)) problems.add(originOf(row), `a second row for ${report.id}`);
      ids.add(report.id);
      const overlaps = built.find((b) => b.number <= report.lastNumber && report.number <= b.lastNumber);
      if (overlaps) problems.add(originOf(row), `report ${report.id} overlaps ${overlaps.id}`);
      const previous = built.find((b) => b.lastNumber === report.number - 1) ?? null;
      const { uncat, uncatSourceId } = uncatOnHistoryDate(iso3);
      const due = catDueDateText(reportDueDate(report, previous, uncat, uncatSourceId));
      const noFollowUpYet = {
        date: null,
        precision: null,
        notBefore: null,
        basis: null,
        sourceId: null,
        rule: null,
        asStated: null,
        note: 'computed below',
      };
      const record: CatReport = { ...report, due, followUpDue: noFollowUpYet, asOf: historyAsOf };
      record.followUpDue = catDueDateText(followUpDueDate(record));
      const inFieldOrder = orderReportFields(record);
      built.push(inFieldOrder);
      reports.push({ record: inFieldOrder, origin: originOf(row) });
    }
  }
  return reports.sort((a, b) => compareText(a.record.stateIso3, b.record.stateIso3) || a.record.number - b.record.number);
}

/** Fields in a fixed order, so the JSON reads the same way for every record. */
function orderReportFields(record: CatReport): CatReport {
  return {
    id: record.id,
    stateIso3: record.stateIso3,
    number: record.number,
    lastNumber: record.lastNumber,
    label: record.label,
    procedure: record.procedure,
    procedureAsStated: record.procedureAsStated,
    consideredWithoutReport: record.consideredWithoutReport,
    documentSymbol: record.documentSymbol,
    listOfIssuesSymbol: record.listOfIssuesSymbol,
    dueRecorded: record.dueRecorded,
    dueAsStated: record.dueAsStated,
    due: record.due,
    receivedOn: record.receivedOn,
    receivedAsStated: record.receivedAsStated,
    distributedOn: record.distributedOn,
    dialogueSession: record.dialogueSession,
    dialogueSessionNote: record.dialogueSessionNote,
    dialogueDates: record.dialogueDates,
    concludingObservationsSymbol: record.concludingObservationsSymbol,
    concludingObservationsAdopted: record.concludingObservationsAdopted,
    followUpDueRecorded: record.followUpDueRecorded,
    followUpDue: record.followUpDue,
    followUpReceived: record.followUpReceived,
    latenessAsStatedByCommittee: record.latenessAsStatedByCommittee,
    otherEvents: record.otherEvents,
    documents: record.documents,
    sourceId: record.sourceId,
    asOf: record.asOf,
  };
}

// --- cross-checks between the raw files ---------------------------------------------------------

/** The follow-up lists a history row's other_events names must be the lists file's lists naming the State. */
function checkHistoryAgainstFollowUpLists(problems: Problems, drafts: HistoryDraft[], { listsNaming }: FollowUpListsRead): void {
  for (const { row, report, followUpListMonths } of drafts) {
    if (followUpListMonths === null) continue;
    const stated = [...followUpListMonths].sort().join(', ');
    const inLists = [...new Set(listsNaming(report.stateIso3).map((l) => l.month))].sort().join(', ');
    if (stated !== inLists)
      problems.add(
        originOf(row),
        `other_events names the follow-up lists of ${stated}; ${CAT_FILES.lists} names ${report.stateIso3} on ${inLists || 'none'}`,
      );
  }
}

/** History against the sessions list: the same dialogue, the same dates, within the session. */
function checkHistoryAgainstSessions(problems: Problems, reports: Traced<CatReport>[], { sessionRecord }: SessionsRead): void {
  for (const { record: report, origin } of reports) {
    if (report.dialogueSession === null) continue;
    const session = sessionRecord(report.dialogueSession);
    const reviewed = session?.activities.filter((a) => a.stateIso3 === report.stateIso3 && a.territory === null) ?? [];
    for (const a of reviewed) {
      if (a.dialogueDates && report.dialogueDates && JSON.stringify(a.dialogueDates) !== JSON.stringify(report.dialogueDates)) {
        problems.add(origin, `dialogue dates differ from the sessions list for session ${report.dialogueSession}`);
      }
    }
    if (session && report.dialogueDates?.precision === 'day') {
      if ((session.start && report.dialogueDates.from < session.start) || (session.end && report.dialogueDates.to > session.end)) {
        problems.add(
          origin,
          `dialogue ${report.dialogueDates.from} falls outside session ${session.session} (${session.start ?? '?'} to ${session.end ?? '?'})`,
        );
      }
    }
  }
}

/**
 * The states-parties file's computed dates against the status engine on the date of its UNTC page.
 * Returns the States the file lists as parties.
 */
function checkPartiesFileAgainstStatusEngine({ problems, knownIso3, uncatInstrument, eventsOf }: CatContext): Set<string> {
  const partiesInFile = new Set<string>();
  for (const row of readCsv(CAT_FILES.parties)) {
    const iso3 = row.opt('iso3');
    if (!knownIso3(row, iso3) || row.get('untc_status') !== 'party') continue;
    partiesInFile.add(iso3!);
    const { uncat, uncatSourceId } = uncatContext(uncatInstrument, eventsOf(iso3!), UNTC_STATUS_DATE);
    if (uncat.status !== 'party') {
      problems.add(originOf(row), `${iso3} is a party in this file but "${uncat.status}" in the UNCAT events on ${UNTC_STATUS_DATE}`);
      continue;
    }
    const eif = row.opt('eif_for_state_computed');
    const due = row.opt('initial_report_due_computed');
    if (eif !== null && eif !== uncat.entryIntoForce?.date) {
      problems.add(originOf(row), `${iso3}: entry into force ${eif} here, ${uncat.entryIntoForce?.date ?? 'none'} from the status engine`);
    }
    const ours = initialReportDue(uncat, uncatSourceId).date;
    if (due !== ours)
      problems.add(
        originOf(row),
        `${iso3}: initial report due ${due ?? 'not computed'} here, ${ours ?? 'not computed'} by the domain rule`,
      );
  }
  return partiesInFile;
}

/** A complete history must account for every review the sessions list records. */
function checkCompleteHistoriesAgainstSessions(
  problems: Problems,
  states: Traced<CatReportingState>[],
  reports: Traced<CatReport>[],
  { activitiesOf }: SessionsRead,
): void {
  const reviewKinds: CatActivityKind[] = [
    'report-considered',
    'report-considered-without-delegation',
    'considered-without-report',
    'concluding-observations-adopted',
  ];
  for (const { record: state } of states) {
    if (state.completeness !== 'complete') continue;
    const recordedSessions = new Set(reports.filter((r) => r.record.stateIso3 === state.stateIso3).map((r) => r.record.dialogueSession));
    for (const { session, activity } of activitiesOf(state.stateIso3)) {
      if (reviewKinds.includes(activity.kind) && !recordedSessions.has(session.session)) {
        problems.add(
          { file: `data/raw/${CAT_FILES.history}`, line: null },
          `${state.stateIso3}: the sessions list records "${activity.activityAsStated}" at session ${session.session}, which the history (complete from the initial report) does not`,
        );
      }
    }
  }
}

// --- completeness per party (cat-reporting-states.json) -----------------------------------------

function buildReportingStates(
  { problems, uncatEvents }: CatContext,
  from: {
    partiesInFile: Set<string>;
    reports: Traced<CatReport>[];
    sessionsRead: SessionsRead;
    listsRead: FollowUpListsRead;
    historyAsOf: IsoDate;
    uncatOnHistoryDate: UncatOn;
  },
): { states: Traced<CatReportingState>[]; parties: string[] } {
  const { partiesInFile, reports, historyAsOf, uncatOnHistoryDate } = from;
  const partyRows = readCsv(CAT_FILES.parties);
  const states: Traced<CatReportingState>[] = [];
  const parties = [...new Set(uncatEvents.map((e) => e.stateIso3))]
    .filter((iso3) => uncatOnHistoryDate(iso3).uncat.status === 'party' || uncatOnHistoryDate(iso3).uncat.status === 'withdrawal-pending')
    .sort(compareText);
  for (const iso3 of parties) {
    if (!partiesInFile.has(iso3))
      problems.add({ file: `data/raw/${CAT_FILES.parties}`, line: null }, `${iso3} is a UNCAT party in the events but not in this file`);
  }
  for (const iso3 of partiesInFile) {
    if (!parties.includes(iso3))
      problems.add(
        { file: `data/raw/${CAT_FILES.parties}`, line: null },
        `${iso3} is a party in this file but not on ${historyAsOf} in the UNCAT events`,
      );
  }
  for (const iso3 of parties) {
    const own = reports.filter((r) => r.record.stateIso3 === iso3).map((r) => r.record);
    const covered = [...new Set(own.flatMap((r) => Array.from({ length: r.lastNumber - r.number + 1 }, (_, i) => r.number + i)))].sort(
      (a, b) => a - b,
    );
    const activities = from.sessionsRead.activitiesOf(iso3);
    const lists = from.listsRead.listsNaming(iso3);
    const max = covered.at(-1) ?? 0;
    const missing = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !covered.includes(n));
    const sourceIds = new Set<string>([UNTC_UNCAT_SOURCE_ID]);
    if (own.length) sourceIds.add(CAT_HISTORY_SOURCE_ID);
    for (const { activity } of activities) sourceIds.add(activity.sourceId);
    for (const l of lists) sourceIds.add(l.sourceId);

    const activityText = activities.length
      ? `The sessions list (53rd to 84th sessions, 2014 to 2026, with gaps) records: ${activities
          .map(
            ({ session, activity }) =>
              `${activity.activityAsStated}${activity.territory ? ` (${activity.territory})` : ''} at the ${ordinal(session.session)} session`,
          )
          .join('; ')}.`
      : null;
    const listText = lists.length
      ? `Named as late with follow-up information on the Committee's list${lists.length > 1 ? 's' : ''} of ${lists.map((l) => monthName(l.month)).join(', ')}.`
      : null;
    let completeness: CatReportingState['completeness'];
    let basis: string;
    if (own.length && missing.length === 0) {
      completeness = 'complete';
      basis = `Every reporting round from the initial report to the ${reportLabel(max)} report is recorded report by report, to ${historyAsOf}.`;
    } else if (own.length || activities.length || lists.length) {
      completeness = 'partial';
      basis = [
        own.length
          ? `Reports recorded report by report: ${describeNumbers(covered)}; not recorded: ${describeNumbers(missing)}.`
          : 'No report-by-report history.',
        own.length ? null : activityText,
        listText,
      ]
        .filter(Boolean)
        .join(' ');
    } else {
      completeness = 'none';
      const { uncat, uncatSourceId } = uncatOnHistoryDate(iso3);
      const initial = initialReportDue(uncat, uncatSourceId);
      basis =
        'No report, review or follow-up is recorded for this State in the bundled sources; ' +
        (initial.date
          ? `only the initial report's due date can be computed (${initial.date}, from the entry into force).`
          : 'no due date can be computed either (successor State).');
    }
    states.push({
      origin: { file: `data/raw/${CAT_FILES.parties}`, line: partyRows.find((r) => r.opt('iso3') === iso3)?.line ?? null },
      record: {
        stateIso3: iso3,
        completeness,
        basis,
        reportNumbersRecorded: covered,
        sessionsRecorded: [...new Set(activities.map(({ session }) => session.session))].sort((a, b) => a - b),
        followUpListsNaming: lists.map((l) => l.session),
        asOf: historyAsOf,
        sourceIds: [...sourceIds].sort(compareText),
      },
    });
  }
  return { states, parties };
}

// --- annual reports (cat-annual-reports.json) ---------------------------------------------------

function buildAnnualReports({ problems, sourceOf }: CatContext): Traced<CatAnnualReportRecord>[] {
  const annualReports: Traced<CatAnnualReportRecord>[] = [];
  for (const row of readCsv(CAT_FILES.annual)) {
    const int = (column: string): number | null => {
      const v = row.opt(column);
      if (v === null) return null;
      if (!/^\d+$/.test(v)) problems.add(originOf(row), `${column}: not a whole number "${v}"`);
      return Number(v);
    };
    const counts = {
      statesParties: int('states_parties_at_period_end'),
      reportsConsidered: int('reports_considered_in_period'),
      statesWithOverdueInitialReports: int('states_with_overdue_initial_reports'),
      statesWithOverduePeriodicReports: int('states_with_overdue_periodic_reports'),
    };
    const missingCounts = Object.entries(counts)
      .filter(([, v]) => v === null)
      .map(([k]) => k);
    annualReports.push({
      origin: originOf(row),
      record: {
        symbol: row.get('annual_report_symbol').trim(),
        sessionsCovered: row.get('sessions_covered').trim(),
        periodStart: row.get('period_start'),
        periodEnd: row.get('period_end'),
        ...counts,
        sourceId: sourceOf(row, row.opt('source_url')) ?? 'unknown',
        asOf: row.get('period_end'),
        note: missingCounts.length
          ? `Not found in the source: ${missingCounts.join(', ')}. The names of the States with overdue reports were not available for any year.`
          : 'The names of the States with overdue reports were not available (only the summary at the start of the report).',
      },
    });
  }
  return annualReports;
}

const ordinal = (n: number): string => reportLabel(n).replace(' periodic', '');

/** "1, 3-5" style list of report numbers ("none" when empty). */
function describeNumbers(numbers: number[]): string {
  if (numbers.length === 0) return 'none';
  const parts: string[] = [];
  let start = numbers[0]!;
  let prev = start;
  for (const n of [...numbers.slice(1), Number.NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    const name = (k: number) => (k === 1 ? 'initial' : reportLabel(k).replace(' periodic', ''));
    parts.push(start === prev ? name(start) : `${name(start)} to ${name(prev)}`);
    start = n;
    prev = n;
  }
  return parts.join(', ');
}

/**
 * Follow-up facts in an `other_events` cell. The wordings the file uses:
 *   "follow-up information received 11 May 2018"                      -> received on that day
 *   "follow-up report received before the 82nd session (Apr 2025)"     -> by the day before the session opened
 *   "follow-up report received before Nov 2025"                        -> by the last day of October 2025
 *   "follow-up report received by Nov 2024"                            -> by the last day of November 2024
 *   "a follow-up report was received between the 75th and 76th sessions" -> by the day before the 76th opened
 *   "follow-up information requested by 3 Dec 2022"                   -> the due date the Committee set
 *   "on the follow-up overdue lists of Jul/Nov 2023 and Jul 2024", "on the Jul 2024 follow-up overdue list"
 *                                                                       -> checked against the lists file
 * Any other mention of follow-up is reported, so that a new wording is read on purpose.
 */
export function readFollowUpText(
  text: string | null,
  session: (n: number) => CatSession | null,
  report: (reason: string) => void,
): { received: CatFollowUpReceipt | null; dueRecorded: IsoDate | null; listMonths: Set<string> | null } {
  const out: { received: CatFollowUpReceipt | null; dueRecorded: IsoDate | null; listMonths: Set<string> | null } = {
    received: null,
    dueRecorded: null,
    listMonths: null,
  };
  if (text === null) return out;
  let rest = text;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.replace(m[0], ' ');
    return m;
  };
  const receipt = (r: CatFollowUpReceipt) => {
    if (out.received) report(`two follow-up receipts in "${text}"`);
    out.received = r;
  };
  const sessionStart = (n: string): IsoDate | null => {
    const s = session(Number(n));
    if (!s?.start) report(`session ${n} has no start date in the sessions file`);
    return s?.start ?? null;
  };

  let m: RegExpExecArray | null;
  if ((m = take(/follow-up information received (\d{1,2} [A-Z][a-z]{2} \d{4})/))) {
    const day = parseDayMonthYear(m[1]!);
    if (day) receipt({ on: day, by: day, asStated: m[0] });
    else report(`cannot read the date in "${m[0]}"`);
  }
  if ((m = take(/follow-up report received before the (\d+)(?:st|nd|rd|th) session \(([A-Z][a-z]{2}) (\d{4})\)/))) {
    const start = sessionStart(m[1]!);
    if (start && start.slice(0, 7) !== monthOf(m[2]!, m[3]!)) report(`"${m[0]}": session ${m[1]} opened on ${start}`);
    if (start) receipt({ on: null, by: addDays(start, -1), asStated: m[0] });
  }
  if ((m = take(/follow-up report received before ([A-Z][a-z]{2}) (\d{4})/))) {
    const month = monthOf(m[1]!, m[2]!);
    if (month) receipt({ on: null, by: addDays(`${month}-01`, -1), asStated: m[0] });
    else report(`cannot read the month in "${m[0]}"`);
  }
  if ((m = take(/follow-up report received by ([A-Z][a-z]{2}) (\d{4})/))) {
    const month = monthOf(m[1]!, m[2]!);
    if (month) receipt({ on: null, by: endOfMonth(month), asStated: m[0] });
    else report(`cannot read the month in "${m[0]}"`);
  }
  if ((m = take(/a follow-up report was received between the (\d+)(?:st|nd|rd|th) and (\d+)(?:st|nd|rd|th) sessions/))) {
    const start = sessionStart(m[2]!);
    if (start) receipt({ on: null, by: addDays(start, -1), asStated: m[0] });
  }
  if ((m = take(/follow-up information requested by (\d{1,2} [A-Z][a-z]{2} \d{4})/))) {
    out.dueRecorded = parseDayMonthYear(m[1]!);
    if (!out.dueRecorded) report(`cannot read the date in "${m[0]}"`);
  }
  const months = new Set<string>();
  if (
    (m = take(
      /on the follow-up overdue lists of ((?:(?:[A-Z][a-z]{2})(?:\/| and |, )?)+ \d{4}(?:(?:, | and )(?:(?:[A-Z][a-z]{2})(?:\/| and |, )?)+ \d{4})*)/,
    ))
  ) {
    for (const group of m[1]!.matchAll(/((?:[A-Z][a-z]{2}(?:\/| and |, )?)+) (\d{4})/g)) {
      for (const name of group[1]!.split(/\/| and |, /).filter(Boolean)) {
        const month = monthOf(name.trim(), group[2]!);
        if (month) months.add(month);
        else report(`cannot read the month "${name}" in "${m[0]}"`);
      }
    }
    out.listMonths = months;
  }
  if ((m = take(/on the ([A-Z][a-z]{2}) (\d{4}) follow-up overdue list\b/))) {
    const month = monthOf(m[1]!, m[2]!);
    if (month) months.add(month);
    out.listMonths = months;
  }
  if (/follow-up/i.test(rest)) report(`a mention of follow-up that no pattern reads: "${text}"`);
  return out;
}
