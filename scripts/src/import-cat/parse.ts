/**
 * Readers for CAT reporting records that users bring to complete the data:
 *
 * 1. The tracker's own CSV (documented in data/import-formats.md, "CAT reporting records"):
 *    one row per reporting round, named columns, ISO dates.
 * 2. The OHCHR treaty body database's reporting-status table (tbinternet.ohchr.org, per country:
 *    treaty, report, due date, date received, symbol, status), copied into a CSV. No copy of
 *    that table was in the sources gathered for this project, so its columns are matched by the
 *    header names the page uses (several spellings accepted) and a file whose headers match
 *    none is refused with the names expected; rows of other treaties are skipped and counted.
 *
 * Pure functions: text in, records or line-numbered problems out. Nothing is applied here.
 */
import { parse } from 'csv-parse/sync';
import { type CatDate, type CatDateSpan, type IncomingCatReport, reportLabel, type SourceRecord } from '@tracker/api';
import { quoted } from '../import-upr/input-file.js';
import { importedSource, type ImportSource as ImportSourceFields } from '../normalise/source-record.js';

export interface ParsedCatImport {
  reports: IncomingCatReport[];
  historyCompleteTo: Record<string, string>;
  /** Rows that are not about the Convention against Torture (OHCHR tables list every treaty). */
  skipped: { line: number; reason: string }[];
  problems: string[];
}

export type ImportSource = ImportSourceFields & { asOf: string };

/** A stable source id for an import: the same title and URL give the same id, so re-imports change nothing. */
export const importSource = (source: ImportSource): SourceRecord => importedSource('import:cat', source);

// --- cells -------------------------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const isRealDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * A date of any precision: "2016", "2016-05", "2011-06-03", and the forms OHCHR pages print:
 * "3 Jun 2011", "03 June 2011", "03/06/2011" (day first), "June 2011". Null when unreadable.
 */
export function parseDate(text: string): CatDate | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { date: `${m[1]}-01-01`, precision: 'year' };
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { date: `${m[1]}-${m[2]}-01`, precision: 'month' };
  const day = (y: number, mo: number, d: number): CatDate | null =>
    isRealDay(y, mo, d) ? { date: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' } : null;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return day(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    return month ? day(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^([A-Za-z]+) (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    return month ? { date: `${m[2]}-${pad(month)}-01`, precision: 'month' } : null;
  }
  return null;
}

const WORDS = ['initial', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const numberOf = (word: string): number | null => {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(w);
  if (ordinal) return Number(ordinal[1]);
  const i = WORDS.indexOf(w);
  return i >= 0 ? i + 1 : null;
};

/**
 * Which reports a label covers: "initial", "1", "2nd periodic", "Second periodic report",
 * "5-6", "5th-6th periodic (combined)", "Fifth and sixth periodic reports (combined)".
 */
export function parseReportNumbers(text: string): { number: number; lastNumber: number } | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\s*\(combined\)|\bcombined\b|\breports?\b|\bperiodic\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = t.split(/\s*(?:-|–|\band\b|\bto\b)\s*/).filter(Boolean);
  if (parts.length === 0 || parts.length > 2) return null;
  const numbers = parts.map(numberOf);
  if (numbers.some((n) => n === null || n < 1)) return null;
  const [first, last = first] = numbers as number[];
  return first! <= last! ? { number: first!, lastNumber: last! } : null;
}

// --- the tracker's CSV ------------------------------------------------------------------------

/** The columns of the tracker's CSV; only state_iso3 and report are required. */
export const TRACKER_COLUMNS = [
  'state_iso3',
  'report',
  'procedure',
  'considered_without_report',
  'document_symbol',
  'list_of_issues_symbol',
  'due_date',
  'received_on',
  'session',
  'dialogue_from',
  'dialogue_to',
  'concluding_observations_symbol',
  'concluding_observations_adopted',
  'follow_up_due',
  'follow_up_received',
  'note',
  'history_complete_to',
] as const;

type Row = Record<string, string>;

/**
 * Reads CSV text into rows by header name. The header is read and checked first, on its own
 * (`headerProblems`): a file of another format, or of junk, is refused at once instead of after
 * parsing all of it. Any CSV error (a quote left open, a row with another number of cells than
 * the header, as in a file cut short) and a file without data rows are problems too.
 */
