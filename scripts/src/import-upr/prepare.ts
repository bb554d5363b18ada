/**
 * The part of `import:upr` that needs no database: read a file, parse it in its format, and
 * prepare it (schemas, duplicate ids) for applyPreparedUprImport.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { UprDataset } from '@tracker/api/db/upr-store';
import type { SourceRecord } from '@tracker/api/schemas/dataset';
import { uprCycleOfSession, type UprSessionRecord } from '@tracker/api/schemas/upr-dataset';
import { prepareUprImport, UprImportError, type PreparedUprImport } from '@tracker/api/services/upr-prepare';
import { parseCalendarCsv } from '../upr/calendar.js';
import type { Rejection, UnresolvedName } from '../upr/common.js';
import type { StateNameResolver } from '../upr/names.js';
import { parseThematicListCsv } from '../upr/thematic-list.js';
import { parseThematicListText } from '../upr/thematic-list-text.js';
import { parseUhriExportCsv, parseUhriJson } from '../upr/uhri.js';
import { parseUprInfoCsv } from '../upr/upr-info.js';

export const UPR_IMPORT_FORMATS = ['upr-info', 'ohchr-list', 'ohchr-list-text', 'uhri', 'uhri-json', 'calendar'] as const;
export type UprImportFormat = (typeof UPR_IMPORT_FORMATS)[number];
export const isUprImportFormat = (value: string): value is UprImportFormat => (UPR_IMPORT_FORMATS as readonly string[]).includes(value);

/** A file that cannot be read at all (not text, not UTF-8, a workbook): nothing is imported. */
export class UprFileError extends Error {}

export interface ParsedUprFile {
  dataset: UprDataset;
  /** Data rows read: records, pledges, refused rows and rows of other mechanisms. */
  rows: number;
  /** Refused rows, by line: any of them and nothing is imported. */
  rejected: Rejection[];
  /** Recommending names kept without an ISO3 (not a State of the registry, e.g. "Holy See" spelled otherwise). */
  unresolved: UnresolvedName[];
  /** UHRI rows of other mechanisms (treaty bodies, special procedures), left out on purpose. */
  skipped: number;
  /** Which UPR Info header layout the file has, when it is one. */
  layout: string | null;
}

const empty = (): UprDataset => ({ sessions: [], reviews: [], recommendations: [], pledges: [] });

/** Parses `text` in `format`; every record cites `sourceId`. */
export function parseUprFile(format: UprImportFormat, text: string, options: { sourceId: string; states: StateNameResolver }): ParsedUprFile {
  const dataset = empty();
  switch (format) {
    case 'upr-info': {
      const r = parseUprInfoCsv(text, options);
      dataset.recommendations = r.records;
      dataset.pledges = r.pledges;
      return { dataset, rows: r.records.length + r.pledges.length + r.rejected.length, rejected: r.rejected, unresolved: r.unresolved, skipped: 0, layout: r.layout };
    }
    case 'ohchr-list':
    case 'ohchr-list-text': {
      const r = format === 'ohchr-list' ? parseThematicListCsv(text, options) : parseThematicListText(text, options);
      dataset.recommendations = r.records;
      return { dataset, rows: r.records.length + r.rejected.length, rejected: r.rejected, unresolved: r.unresolved, skipped: 0, layout: null };
    }
    case 'uhri':
    case 'uhri-json': {
      const r = format === 'uhri' ? parseUhriExportCsv(text, options) : parseUhriJson(text, options);
      dataset.recommendations = r.records;
      return { dataset, rows: r.records.length + r.rejected.length + r.skipped, rejected: r.rejected, unresolved: r.unresolved, skipped: r.skipped, layout: null };
    }
    case 'calendar': {
      const r = parseCalendarCsv(text, options);
      dataset.reviews = r.records;
      // A session is cited for its dates only; the year follows from the start date.
      dataset.sessions = r.sessions
        .filter((s) => s.startDate !== null || s.endDate !== null)
        .map((s): UprSessionRecord => ({
          session: s.session,
          cycle: uprCycleOfSession(s.session)!,
          year: s.startDate ? Number(s.startDate.slice(0, 4)) : null,
          startDate: s.startDate,
          endDate: s.endDate,
          sourceIds: [options.sourceId],
        }));
      return { dataset, rows: r.records.length + r.rejected.length, rejected: r.rejected, unresolved: r.unresolved, skipped: 0, layout: null };
    }
  }
}

/**
 * The file's text, or a UprFileError saying what is wrong: a workbook (.xls/.xlsx: save the sheet
 * as CSV), or bytes that are not UTF-8 (the 2015 UPR Info files were Mac Roman).
 */
export function readImportFile(path: string): string {
  const bytes = readFileSync(path);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b; // PK: .xlsx
  const ole = bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])); // .xls
  if (zip || ole || ['.xls', '.xlsx'].includes(extname(path).toLowerCase())) {
    throw new UprFileError(`${path} is an Excel workbook; open it and save the sheet as "CSV UTF-8", then import the CSV`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = bytes.toString('utf8');
    const at = lossy.indexOf('\uFFFD');
    const line = lossy.slice(0, Math.max(0, at)).split('\n').length;
    throw new UprFileError(`${path} is not UTF-8 text (first bad byte on line ${line}); save it with the UTF-8 encoding and import it again`);
  }
}

/** One file of an import: where it is, its format and the source its records cite. */
export interface UprFileJob {
  path: string;
  format: UprImportFormat;
  source: SourceRecord;
}

/** What a file's parse found, without its records (those travel in `prepared`). */
export type UprParseSummary = Omit<ParsedUprFile, 'dataset'> & {
  counts: { recommendations: number; pledges: number; reviews: number; sessions: number };
};

/**
 * A file read, parsed and prepared (validated) without the database. Exactly one outcome:
 * `fileError` (unreadable), `parsed.rejected` rows (refused: `prepared` null), `problems` (the
 * source itself is invalid), or `prepared` (which may still carry schema problems: applying it
 * refuses the file and lists them with the database's own).
 */
export interface PreparedUprFile {
  job: UprFileJob;
  fileError: string | null;
  parsed: UprParseSummary | null;
  prepared: PreparedUprImport | null;
  problems: string[];
}

export function prepareUprFile(job: UprFileJob, states: StateNameResolver, actor = 'import:upr'): PreparedUprFile {
  const out: PreparedUprFile = { job, fileError: null, parsed: null, prepared: null, problems: [] };
  let text: string;
  try {
    text = readImportFile(job.path);
  } catch (error) {
    if (!(error instanceof UprFileError)) throw error;
    return { ...out, fileError: error.message };
  }
  const { dataset, ...summary } = parseUprFile(job.format, text, { sourceId: job.source.id, states });
  const counts = { recommendations: dataset.recommendations.length, pledges: dataset.pledges.length, reviews: dataset.reviews.length, sessions: dataset.sessions.length };
  out.parsed = { ...summary, counts };
  if (summary.rejected.length > 0) return out;
  try {
    out.prepared = prepareUprImport({ source: job.source, dataset, actor });
  } catch (error) {
    if (!(error instanceof UprImportError)) throw error;
    out.problems = error.problems;
  }
  return out;
}
