/**
 * `import:cat`: one file, read and checked (input-file.ts: size, text, UTF-8), parsed in its
 * format (parse.ts) and applied with api/src/services/cat-import.ts. index.ts is the command line;
 * the tests call this function as the command line does.
 */
import type { Kysely } from 'kysely';
import { applyCatImport, type CatImportDiff, CatImportError, type Database, type SourceRecord } from '@tracker/api';
import { INPUT_LIMITS, readInputText } from '../import-upr/input-file.js';
import { parseOhchrReportingStatus, parseTrackerCsv, type ParsedCatImport } from './parse.js';

export interface CatFileImport {
  path: string;
  format: 'tracker' | 'ohchr';
  /** The State of an OHCHR table without a country column. */
  stateIso3?: string;
  source: SourceRecord;
  dryRun: boolean;
  actor?: string;
}

/**
 * Reads, parses and applies one file (one transaction; nothing on a dry run). Throws, writing
 * nothing, an InputFileError for a file that is not UTF-8 text of a sane size, or a
 * CatImportError listing the rows refused or what is wrong with the whole.
 */
export async function importCatFile(
  db: Kysely<Database>,
  job: CatFileImport,
): Promise<{ skipped: ParsedCatImport['skipped']; diff: CatImportDiff }> {
  const text = readInputText(job.path, INPUT_LIMITS.catCsv);
  let parsed: ParsedCatImport;
  if (job.format === 'ohchr') {
    const names = await db.selectFrom('state').select(['iso3', 'nameEn', 'formalNameEn']).execute();
    const countryNames = new Map(
      names.flatMap((s) => [
        [s.nameEn.toLowerCase(), s.iso3],
        ...(s.formalNameEn ? [[s.formalNameEn.toLowerCase(), s.iso3] as [string, string]] : []),
      ]),
    );
    parsed = parseOhchrReportingStatus(text, job.source, { ...(job.stateIso3 ? { stateIso3: job.stateIso3 } : {}), countryNames });
  } else {
    parsed = parseTrackerCsv(text, job.source);
  }
  if (parsed.problems.length) throw new CatImportError(parsed.problems);
  const diff = await applyCatImport(
    db,
    { source: job.source, reports: parsed.reports, historyCompleteTo: parsed.historyCompleteTo, actor: job.actor ?? 'import:cat' },
    { dryRun: job.dryRun },
  );
  return { skipped: parsed.skipped, diff };
}