function readCsv(
  text: string,
  problems: string[],
  headerProblems: (headers: string[]) => string[],
): { rows: { line: number; row: Row }[]; headers: string[] } {
  try {
    const [first] = parse(text, { to: 1, skip_empty_lines: true, bom: true });
    const headers = (first ?? []).map((h) => h.trim().toLowerCase());
    problems.push(...headerProblems(headers));
    if (problems.length) return { rows: [], headers };
    const records = parse<{ record: Row; info: { lines: number } }>(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: false,
    });
    if (records.length === 0) problems.push('no rows: the file has a header but no data rows');
    return { rows: records.map((r) => ({ line: r.info.lines, row: r.record })), headers };
  } catch (err) {
    problems.push(`not a readable CSV file: ${(err as Error).message}`);
    return { rows: [], headers: [] };
  }
}

interface Builder {
  line: number;
  problems: string[];
}
const cell = (row: Row, name: string) => (row[name] ?? '').trim() || null;

function dateCell(b: Builder, row: Row, name: string, precision?: 'day'): CatDate | null {
  const text = cell(row, name);
  if (text === null) return null;
  const date = parseDate(text);
  if (!date) b.problems.push(`line ${b.line}: ${name}: cannot read the date "${text}" (use YYYY-MM-DD, YYYY-MM or YYYY)`);
  else if (precision && date.precision !== 'day') b.problems.push(`line ${b.line}: ${name}: give the day (YYYY-MM-DD), not "${text}"`);
  return date;
}

const spanOf = (d: CatDate | null): CatDateSpan | null => (d ? { from: d.date, to: d.date, precision: d.precision } : null);

function labelFor(number: number, lastNumber: number): string {
  return reportLabel(number, lastNumber);
}

