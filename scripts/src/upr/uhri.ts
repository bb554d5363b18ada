/**
 * The Universal Human Rights Index (uhri.ohchr.org) exports: the "Export to Excel" layout (read
 * from CSV here, from .xlsx in xlsx.ts) and the full JSON export (export-full-en.json). Both hold
 * recommendations of every mechanism; only UPR rows become records, the others are counted in
 * `skipped`, not refused.
 *
 * Quirks handled (data/README.md, raw/upr/): single values carry a leading "- " ("- UPR");
 * multi-value cells hold one value per line, each with "- "; the two date columns are Excel serial
 * numbers; "UPR Session" has a " Session" suffix; a split recommendation has both positions (one
 * per line, or "Supported/Noted"). The JSON export uses other key names and arrays for lists.
 * The paragraph number that starts a UPR text ("140.7 Ratify ...") goes to `paragraph`.
 */
import type { UprRecommendationRecord } from '@tracker/api';
import {
  cell,
  parseSession,
  readTable,
  type CsvLine,
  type ParseResult,
  type Rejection,
  type TableInput,
  type UnresolvedName,
} from './common.js';
import type { StateNameResolver } from './names.js';
import { byLine, finishRecommendations, ID_FAMILIES, type RecommendationDraft } from './records.js';
import { normaliseResponse } from './responses.js';
import { uprReviewId } from '@tracker/api';

/** The 16 headers of the Excel export, in order; "Reccomending" is OHCHR's own spelling. */
export const UHRI_EXPORT_HEADERS = [
  'Text',
  'Countries Concerned',
  'Reccomending Body',
  'Document Symbol',
  'Themes',
  'Affected Persons',
  'Sdgs',
  'Document Publication Date',
  'UPR Reccomending States',
  'UPR Position',
  'Type',
  'OHCHR Annotation Id',
  'UPR Session',
  'Regions Concerned',
  'Recommending Regions',
  'Date of publication on UHRI',
] as const;

type Header = (typeof UHRI_EXPORT_HEADERS)[number];

export interface UhriOptions {
  sourceId: string;
  states: StateNameResolver;
}

export interface UhriParseResult extends ParseResult<UprRecommendationRecord> {
  /** Rows of other mechanisms (treaty bodies, special procedures), left out on purpose. */
  skipped: number;
}

/** One export row in a form both layouts share. */
interface UhriRow {
  line: number;
  body: string | null;
  text: string | null;
  countries: string[];
  symbol: string | null;
  themes: string[];
  affectedPersons: string[];
  sdgs: string[];
  /** ISO date, or an error message for a value that is not a date. */
  documentDate: string | null | { error: string };
  recommendingStates: string[];
  positions: string[];
  session: string | null;
  cycle: string | null;
  annotationId: string | null;
}

/** A cell's value as text: the JSON export holds strings and numbers. */
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value ?? '');

/** "- UPR" -> "UPR"; empty -> null. */
export function uhriSingle(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return cell(
    text(value)
      .replace(/^\s*-\s+/, '')
      .replace(/^\s*-$/, ''),
  );
}

