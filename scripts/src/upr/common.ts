/**
 * What the UPR parsers share: the result shape, CSV reading with line numbers, stable ids, and
 * the small cell clean-ups that every source needs.
 */
import { hash } from 'node:crypto';
import { decodeHTMLStrict } from 'entities';
import Papa from 'papaparse';
import { uprCycleOfSession } from '@tracker/api';

/** A row the parser refused, with the line of the raw file where it starts. */
export interface Rejection {
  line: number;
  reason: string;
}

/** A recommending entity whose name matched no State; kept with iso3 null and reported. */
export interface UnresolvedName {
  line: number;
  name: string;
}

/** What every parser returns: records, refused rows, and names it kept without an ISO3. */
export interface ParseResult<T> {
  records: T[];
  rejected: Rejection[];
  unresolved: UnresolvedName[];
}

/** One CSV record and the line it starts on (1 = the header line). */
export interface CsvLine {
  line: number;
  cells: string[];
}

/** A table read from a file: its header and data rows, each with the line (CSV) or row (workbook) it starts on. */
export interface CsvTable {
  header: CsvLine;
  rows: CsvLine[];
}

/** What the table formats read: CSV text, or a table read from an Excel workbook (import-upr/workbook.ts). */
export type TableInput = string | CsvTable;

/** Why a header row is not the format's header, or null when it is. */
export type HeaderCheck = (cells: string[]) => string | null;

/** The table of CSV text or a workbook, refused on its header line when `checkHeader` gives a reason. */
export function readTable(input: TableInput, checkHeader: HeaderCheck, delimiter: CsvDelimiter = ','): CsvTable | Rejection {
  if (typeof input === 'string') return readCsvLines(input, checkHeader, delimiter);
  const reason = checkHeader(input.header.cells);
  return reason === null ? input : { line: input.header.line, reason };
}

/** The cell separators the sources use: a comma, or a semicolon (the UPR Info export of 2018). */
export type CsvDelimiter = ',' | ';';

const CSV_OPTIONS = { newline: '\n', quoteChar: '"', header: false } as const;

/**
 * Parses CSV text into a header and rows, keeping the start line of every row. Line endings are
 * made LF first (the OHCHR and calendar files are CRLF), so that every record ends one line on
 * and each line break inside a quoted cell moves the next record one further; empty lines come
 * back as one empty cell and are dropped. Papa Parse reads the UPR Info exports about five times
 * faster than csv-parse (scripts/bench/upr-import.ts).
 *
 * The header is read and checked first, on its own: a file of another format, or of junk, is
 * refused on its first line at once instead of after parsing all of it. Any error Papa Parse
 * reports (a quote left open, as in a file cut inside a quoted text) fails the whole file, at the
 * line of the record where it is.
 */
export function readCsvLines(text: string, checkHeader: HeaderCheck = () => null, delimiter: CsvDelimiter = ','): CsvTable | Rejection {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lf = withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
  const blankLines = /^\n*/.exec(lf)![0].length;
  if (blankLines === lf.length) return { line: 1, reason: 'the file is empty' };
  const head = Papa.parse<string[]>(lf.slice(blankLines), { ...CSV_OPTIONS, delimiter, preview: 1 });
  const headerProblem = head.errors[0] ? `not readable as CSV: ${head.errors[0].message}` : checkHeader(head.data[0] ?? []);
  if (headerProblem !== null) return { line: blankLines + 1, reason: headerProblem };

  const { data: records, errors } = Papa.parse<string[]>(lf, { ...CSV_OPTIONS, delimiter });
  const startLines: number[] = [];
  // Papa Parse ends a record at every line break outside quotes (an empty line or a final break
  // gives an empty record), so when the text has exactly one break fewer than records, no cell
  // holds one and record i starts on line i + 1: the usual case, which saves looking into every cell.
  const noBreakInCells = countNewlines(lf) === records.length - 1;
  let line = 1;
  for (const cells of records) {
    startLines.push(line);
    line += 1;
    if (!noBreakInCells) for (const cell of cells) line += countNewlines(cell);
  }
  const error = errors[0];
  if (error) return { line: startLines[error.row ?? 0] ?? 1, reason: `not readable as CSV: ${error.message}` };
  const lines: CsvLine[] = [];
  records.forEach((cells, i) => {
    if (!(cells.length === 1 && cells[0] === '')) lines.push({ line: startLines[i]!, cells });
  });
  const [header, ...rows] = lines;
  return { header: header!, rows };
}

