/**
 * Which State is reviewed in which Working Group session: the 4th-cycle calendar (sessions
 * 41-54, with dates and status), the session-to-year look-up, the session-by-state list of
 * sessions 1-20 and the review-years table of cycles 1-2.
 */
import { IsoDate } from '@tracker/api/schemas';
import { UprReviewRecord, type UprReviewStatus, uprReviewId } from '@tracker/api';
import {
  cell,
  missingColumns,
  parseSession,
  readTable,
  zodReason,
  type CsvLine,
  type ParseResult,
  type Rejection,
  type TableInput,
} from './common.js';
import type { StateNameResolver } from './names.js';

/** Reads a table (CSV text or a workbook's) whose header must contain `columns`; gives rows with a by-name getter. */
function table<C extends string>(
  input: TableInput,
  columns: readonly C[],
): { rows: { line: number; get: (c: C) => string | null; width: number }[]; width: number } | Rejection {
  const csv = readTable(input, (cells) => missingColumns(cells, columns));
  if ('reason' in csv) return csv;
  const index = new Map(csv.header.cells.map((name, i) => [name.trim(), i]));
  return {
    width: csv.header.cells.length,
    rows: csv.rows.map(({ line, cells }: CsvLine) => ({ line, get: (c: C) => cell(cells[index.get(c)!]), width: cells.length })),
  };
}

const isIsoDate = (value: string) => IsoDate.safeParse(value).success;

// --- 4th-cycle calendar --------------------------------------------------------------------------

export const CALENDAR_COLUMNS = [
  'cycle',
  'wg_session',
  'session_start',
  'session_end',
  'order_in_session',
  'order_confirmed',
  'state_under_review',
  'review_date',
  'status',
  'source',
  'notes',
] as const;

/**
 * The calendar's status wording, mapped to a review status. One table; an unknown wording
 * rejects the row. The words themselves are kept in `statusAsRecorded`.
 */
export const CALENDAR_STATUSES: readonly { pattern: RegExp; status: UprReviewStatus }[] = [
  { pattern: /^held$/i, status: 'held' },
  { pattern: /^scheduled\b/i, status: 'scheduled' },
  // "not held - State under review absent; HRC decision (7 Nov 2025) rescheduled the review to 2026"
  { pattern: /^not held\b.*\breschedul/i, status: 'postponed' },
];

/** Session dates as one calendar row gives them. */
export interface CalendarSessionDates {
  session: number;
  startDate: string | null;
  endDate: string | null;
  line: number;
}

export interface CalendarParseResult extends ParseResult<UprReviewRecord> {
  /** One entry per session, from its first row; rows that disagree with it are refused. */
  sessions: CalendarSessionDates[];
}

export interface CalendarOptions {
  sourceId: string;
  states: StateNameResolver;
}

/**
 * Parses the calendar into reviews (id `ISO3-session`) and session dates. Each review keeps the
 * status wording, the review day where given, and in `note` the row's notes and the sources the
 * row names. A State listed twice in one session is refused; in two sessions it is two reviews
 * (the United States: 50, not held, and 53, planned).
 */
export function parseCalendarCsv(input: TableInput, options: CalendarOptions): CalendarParseResult {
  const csv = table(input, CALENDAR_COLUMNS);
  if ('reason' in csv) return { records: [], sessions: [], rejected: [csv], unresolved: [] };
  const rejected: Rejection[] = [];
  const records: UprReviewRecord[] = [];
  const sessions = new Map<number, CalendarSessionDates>();
  const seen = new Set<string>();

  for (const { line, get, width } of csv.rows) {
    const reject = (reason: string) => rejected.push({ line, reason });
    if (width !== csv.width) {
      reject(`expected ${csv.width} columns, found ${width}`);
      continue;
    }
    const session = parseSession(get('wg_session'));
    if ('error' in session) {
      reject(session.error);
      continue;
    }
    if (get('cycle') && Number(get('cycle')) !== session.cycle) {
      reject(`cycle ${get('cycle')} does not match session ${session.session} (cycle ${session.cycle})`);
      continue;
    }
    const name = get('state_under_review');
    const iso3 = name ? options.states.resolve(name) : null;
    if (!name || !iso3) {
      reject(name ? `unknown State under review "${name}"` : 'missing State under review');
      continue;
    }
    const dates = { start: get('session_start'), end: get('session_end'), review: get('review_date') };
    const badDate = Object.entries(dates).find(([, v]) => v !== null && !isIsoDate(v));
    if (badDate) {
      reject(`${badDate[0]} date "${badDate[1]}" is not a YYYY-MM-DD date`);
      continue;
    }
    const known = sessions.get(session.session);
    if (known && (known.startDate !== dates.start || known.endDate !== dates.end)) {
      reject(
        `session ${session.session} dates ${dates.start ?? '?'} to ${dates.end ?? '?'} differ from line ${known.line} (${known.startDate ?? '?'} to ${known.endDate ?? '?'})`,
      );
      continue;
    }
    const statusWords = get('status');
    const status = statusWords ? CALENDAR_STATUSES.find((s) => s.pattern.test(statusWords))?.status : null;
    if (status === undefined) {
      reject(`unknown status "${statusWords}"`);
      continue;
    }
    const id = uprReviewId(iso3, session.session);
    if (seen.has(id)) {
      reject(`${name} is listed twice for session ${session.session}`);
      continue;
    }

    const order = get('order_in_session');
    const orderNote = order
      ? `Position ${order} in the review order${get('order_confirmed') === 'yes' ? ', as announced by OHCHR' : ''}.`
      : null;
    const parts = [get('notes'), orderNote, get('source') ? `Calendar sources: ${get('source')}.` : null].filter((p): p is string => !!p);
    const result = UprReviewRecord.safeParse({
      id,
      stateIso3: iso3,
      session: session.session,
      cycle: session.cycle,
      status,
      statusAsRecorded: statusWords,
      reviewDate: dates.review,
      documents: [],
      sourceIds: [options.sourceId],
      note: parts.length ? parts.map((p) => (/[.!?)]$/.test(p) ? p : `${p}.`)).join(' ') : null,
    });
    if (!result.success) {
      reject(zodReason(result.error));
      continue;
    }
    seen.add(id);
    if (!known) sessions.set(session.session, { session: session.session, startDate: dates.start, endDate: dates.end, line });
    records.push(result.data);
  }
  return { records, sessions: [...sessions.values()], rejected, unresolved: [] };
}