/** A multi-value cell, one value per line each with "- " (or an array in the JSON), as a list. */
export function uhriList(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : text(value).split(/\r?\n/);
  return items.map(uhriSingle).filter((v): v is string => v !== null);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // day 0 of Excel's 1900 system, past its 1900 leap-year bug

/**
 * An Excel serial date ("46078", "46125.4996282407") or an ISO date/time as an ISO date; null
 * for an empty cell.
 */
export function excelSerialToIsoDate(value: string | number | null | undefined): string | null | { error: string } {
  const text = String(value ?? '').trim();
  if (text === '') return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (iso) return iso[1]!;
  if (!/^\d+(\.\d+)?$/.test(text)) return { error: `date "${text}" is neither an Excel serial number nor an ISO date` };
  const days = Math.floor(Number(text));
  if (days < 1) return { error: `date "${text}" is not a real Excel date` };
  return new Date(EXCEL_EPOCH_MS + days * 86_400_000).toISOString().slice(0, 10);
}

const canonical = (name: string) => name.trim().toLowerCase().replace('recommending', 'reccomending');

/** Why a header row is not the export's, or null. Headers are found by name, ignoring case, and the correct spelling "Recommending" is accepted too. */
function uhriHeaderProblem(cells: string[]): string | null {
  const names = new Set(cells.map(canonical));
  const missing = UHRI_EXPORT_HEADERS.filter((h) => !names.has(canonical(h)));
  return missing.length > 0 ? `not a UHRI export header; missing: ${missing.join(', ')}` : null;
}

/** Parses the Excel export layout: the downloaded workbook, or Excel's "Save as CSV" of it. */
export function parseUhriExportCsv(input: TableInput, options: UhriOptions): UhriParseResult {
  const csv = readTable(input, uhriHeaderProblem);
  if ('reason' in csv) return { records: [], rejected: [csv], unresolved: [], skipped: 0 };
  // A CSV row with another number of cells than the header is cut short (a file cut inside its
  // last row) or shifted; a workbook's rows are as wide as its sheet, empty cells included.
  const width = csv.header.cells.length;
  const misfits = typeof input === 'string' ? csv.rows.filter((r) => r.cells.length !== width) : [];
  const result = parseUhriExportTable(
    csv.header,
    csv.rows.filter((r) => !misfits.includes(r)),
    options,
  );
  const refused = misfits.map((r) => ({ line: r.line, reason: `expected ${width} columns, found ${r.cells.length}` }));
  return { ...result, rejected: byLine([...refused, ...result.rejected]) };
}

/** Parses the Excel export layout from a header and rows (CSV or xlsx cells). */
export function parseUhriExportTable(header: CsvLine, rows: CsvLine[], options: UhriOptions): UhriParseResult {
  const problem = uhriHeaderProblem(header.cells);
  if (problem !== null) return { records: [], rejected: [{ line: header.line, reason: problem }], unresolved: [], skipped: 0 };
  const index = new Map(header.cells.map((name, i) => [canonical(name), i]));
  const get = (cells: string[], name: Header) => cells[index.get(canonical(name))!] ?? '';
  return toRecords(
    rows.map(({ line, cells }) => ({
      line,
      body: uhriSingle(get(cells, 'Reccomending Body')),
      text: cell(get(cells, 'Text')),
      countries: uhriList(get(cells, 'Countries Concerned')),
      symbol: uhriSingle(get(cells, 'Document Symbol')),
      themes: uhriList(get(cells, 'Themes')),
      affectedPersons: uhriList(get(cells, 'Affected Persons')),
      sdgs: uhriList(get(cells, 'Sdgs')),
      documentDate: excelSerialToIsoDate(uhriSingle(get(cells, 'Document Publication Date'))),
      recommendingStates: uhriList(get(cells, 'UPR Reccomending States')),
      positions: uhriList(get(cells, 'UPR Position')),
      session: uhriSingle(get(cells, 'UPR Session')),
      cycle: null,
      annotationId: uhriSingle(get(cells, 'OHCHR Annotation Id')),
    })),
    options,
  );
}

/**
 * Parses the full JSON export: an array of records keyed AffectedPersons, AnnotationId, Body,
 * Countries, PublicationDate, Sdgs, Symbol, Text, Themes, UprCycle, UprPositions,
 * UprRecommendingCountry, UprSession (and others not used). `line` is the line where a record's
 * object starts in the file (every record is on line 1 of a minified file).
 */
export function parseUhriJson(text: string, options: UhriOptions): UhriParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      records: [],
      rejected: [{ line: 1, reason: `not readable as JSON: ${(error as Error).message}` }],
      unresolved: [],
      skipped: 0,
    };
  }
  if (!Array.isArray(data))
    return { records: [], rejected: [{ line: 1, reason: 'expected a JSON array of records' }], unresolved: [], skipped: 0 };
  const lines = topLevelValueLines(text);
  const rows: UhriRow[] = [];
  const rejected: Rejection[] = [];
  data.forEach((item: unknown, i) => {
    const line = lines[i] ?? 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      rejected.push({ line, reason: `record ${i + 1} is not an object` });
      return;
    }
    const r = item as Record<string, unknown>;
    const sessions = [...new Set(uhriList(r.UprSession))];
    if (sessions.length > 1) {
      rejected.push({ line, reason: `record ${i + 1} names several UPR sessions: ${sessions.join(', ')}` });
      return;
    }
    rows.push({
      line,
      body: uhriSingle(r.Body),
      text: typeof r.Text === 'string' ? cell(r.Text) : null,
      countries: uhriList(r.Countries),
      symbol: uhriSingle(r.Symbol),
      themes: uhriList(r.Themes),
      affectedPersons: uhriList(r.AffectedPersons),
      sdgs: uhriList(r.Sdgs),
      documentDate: excelSerialToIsoDate(uhriSingle(r.PublicationDate)),
      recommendingStates: uhriList(r.UprRecommendingCountry),
      positions: uhriList(r.UprPositions),
      session: sessions[0] ?? null,
      cycle: uhriSingle(r.UprCycle),
      annotationId: uhriSingle(r.AnnotationId),
    });
  });
  const result = toRecords(rows, options);
  return { ...result, rejected: byLine([...rejected, ...result.rejected]) };
}

