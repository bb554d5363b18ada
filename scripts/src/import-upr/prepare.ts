/**
 * The part of `import:upr` that needs no database: read a file, parse it in its format, and
 * prepare it (schemas, duplicate ids) for applyPreparedUprImport.
 */
import { extname } from 'node:path';
import {
  type PreparedUprImport,
  prepareUprImport,
  type SourceRecord,
  uprCycleOfSession,
  type UprDataset,
  UprImportError,
  type UprSessionRecord,
} from '@tracker/api';
import { parseCalendarCsv } from '../upr/calendar.js';
import type { CsvTable, Rejection, UnresolvedName } from '../upr/common.js';
import type { StateNameResolver } from '../upr/names.js';
import { parseThematicListCsv } from '../upr/thematic-list.js';
import { parseThematicListText } from '../upr/thematic-list-text.js';
import { parseUhriExportCsv, parseUhriJson } from '../upr/uhri.js';
import { parseUprInfoCsv } from '../upr/upr-info.js';
import { INPUT_LIMITS, inputText, InputFileError, readInputBytes } from './input-file.js';
import { readWorkbookTable, WorkbookError } from './workbook.js';

export const UPR_IMPORT_FORMATS = ['upr-info', 'ohchr-list', 'ohchr-list-text', 'uhri', 'uhri-json', 'calendar'] as const;
export type UprImportFormat = (typeof UPR_IMPORT_FORMATS)[number];
export const isUprImportFormat = (value: string): value is UprImportFormat => (UPR_IMPORT_FORMATS as readonly string[]).includes(value);

/** The formats that are tables, so that an Excel workbook (.xlsx) can hold them as well as CSV. */
export const WORKBOOK_FORMATS = ['upr-info', 'ohchr-list', 'uhri', 'calendar'] as const satisfies readonly UprImportFormat[];
const isWorkbookFormat = (format: UprImportFormat) => (WORKBOOK_FORMATS as readonly string[]).includes(format);

/** A file's content: text, or for the table formats the first sheet of a workbook. */
export type UprFileContent = string | CsvTable;

export { InputFileError };

/** The size limit of a format's files: a document's text is far smaller than a table export. */
const limitOf = (format: UprImportFormat) => (format === 'ohchr-list-text' ? INPUT_LIMITS.uprText : INPUT_LIMITS.uprTable);

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

/** Parses `content` in `format`; every record cites `sourceId`. */
export function parseUprFile(
  format: UprImportFormat,
  content: UprFileContent,
  options: { sourceId: string; states: StateNameResolver },
): ParsedUprFile {
  const dataset = empty();
  const text = () => {
    // readUprFileContent gives a workbook's table only for the table formats.
    if (typeof content !== 'string') throw new Error(`parseUprFile: the ${format} format is text, not a table`);
    return content;
  };
  switch (format) {
    case 'upr-info': {
      const r = parseUprInfoCsv(content, options);
      dataset.recommendations = r.records;
      dataset.pledges = r.pledges;
      return {
        dataset,
        rows: r.records.length + r.pledges.length + r.rejected.length,
        rejected: r.rejected,
        unresolved: r.unresolved,
        skipped: 0,
        layout: r.layout,
      };
    }
    case 'ohchr-list':
    case 'ohchr-list-text': {
      const r = format === 'ohchr-list' ? parseThematicListCsv(content, options) : parseThematicListText(text(), options);
      dataset.recommendations = r.records;
      return {
        dataset,
        rows: r.records.length + r.rejected.length,
        rejected: r.rejected,
        unresolved: r.unresolved,
        skipped: 0,
        layout: null,
      };
    }
    case 'uhri':
    case 'uhri-json': {
      const r = format === 'uhri' ? parseUhriExportCsv(content, options) : parseUhriJson(text(), options);
      dataset.recommendations = r.records;
      return {
        dataset,
        rows: r.records.length + r.rejected.length + r.skipped,
        rejected: r.rejected,
        unresolved: r.unresolved,
        skipped: r.skipped,
        layout: null,
      };
    }
    case 'calendar': {
      const r = parseCalendarCsv(content, options);
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
      return {
        dataset,
        rows: r.records.length + r.rejected.length,
        rejected: r.rejected,
        unresolved: r.unresolved,
        skipped: 0,
        layout: null,
      };
    }
  }
}

const isZip = (bytes: Buffer) => bytes[0] === 0x50 && bytes[1] === 0x4b; // PK: .xlsx
const isOle = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])); // .xls

/**
 * The file's text, or an InputFileError saying what is wrong: a workbook (read those with
 * readUprFileContent), too large, binary, or bytes that are not UTF-8 (the 2015 UPR Info files
 * were Mac Roman).
 */
export function readImportFile(path: string): string {
  const bytes = readInputBytes(path, INPUT_LIMITS.uprTable);
  if (isZip(bytes) || isOle(bytes) || ['.xls', '.xlsx'].includes(extname(path).toLowerCase())) {
    throw new InputFileError(
      `${path} is an Excel workbook, not text: the ${WORKBOOK_FORMATS.join(', ')} formats read .xlsx workbooks; for the others save the sheet as "CSV UTF-8"`,
    );
  }
  return inputText(bytes, path);
}

/**
 * What `format` reads from the file: an .xlsx workbook's first sheet for the table formats, else
 * the text. An .xls workbook (Excel 97-2003) is refused with what to do.
 */
export async function readUprFileContent(path: string, format: UprImportFormat): Promise<UprFileContent> {
  const bytes = readInputBytes(path, limitOf(format));
  if (isOle(bytes) || (extname(path).toLowerCase() === '.xls' && !isZip(bytes))) {
    throw new InputFileError(
      `${path} is an Excel 97-2003 workbook (.xls), which is not read: open it and save it as an .xlsx workbook, or the sheet as "CSV UTF-8"`,
    );
  }
  if (!isZip(bytes) && extname(path).toLowerCase() !== '.xlsx') return inputText(bytes, path);
  if (!isWorkbookFormat(format)) {
    throw new InputFileError(
      `${path} is an Excel workbook, but the ${format} format is not a table; workbooks are read for ${WORKBOOK_FORMATS.join(', ')}`,
    );
  }
  try {
    return await readWorkbookTable(bytes);
  } catch (error) {
    if (error instanceof WorkbookError) throw new InputFileError(`${path}: ${error.message}`);
    throw error;
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

export async function prepareUprFile(job: UprFileJob, states: StateNameResolver, actor = 'import:upr'): Promise<PreparedUprFile> {
  const out: PreparedUprFile = { job, fileError: null, parsed: null, prepared: null, problems: [] };
  let content: UprFileContent;
  try {
    content = await readUprFileContent(job.path, job.format);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    return { ...out, fileError: error.message };
  }
  const { dataset, ...summary } = parseUprFile(job.format, content, { sourceId: job.source.id, states });
  const counts = {
    recommendations: dataset.recommendations.length,
    pledges: dataset.pledges.length,
    reviews: dataset.reviews.length,
    sessions: dataset.sessions.length,
  };
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