// --- session-year look-up ------------------------------------------------------------------------

export interface SessionYear {
  session: number;
  year: number;
  line: number;
}

/** `session,year`: one row per session; a repeated session or a year before 2008 is refused. */
export function parseSessionYearCsv(text: string): ParseResult<SessionYear> {
  const csv = table(text, ['session', 'year'] as const);
  if ('reason' in csv) return { records: [], rejected: [csv], unresolved: [] };
  const records: SessionYear[] = [];
  const rejected: Rejection[] = [];
  for (const { line, get } of csv.rows) {
    const session = parseSession(get('session'));
    const year = Number(get('year'));
    if ('error' in session) rejected.push({ line, reason: session.error });
    else if (!Number.isInteger(year) || year < 2008 || year > 2100)
      rejected.push({ line, reason: `year "${get('year')}" is not a year of the UPR` });
    else if (records.some((r) => r.session === session.session))
      rejected.push({ line, reason: `session ${session.session} is listed twice` });
    else records.push({ session: session.session, year, line });
  }
  return { records, rejected, unresolved: [] };
}

// --- session by State, sessions 1-20 -----------------------------------------------------------

export interface SessionByState {
  stateIso3: string;
  nameAsRecorded: string;
  session: number;
  cycle: number;
  line: number;
}

/**
 * The rochelleterman `sessions.csv`: an unnamed row index, `To` (State), `To_COW` (Correlates of
 * War code, not kept) and `Session`.
 */
export function parseSessionByStateCsv(text: string, options: { states: StateNameResolver }): ParseResult<SessionByState> {
  const csv = table(text, ['To', 'Session'] as const);
  if ('reason' in csv) return { records: [], rejected: [csv], unresolved: [] };
  const records: SessionByState[] = [];
  const rejected: Rejection[] = [];
  for (const { line, get } of csv.rows) {
    const name = get('To');
    const iso3 = name ? options.states.resolve(name) : null;
    const session = parseSession(get('Session'));
    if (!name || !iso3) rejected.push({ line, reason: name ? `unknown State under review "${name}"` : 'missing State under review' });
    else if ('error' in session) rejected.push({ line, reason: session.error });
    else if (records.some((r) => r.stateIso3 === iso3 && r.session === session.session))
      rejected.push({ line, reason: `${name} is listed twice for session ${session.session}` });
    else records.push({ stateIso3: iso3, nameAsRecorded: name, session: session.session, cycle: session.cycle, line });
  }
  return { records, rejected, unresolved: [] };
}

// --- review years, cycles 1-2 ------------------------------------------------------------------

export interface ReviewYears {
  stateIso3: string;
  /** Year of the 1st and 2nd review, and of the WG report of each; null where the file has ".". */
  review1: number | null;
  review2: number | null;
  report1: number | null;
  report2: number | null;
  line: number;
}

/** The rochelleterman `upr-years.csv`: `country, review1, review2, report1, report2`, "." = missing. */
export function parseReviewYearsCsv(text: string, options: { states: StateNameResolver }): ParseResult<ReviewYears> {
  const columns = ['country', 'review1', 'review2', 'report1', 'report2'] as const;
  const csv = table(text, columns);
  if ('reason' in csv) return { records: [], rejected: [csv], unresolved: [] };
  const records: ReviewYears[] = [];
  const rejected: Rejection[] = [];
  for (const { line, get } of csv.rows) {
    const name = get('country');
    const iso3 = name ? options.states.resolve(name) : null;
    if (!name || !iso3) {
      rejected.push({ line, reason: name ? `unknown State "${name}"` : 'missing State' });
      continue;
    }
    const years: (number | null)[] = [];
    let bad: string | null = null;
    for (const c of columns.slice(1)) {
      const v = get(c);
      if (v === null || v === '.') years.push(null);
      else if (/^(20\d\d)$/.test(v)) years.push(Number(v));
      else bad = `${c} "${v}" is not a year`;
    }
    if (bad) rejected.push({ line, reason: bad });
    else records.push({ stateIso3: iso3, review1: years[0]!, review2: years[1]!, report1: years[2]!, report2: years[3]!, line });
  }
  return { records, rejected, unresolved: [] };
}