function toRecords(rows: UhriRow[], options: UhriOptions): UhriParseResult {
  const rejected: Rejection[] = [];
  const unresolved: UnresolvedName[] = [];
  const drafts: RecommendationDraft[] = [];
  let skipped = 0;

  for (const row of rows) {
    const reject = (reason: string) => rejected.push({ line: row.line, reason });
    const isUpr = row.body ? row.body.toUpperCase() === 'UPR' : row.session !== null;
    if (!isUpr) {
      skipped++;
      continue;
    }
    if (row.countries.length !== 1) {
      reject(
        row.countries.length === 0
          ? 'missing State under review'
          : `a UPR recommendation concerns one State; found ${row.countries.join(', ')}`,
      );
      continue;
    }
    const surName = row.countries[0]!;
    const surIso3 = options.states.resolve(surName);
    if (!surIso3) {
      reject(`unknown State under review "${surName}"`);
      continue;
    }
    const session = parseSession(row.session);
    if ('error' in session) {
      reject(session.error);
      continue;
    }
    if (row.cycle !== null) {
      const cycle = /^(\d+)/.exec(row.cycle.replace(/^cycle\s*/i, ''))?.[1];
      if (Number(cycle) !== session.cycle) {
        reject(`UPR cycle "${row.cycle}" does not match session ${session.session} (cycle ${session.cycle})`);
        continue;
      }
    }
    const leading = row.text ? /^(\d+\.\d+)\.?\s+(\S[\s\S]*)$/.exec(row.text) : null;
    const body = leading ? leading[2]!.trim() : row.text;
    if (!body) {
      reject('missing recommendation text');
      continue;
    }
    if (row.recommendingStates.length === 0) {
      reject('missing recommending State');
      continue;
    }
    const response = normaliseResponse(row.positions);
    if ('error' in response) {
      reject(response.error);
      continue;
    }
    if (row.documentDate !== null && typeof row.documentDate === 'object') {
      reject(row.documentDate.error);
      continue;
    }
    const recommendingStates = row.recommendingStates.map((name) => {
      const iso3 = options.states.resolve(name);
      if (!iso3) unresolved.push({ line: row.line, name });
      return { iso3, nameAsRecorded: name };
    });
    drafts.push({
      reviewId: uprReviewId(surIso3, session.session),
      session: session.session,
      cycle: session.cycle,
      stateUnderReviewIso3: surIso3,
      paragraph: leading ? leading[1]! : null,
      text: body,
      recommendingStates,
      response: response.response,
      responseAsRecorded: response.asRecorded,
      responseSource: null,
      actionCategory: null,
      themes: row.themes,
      sdgs: row.sdgs,
      affectedPersons: row.affectedPersons,
      documentSymbol: row.symbol,
      documentDate: row.documentDate,
      externalId: row.annotationId,
      sourceId: options.sourceId,
      sourceLine: row.line,
    });
  }
  const records = finishRecommendations(ID_FAMILIES.uhri, drafts);
  return { records, rejected: byLine(rejected), unresolved, skipped };
}

/**
 * The line on which each element of a top-level JSON array starts, found by one pass over the
 * text that skips strings; JSON.parse does not report positions.
 */
export function topLevelValueLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (depth === 1 && expecting && ch !== ']') {
      lines.push(line);
      expecting = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expecting = true;
  }
  return lines;
}