/** What is wrong with a header of the tracker's CSV: unknown columns (a typo never drops data silently), required ones missing. */
function trackerHeaderProblems(headers: string[]): string[] {
  const problems: string[] = [];
  const unknown = headers.filter((h) => !(TRACKER_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    problems.push(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => quoted(u)).join(', ')}; the columns are: ${TRACKER_COLUMNS.join(', ')}`,
    );
  for (const required of ['state_iso3', 'report']) if (!headers.includes(required)) problems.push(`missing column "${required}"`);
  return problems;
}

/** Reads the tracker's CSV (see TRACKER_COLUMNS and data/README.md). */
export function parseTrackerCsv(text: string, source: SourceRecord): ParsedCatImport {
  const problems: string[] = [];
  const { rows } = readCsv(text, problems, trackerHeaderProblems);
  const out: ParsedCatImport = { reports: [], historyCompleteTo: {}, skipped: [], problems };
  if (problems.length) return out;

  for (const { line, row } of rows) {
    const b: Builder = { line, problems };
    const iso3 = (cell(row, 'state_iso3') ?? '').toUpperCase();
    if (!/^[A-Z]{3}$/.test(iso3)) {
      problems.push(`line ${line}: state_iso3: "${cell(row, 'state_iso3') ?? ''}" is not an ISO 3166-1 alpha-3 code`);
      continue;
    }
    const numbers = parseReportNumbers(cell(row, 'report') ?? '');
    if (!numbers) {
      problems.push(`line ${line}: report: cannot read "${cell(row, 'report') ?? ''}" (e.g. "initial", "2nd periodic", "5-6")`);
      continue;
    }
    const procedureText = cell(row, 'procedure')?.toLowerCase() ?? null;
    if (procedureText !== null && procedureText !== 'standard' && procedureText !== 'simplified') {
      problems.push(`line ${line}: procedure: "${procedureText}" is neither "standard" nor "simplified"`);
    }
    const withoutText = cell(row, 'considered_without_report')?.toLowerCase() ?? 'no';
    if (!['yes', 'no'].includes(withoutText))
      problems.push(`line ${line}: considered_without_report: "${withoutText}" is neither "yes" nor "no"`);
    const sessionText = cell(row, 'session');
    const session = sessionText === null ? null : Number(sessionText);
    if (session !== null && !(Number.isInteger(session) && session > 0))
      problems.push(`line ${line}: session: "${sessionText}" is not a session number`);
    const due = dateCell(b, row, 'due_date');
    if (due && due.precision === 'month') problems.push(`line ${line}: due_date: give a day or a year, not a month`);
    const dialogueFrom = dateCell(b, row, 'dialogue_from', 'day');
    const dialogueTo = dateCell(b, row, 'dialogue_to', 'day') ?? dialogueFrom;
    if (dialogueFrom && dialogueTo && dialogueTo.date < dialogueFrom.date)
      problems.push(`line ${line}: dialogue_to is before dialogue_from`);
    const followUpDue = dateCell(b, row, 'follow_up_due', 'day');
    const followUpReceived = dateCell(b, row, 'follow_up_received', 'day');
    const completeTo = dateCell(b, row, 'history_complete_to', 'day');
    if (completeTo) {
      const earlier = out.historyCompleteTo[iso3];
      if (earlier && earlier !== completeTo.date)
        problems.push(`line ${line}: history_complete_to ${completeTo.date} differs from ${earlier} on another row of ${iso3}`);
      out.historyCompleteTo[iso3] = completeTo.date;
    }
    const id = `${iso3}:${numbers.number}${numbers.lastNumber > numbers.number ? `-${numbers.lastNumber}` : ''}`;
    const documents = [cell(row, 'document_symbol'), cell(row, 'list_of_issues_symbol'), cell(row, 'concluding_observations_symbol')]
      .filter(Boolean)
      .join('; ');
    out.reports.push({
      id,
      stateIso3: iso3,
      number: numbers.number,
      lastNumber: numbers.lastNumber,
      label: labelFor(numbers.number, numbers.lastNumber),
      procedure: procedureText === 'standard' || procedureText === 'simplified' ? procedureText : null,
      procedureAsStated: procedureText,
      consideredWithoutReport: withoutText === 'yes',
      documentSymbol: cell(row, 'document_symbol'),
      listOfIssuesSymbol: cell(row, 'list_of_issues_symbol'),
      dueRecorded: due && due.precision !== 'month' ? due : null,
      dueAsStated: cell(row, 'due_date'),
      receivedOn: dateCell(b, row, 'received_on'),
      receivedAsStated: null,
      distributedOn: null,
      dialogueSession: session !== null && Number.isInteger(session) && session > 0 ? session : null,
      dialogueSessionNote: null,
      dialogueDates: dialogueFrom && dialogueTo ? { from: dialogueFrom.date, to: dialogueTo.date, precision: 'day' } : null,
      concludingObservationsSymbol: cell(row, 'concluding_observations_symbol'),
      concludingObservationsAdopted: spanOf(dateCell(b, row, 'concluding_observations_adopted')),
      followUpDueRecorded: followUpDue?.date ?? null,
      followUpReceived: followUpReceived
        ? { on: followUpReceived.date, by: followUpReceived.date, asStated: cell(row, 'follow_up_received')! }
        : null,
      latenessAsStatedByCommittee: null,
      otherEvents: cell(row, 'note'),
      documents: documents || `${source.title}, line ${line}`,
      sourceId: source.id,
      asOf: source.asOf ?? completeTo?.date ?? '0000-01-01',
    });
  }
  return out;
}

// --- the OHCHR reporting-status table ---------------------------------------------------------

/** Header spellings accepted for each column of the OHCHR table (lower case, spaces collapsed). */
export const OHCHR_HEADERS = {
  treaty: ['treaty', 'treaty body', 'committee'],
  country: ['country', 'state', 'state party'],
  report: ['report', 'report type', 'type', 'reporting cycle', 'cycle'],
  due: ['due date', 'date due', 'due'],
  received: ['date received', 'received', 'submitted', 'date of submission', 'submission date', 'date submitted'],
  symbol: ['symbol', 'document symbol', 'report symbol'],
  status: ['status', 'reporting status'],
  procedure: ['reporting procedure', 'procedure', 'srp'],
} as const;

/** Reads a per-country OHCHR reporting-status table saved as CSV; `stateIso3` when it has no country column. */
export function parseOhchrReportingStatus(
  text: string,
  source: SourceRecord,
  options: { stateIso3?: string; countryNames?: Map<string, string> } = {},
): ParsedCatImport {
  const problems: string[] = [];
  const normal = (h: string) => h.replace(/\s+/g, ' ').trim();
  const columnsOf = (headers: string[]) =>
    Object.fromEntries(
      Object.entries(OHCHR_HEADERS).map(([key, names]) => [
        key,
        headers.find((h) => (names as readonly string[]).includes(normal(h))) ?? null,
      ]),
    ) as Record<keyof typeof OHCHR_HEADERS, string | null>;
  const headerProblems = (headers: string[]) => {
    const column = columnsOf(headers);
    const found: string[] = [];
    for (const required of ['report', 'due'] as const) {
      if (!column[required])
        found.push(
          `no "${required}" column: expected one of ${OHCHR_HEADERS[required].map((h) => `"${h}"`).join(', ')} (headers found: ${quoted(headers.join(', '))})`,
        );
    }
    if (!column.country && !options.stateIso3) found.push('the table has no country column: name the state with --state ISO3');
    return found;
  };
  const { rows, headers } = readCsv(text, problems, headerProblems);
  const out: ParsedCatImport = { reports: [], historyCompleteTo: {}, skipped: [], problems };
  if (problems.length) return out;
  const column = columnsOf(headers);

  for (const { line, row } of rows) {
    const treaty = column.treaty ? cell(row, column.treaty) : 'CAT';
    if (treaty === null || !/^(cat|convention against torture\b.*)$/i.test(treaty)) {
      out.skipped.push({ line, reason: `treaty "${treaty ?? ''}" is not CAT` });
      continue;
    }
    const countryText = column.country ? cell(row, column.country) : null;
    const iso3 = countryText
      ? /^[A-Za-z]{3}$/.test(countryText)
        ? countryText.toUpperCase()
        : (options.countryNames?.get(countryText.toLowerCase()) ?? null)
      : options.stateIso3!.toUpperCase();
    if (!iso3) {
      problems.push(`line ${line}: unknown country "${countryText}"`);
      continue;
    }
    const reportText = cell(row, column.report!) ?? '';
    const numbers = parseReportNumbers(reportText);
    if (!numbers) {
      problems.push(`line ${line}: cannot read the report "${reportText}"`);
      continue;
    }
    const b: Builder = { line, problems };
    const due = dateCell(b, row, column.due!);
    const received = column.received ? dateCell(b, row, column.received) : null;
    const procedureText = column.procedure ? cell(row, column.procedure) : null;
    const procedure =
      procedureText === null
        ? null
        : /simplified|optional|loipr|^yes$/i.test(procedureText)
          ? 'simplified'
          : /standard|^no$/i.test(procedureText)
            ? 'standard'
            : null;
    const status = column.status ? cell(row, column.status) : null;
    out.reports.push({
      id: `${iso3}:${numbers.number}${numbers.lastNumber > numbers.number ? `-${numbers.lastNumber}` : ''}`,
      stateIso3: iso3,
      number: numbers.number,
      lastNumber: numbers.lastNumber,
      label: labelFor(numbers.number, numbers.lastNumber),
      procedure,
      procedureAsStated: procedureText,
      consideredWithoutReport: false,
      documentSymbol: column.symbol ? cell(row, column.symbol) : null,
      listOfIssuesSymbol: null,
      dueRecorded: due && due.precision !== 'month' ? due : null,
      dueAsStated: column.due ? cell(row, column.due) : null,
      receivedOn: received,
      receivedAsStated: column.received ? cell(row, column.received) : null,
      distributedOn: null,
      dialogueSession: null,
      dialogueSessionNote: null,
      dialogueDates: null,
      concludingObservationsSymbol: null,
      concludingObservationsAdopted: null,
      followUpDueRecorded: null,
      followUpReceived: null,
      latenessAsStatedByCommittee: null,
      otherEvents: status ? `OHCHR status: ${status}` : null,
      documents: `${source.title}, line ${line}`,
      sourceId: source.id,
      asOf: source.asOf ?? '0000-01-01',
    });
  }
  // A table of other treaties only is the wrong table: importing nothing is not a success.
  if (out.reports.length === 0 && problems.length === 0) {
    const n = out.skipped.length;
    problems.push(`no CAT rows: ${n} row${n === 1 ? '' : 's'} of other treaties skipped`);
  }
  return out;
}