/** The columns of `required` a header lacks, as a reason; null when it has them all. */
export function missingColumns(cells: string[], required: readonly string[]): string | null {
  const names = new Set(cells.map((c) => c.trim()));
  const missing = required.filter((c) => !names.has(c));
  return missing.length > 0 ? `missing column(s): ${missing.join(', ')}` : null;
}

function countNewlines(value: string): number {
  let n = 0;
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * HTML character references in the sources' text: the UPR Info export writes some characters as
 * numeric references ("&#40;Unknown&#41;", an encoding artefact), the text copies of the OHCHR
 * lists write "&amp;". Decoded with `entities`, strictly: only complete references (with their
 * ";"), so a bare "&" or "&not" in a text stays as written.
 */
export function decodeCharacterReferences(value: string): string {
  return value.includes('&') ? decodeHTMLStrict(value) : value;
}

/** Trims a cell and turns an empty one into null. */
export function cell(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A session number from a cell such as "5", "5.0" (Excel float), "36 Session" or "- 36th
 * session" (UHRI), or a reason why it is not one of a known cycle.
 */
export function parseSession(value: string | number | null | undefined): { session: number; cycle: number } | { error: string } {
  const text = String(value ?? '')
    .trim()
    .replace(/^-\s*/, '');
  if (text === '') return { error: 'missing session number' };
  const match = /^(\d+)(?:\.0+)?(?:st|nd|rd|th)?(?:\s*session)?$/i.exec(text);
  if (!match) return { error: `session "${text}" is not a number` };
  const session = Number(match[1]);
  const cycle = uprCycleOfSession(session);
  if (cycle === null) return { error: `session ${session} is outside the known UPR cycles` };
  return { session, cycle };
}

/** UPR Info action category: "1" to "5" (or "5.0"); empty is null. */
export function parseActionCategory(value: string | null): number | null | { error: string } {
  if (value === null) return null;
  const match = /^([1-5])(?:\.0+)?$/.exec(value);
  return match ? Number(match[1]) : { error: `action category must be 1 to 5, found "${value}"` };
}

/**
 * The text a recommendation id hashes: Unicode-normalised, typographic quotes made plain,
 * whitespace collapsed, lower case. Cosmetic differences in a re-export do not change an id.
 */
export function normaliseForId(value: string): string {
  // Most texts are plain ASCII, which NFKC and the quote rules leave as they are: skip them there.
  const unicode = NON_ASCII.test(value)
    ? value
        .normalize('NFKC')
        .replace(/[\u2018\u2019\u02bc]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
    : value;
  // Most texts have only single plain spaces between words: collapsing would copy them for nothing.
  const collapsed = SPACING_TO_COLLAPSE.test(unicode) ? unicode.replace(/\s+/g, ' ') : unicode;
  return collapsed.trim().toLowerCase();
}
// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included
const NON_ASCII = /[^\u0000-\u007f]/;
/** Whitespace other than a single plain space: a tab, a line break, a non-breaking space, or two in a row. */
const SPACING_TO_COLLAPSE = /[^\S ]|\s\s/;

/**
 * Stable ids: `family:session:ISO3:hash` where the hash (10 hex digits of SHA-256) covers the
 * normalised text and recommending names; rows that give the same base id get `-2`, `-3`... in
 * the order given (file order), so the same file always yields the same ids.
 */
export function assignStableIds<T>(
  items: T[],
  key: (item: T) => { family: string; session: number; iso3: string; parts: string[] },
): string[] {
  const seen = new Map<string, number>();
  // The parts after the text are names, which repeat from row to row: each is normalised once.
  const names = new Map<string, string>();
  const normaliseName = (name: string) => {
    let n = names.get(name);
    if (n === undefined) names.set(name, (n = normaliseForId(name)));
    return n;
  };
  return items.map((item) => {
    const { family, session, iso3, parts } = key(item);
    const digest = hash('sha256', parts.map((p, i) => (i === 0 ? normaliseForId(p) : normaliseName(p))).join('\u001f'), 'hex').slice(0, 10);
    const base = `${family}:${session}:${iso3}:${digest}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** Splits a multi-value cell ("a | b", "a; b", "a,b") into trimmed, non-empty values. */
export function splitList(value: string | null, separator: string | RegExp): string[] {
  if (value === null) return [];
  return value
    .split(separator)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The first issue of a failed zod parse as "path: message". */
export function zodReason(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid record';
  return `${issue.path.map(String).join('.') || 'record'}: ${issue.message}`;
}
