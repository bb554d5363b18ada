/**
 * `import:upr`: reads one UPR file with the parsers of scripts/src/upr/ and applies it with
 * api/src/services/upr-import.ts. The formats (data/import-formats.md, "UPR recommendations"):
 *
 *   upr-info    UPR Info database export, CSV or .xlsx, either header layout (original XLS or
 *               renamed); recommendations and voluntary pledges
 *   ohchr-list  OHCHR thematic list of recommendations of one or more reviews, as one row per
 *               recommendation (the layout of the bundled Slovenia CSV)
 *   ohchr-list-text  the thematic list document of one review, as text (the layout of the
 *               Slovenia copies, data/raw/upr/slovenia_ohchr-thematic-list_*.md)
 *   uhri        Universal Human Rights Index "Export to Excel": the .xlsx, or saved as CSV
 *   uhri-json   Universal Human Rights Index full JSON export
 *   calendar    the fourth-cycle calendar: reviews (status, review day) and session dates
 *
 * The table formats (upr-info, ohchr-list, uhri, calendar) read an .xlsx workbook's first sheet
 * as well as CSV (workbook.ts). The steps that need the database (States, sources, applying a
 * file) are here; prepare.ts holds the others (file in, records out) and is re-exported here;
 * index.ts is the command line.
 */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import {
  applyUprImport,
  type Database,
  listProblems,
  type PreparedUprImport,
  type SourceRecord,
  UprImportError,
  type UprImportOptions,
  type UprImportResult,
} from '@tracker/api';
import { importedSource, type ImportSource } from '../normalise/source-record.js';
import type { UnresolvedName } from '../upr/common.js';
import { createStateNameResolver, type StateNameResolver, type StateNames } from '../upr/names.js';
import { InputFileError, parseUprFile, type ParsedUprFile, type PreparedUprFile, type UprImportFormat } from './prepare.js';

export * from './prepare.js';

/** The registry's names of every State, from the database, for the name resolver. */
export async function stateNamesOf(db: Kysely<Database>): Promise<StateNames[]> {
  const rows = await db.selectFrom('state').select(['iso3', 'nameEn', 'nameFr', 'nameEs', 'nameAr', 'formalNameEn']).execute();
  return rows.map((s) => ({
    iso3: s.iso3,
    names: { en: s.nameEn, fr: s.nameFr, es: s.nameEs, ar: s.nameAr },
    formalNameEn: s.formalNameEn,
  }));
}

export const stateResolverOf = async (db: Kysely<Database>): Promise<StateNameResolver> => createStateNameResolver(await stateNamesOf(db));

/** A new source described on the command line (see importedSource). */
export const uprImportSource = (source: ImportSource): SourceRecord => importedSource('import:upr', source);

/** A registered source by id. */
export async function registeredSource(db: Kysely<Database>, id: string): Promise<SourceRecord | null> {
  return (await db.selectFrom('source').select(SOURCE_COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null;
}

const SOURCE_COLUMNS = ['id', 'title', 'publisher', 'url', 'asOf', 'rawFile', 'note'] as const;

/**
 * The registered source whose bundled raw file has the same name as `path` (e.g. a copy of
 * data/raw/upr/upr-info-export_2015_sessions-01-05.csv), so that re-importing a bundled file cites
 * the source the bundled data cites and changes nothing.
 */
export async function bundledSourceFor(db: Kysely<Database>, path: string): Promise<SourceRecord | null> {
  const name = basename(path);
  const rows = await db.selectFrom('source').select(SOURCE_COLUMNS).where('rawFile', 'is not', null).execute();
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
export async function importUprFile(
  db: Kysely<Database>,
  input: { format: UprImportFormat; text: string; source: SourceRecord; actor?: string; states?: StateNameResolver },
  options: UprImportOptions = {},
): Promise<UprFileImport> {
  const parsed = parseUprFile(input.format, input.text, { sourceId: input.source.id, states: input.states ?? (await stateResolverOf(db)) });
  if (parsed.rejected.length > 0) return { parsed, result: null };
  const result = await applyUprImport(db, { source: input.source, dataset: parsed.dataset, actor: input.actor ?? 'import:upr' }, options);
  return { parsed, result };
}

/** Rows of a file refused (`listed`: the first of them, then how many more), or a file with no rows at all: nothing is imported. */
export class RefusedRowsError extends Error {
  constructor(
    readonly listed: string[],
    readonly summary: string,
  ) {
    super([...listed, summary].join('\n'));
  }
}

/** What a file with no data rows holds instead, by format. */
const ONLY = (format: UprImportFormat) =>
  format === 'uhri-json' ? 'an empty list' : format === 'ohchr-list-text' ? 'a title' : 'a header';

/**
 * The prepared import of a file, or why the file is refused, thrown: unreadable (InputFileError),
 * refused rows or no rows at all (RefusedRowsError; the first rows are listed, then how many
 * more), or problems with the records (UprImportError). The command line refuses files through
 * this function, and so do the tests.
 */
export function acceptedImport(file: PreparedUprFile): PreparedUprImport {
  if (file.fileError !== null) throw new InputFileError(file.fileError);
  const { path, format } = file.job;
  const { rejected, rows } = file.parsed!;
  if (rejected.length > 0) {
    const n = rejected.length;
    throw new RefusedRowsError(
      listProblems(rejected.map((r) => `line ${r.line}: ${r.reason}`)),
      `${path}: ${n} line${n === 1 ? '' : 's'} refused (listed above): nothing imported. Correct ${n === 1 ? 'it' : 'them'} and import the file again.`,
    );
  }
  // Nothing to import is a wrong file (a header saved without its rows), not a success.
  if (rows === 0) throw new RefusedRowsError([], `${path}: no rows: the file has no data rows, only ${ONLY(format)}; nothing imported`);
  if (file.problems.length > 0) throw new UprImportError(file.problems);
  return file.prepared!;
}

/** Unresolved recommending names, one line per name with its count and first line (the first 20, then how many more). */
export function formatUnresolved(unresolved: UnresolvedName[]): string[] {
  const byName = new Map<string, number[]>();
  for (const u of unresolved) byName.set(u.name, [...(byName.get(u.name) ?? []), u.line]);
  const lines = [...byName]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, at]) => `recommending name with no ISO3, kept as written: "${name}" in ${at.length} row(s), first on line ${at[0]}`);
  return listProblems(lines);
}
