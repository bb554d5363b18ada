/**
 * `import:upr`: reads one UPR file with the parsers of scripts/src/upr/ and applies it with
 * api/src/services/upr-import.ts. The formats (data/import-formats.md, "UPR recommendations"):
 *
 *   upr-info    UPR Info database export, CSV, either header layout (original XLS or renamed);
 *               recommendations and voluntary pledges
 *   ohchr-list  OHCHR thematic list of recommendations of one or more reviews, as one row per
 *               recommendation (the layout of the bundled Slovenia CSV)
 *   uhri        Universal Human Rights Index "Export to Excel" layout, saved as CSV
 *   uhri-json   Universal Human Rights Index full JSON export
 *   calendar    the fourth-cycle calendar: reviews (status, review day) and session dates
 *
 * Pure parts (text in, records out) and the step that applies them; index.ts is the command line.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Kysely } from 'kysely';
import { sqliteOf, type Database } from '@tracker/api/db/database';
import type { UprDataset } from '@tracker/api/db/upr-store';
import type { SourceRecord } from '@tracker/api/schemas/dataset';
import { uprCycleOfSession, type UprSessionRecord } from '@tracker/api/schemas/upr-dataset';
import { applyUprImport, type UprImportOptions, type UprImportResult } from '@tracker/api/services/upr-import';
import { parseCalendarCsv } from '../upr/calendar.js';
import type { Rejection, UnresolvedName } from '../upr/common.js';
import { createStateNameResolver, type StateNameResolver, type StateNames } from '../upr/names.js';
import { parseThematicListCsv } from '../upr/thematic-list.js';
import { parseUhriExportCsv, parseUhriJson } from '../upr/uhri.js';
import { parseUprInfoCsv } from '../upr/upr-info.js';

export const UPR_IMPORT_FORMATS = ['upr-info', 'ohchr-list', 'uhri', 'uhri-json', 'calendar'] as const;
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
    case 'ohchr-list': {
      const r = parseThematicListCsv(text, options);
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

/** The registry's names of every State, from the database, for the name resolver. */
export function stateNamesOf(db: Kysely<Database>): StateNames[] {
  const rows = sqliteOf(db).prepare('select iso3, nameEn, nameFr, nameEs, nameAr, formalNameEn from state').all() as {
    iso3: string;
    nameEn: string;
    nameFr: string;
    nameEs: string;
    nameAr: string;
    formalNameEn: string | null;
  }[];
  return rows.map((s) => ({ iso3: s.iso3, names: { en: s.nameEn, fr: s.nameFr, es: s.nameEs, ar: s.nameAr }, formalNameEn: s.formalNameEn }));
}

export const stateResolverOf = (db: Kysely<Database>): StateNameResolver => createStateNameResolver(stateNamesOf(db));

/**
 * A new source described on the command line. The id is `import-upr-<title slug>-<hash of title
 * and URL>`, so the same title and URL always give the same id and a re-import is recognised.
 */
export function uprImportSource(d: { title: string; url: string | null; asOf: string | null; publisher?: string | null }): SourceRecord {
  const slug = d.title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
  const hash = createHash('sha1').update(`${d.title}\n${d.url ?? ''}`).digest('hex').slice(0, 8);
  return {
    id: `import-upr-${slug || 'source'}-${hash}`,
    title: d.title,
    publisher: d.publisher ?? null,
    url: d.url,
    asOf: d.asOf,
    rawFile: null,
    note: 'Imported with import:upr.',
  };
}

/** A registered source by id. */
export function registeredSource(db: Kysely<Database>, id: string): SourceRecord | null {
  return (sqliteOf(db).prepare('select id, title, publisher, url, asOf, rawFile, note from source where id = ?').get(id) as SourceRecord | undefined) ?? null;
}

/**
 * The registered source whose bundled raw file has the same name as `path` (e.g. a copy of
 * data/raw/upr/upr-info-export_2015_sessions-01-05.csv), so that re-importing a bundled file cites
 * the source the bundled data cites and changes nothing.
 */
export function bundledSourceFor(db: Kysely<Database>, path: string): SourceRecord | null {
  const name = basename(path);
  const rows = sqliteOf(db).prepare('select id, title, publisher, url, asOf, rawFile, note from source where rawFile is not null').all() as SourceRecord[];
  return rows.find((s) => basename(s.rawFile!) === name) ?? null;
}

export interface UprFileImport {
  parsed: ParsedUprFile;
  /** null when rows were refused: then nothing is applied. */
  result: UprImportResult | null;
}

/**
 * Parses `text` and, when no row is refused, applies it (one transaction; nothing on a dry run).
 * Any refused row and nothing is applied: the caller reports `parsed.rejected`. Problems the
 * service finds (unknown sessions, a conflicting source, ...) throw UprImportError.
 */
export function importUprFile(
  db: Kysely<Database>,
  input: { format: UprImportFormat; text: string; source: SourceRecord; actor?: string; states?: StateNameResolver },
  options: UprImportOptions = {},
): UprFileImport {
  const parsed = parseUprFile(input.format, input.text, { sourceId: input.source.id, states: input.states ?? stateResolverOf(db) });
  if (parsed.rejected.length > 0) return { parsed, result: null };
  const result = applyUprImport(db, { source: input.source, dataset: parsed.dataset, actor: input.actor ?? 'import:upr' }, options);
  return { parsed, result };
}

/** Unresolved recommending names, one line per name with its count and first line. */
export function formatUnresolved(unresolved: UnresolvedName[]): string[] {
  const byName = new Map<string, number[]>();
  for (const u of unresolved) byName.set(u.name, [...(byName.get(u.name) ?? []), u.line]);
  return [...byName]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, lines]) => `recommending name with no ISO3, kept as written: "${name}" in ${lines.length} row(s), first on line ${lines[0]}`);
}
