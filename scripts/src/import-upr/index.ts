/**
 * Imports a UPR file into the tracker's database (formats in data/import-formats.md).
 *
 *   pnpm -F @tracker/scripts import:upr -- --format upr-info|ohchr-list|ohchr-list-text|uhri|uhri-json|calendar --file F \
 *     --source-title "…" --as-of YYYY-MM-DD [--source-url URL] [--dry-run] [--database path]
 *
 * The source the file cites: --source-title (with --as-of, optionally --source-url) describes a new
 * one; --source-id names one already registered; with neither, a file named like a bundled raw
 * file (data/raw/upr/…) cites that file's bundled source, so re-importing it changes nothing.
 *
 * Any refused row and nothing is applied (exit 1): each is printed as "line N: reason". Otherwise
 * the whole file is applied in one transaction (or, with --dry-run, only the diff is printed).
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyPreparedUprImport,
  createDb,
  formatUprDiff,
  loadConfig,
  migrateToLatest,
  seedIfEmpty,
  type SourceRecord,
  UprImportError,
  type UprImportResult,
} from '@tracker/api';
import {
  acceptedImport,
  bundledSourceFor,
  formatUnresolved,
  InputFileError,
  isUprImportFormat,
  prepareUprFile,
  RefusedRowsError,
  registeredSource,
  stateResolverOf,
  UPR_IMPORT_FORMATS,
  uprImportSource,
} from './import-upr.js';
import { createProgressBar } from './progress.js';

const usage =
  `usage: import:upr --format <${UPR_IMPORT_FORMATS.join('|')}> --file <file> ` +
  '[--source-title <title> --as-of <YYYY-MM-DD> [--source-url <url>] | --source-id <id>] [--database <path>] [--dry-run]';

/** Wrong input (refused rows, an unknown source): exit 1, like a refused import. */
class InputError extends Error {}

const log = (message: string) => console.log(`[import:upr] ${message}`);
function fail(message: string, code = 2): never {
  console.error(`[import:upr] ${message}`);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      // pnpm 10 passes the "--" of `pnpm … import:upr -- --format …` on to the script.
      args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
      options: {
        format: { type: 'string' },
        file: { type: 'string' },
        'source-title': { type: 'string' },
        'source-url': { type: 'string' },
        'source-id': { type: 'string' },
        'as-of': { type: 'string' },
        database: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${usage}`);
  }
})();
if (!values.format || !values.file) fail(usage);
const format = values.format;
if (!isUprImportFormat(format)) fail(`--format must be one of ${UPR_IMPORT_FORMATS.join(', ')}, not "${format}"\n${usage}`);
if (values['source-id'] && (values['source-title'] || values['source-url'] || values['as-of']))
  fail('--source-id names a registered source: leave out --source-title, --source-url and --as-of');
if (values['source-title'] && !values['as-of']) fail('--source-title needs --as-of <YYYY-MM-DD>, the date the file is as of');
if (!values['source-title'] && (values['source-url'] || values['as-of']))
  fail('--source-url and --as-of describe a new source: give --source-title too');
if (values['as-of'] && !/^\d{4}-\d{2}-\d{2}$/.test(values['as-of'])) fail(`--as-of must be a date YYYY-MM-DD, not "${values['as-of']}"`);
// Paths are relative to where the command was typed: pnpm runs the script in scripts/ and says where it was invoked in INIT_CWD.
const here = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
const file = here(values.file);
const dryRun = values['dry-run'];

const config = loadConfig({ ...process.env, ...(values.database ? { DATABASE_PATH: here(values.database) } : {}) });
const db = createDb(config.database);
let exitCode = 0;
try {
  await migrateToLatest(db);
  await seedIfEmpty(db, config.seedDir);

  // --- the source the file cites ---------------------------------------------------------------
  const bundled = await bundledSourceFor(db, file);
  let source: SourceRecord;
  if (values['source-id']) {
    const found = await registeredSource(db, values['source-id']);
    if (!found)
      throw new InputError(`no source "${values['source-id']}" is registered; describe a new one with --source-title and --as-of`);
    source = found;
    log(`source: ${source.id} (registered)`);
  } else if (values['source-title']) {
    source = uprImportSource({ title: values['source-title'], url: values['source-url'] ?? null, asOf: values['as-of']! });
    log(`source: ${source.id}${(await registeredSource(db, source.id)) ? ' (registered by an earlier import)' : ' (new)'}`);
    if (bundled)
      log(
        `note: ${basename(file)} is the name of the bundled raw file of source ${bundled.id}; leave out --source-title to re-import it as that source`,
      );
  } else if (bundled) {
    source = bundled;
    log(`source: ${source.id} (the bundled source of ${bundled.rawFile}, matched by the file name)`);
  } else {
    throw new InputError(
      `${basename(file)} is not a bundled raw file: describe its source with --source-title and --as-of (and --source-url), or name a registered one with --source-id`,
    );
  }

  // --- parse, report, apply --------------------------------------------------------------------
  const preparedFile = await prepareUprFile({ path: file, format, source }, await stateResolverOf(db));
  if (preparedFile.fileError !== null) throw new InputFileError(preparedFile.fileError);
  const parsed = preparedFile.parsed!;
  const counts = [
    parsed.counts.recommendations && `${parsed.counts.recommendations} recommendations`,
    parsed.counts.pledges && `${parsed.counts.pledges} voluntary pledges`,
    parsed.counts.reviews && `${parsed.counts.reviews} reviews`,
    parsed.counts.sessions && `${parsed.counts.sessions} sessions`,
    parsed.skipped && `${parsed.skipped} rows of other mechanisms skipped`,
  ].filter(Boolean);
  log(
    `${values.file} (${format}${parsed.layout ? `, ${parsed.layout} header` : ''}): ${parsed.rows} row${parsed.rows === 1 ? '' : 's'} read${counts.length ? `: ${counts.join(', ')}` : ''}`,
  );
  for (const line of formatUnresolved(parsed.unresolved)) console.log(line);

  const prepared = acceptedImport(preparedFile);
  const bar = createProgressBar(dryRun ? 'comparing' : 'importing');
  const result: UprImportResult = await applyPreparedUprImport(db, prepared, {
    dryRun,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.finish();
  for (const line of formatUprDiff(result.diff)) console.log(line);
  for (const w of result.warnings) console.log(`warning: ${w}`);
  const { sessions, reviews, recommendations, pledges } = result.diff;
  const kinds = [sessions, reviews, recommendations, pledges];
  const added = kinds.reduce((n, d) => n + d.added, 0);
  const changed = kinds.reduce((n, d) => n + d.changed.length, 0);
  const unchanged = kinds.reduce((n, d) => n + d.unchanged, 0);
  log(
    `${values.file}: ${added} added, ${changed} changed, ${unchanged} unchanged${result.sourceAdded ? `, source ${source.id} registered` : ''}` +
      (dryRun ? ' (dry run: nothing written)' : added + changed === 0 ? ' (nothing to write)' : ''),
  );
} catch (err) {
  // Refused rows are listed as "line N: reason" lines, then the summary.
  if (err instanceof RefusedRowsError) for (const line of err.listed) console.error(line);
  console.error(`[import:upr] ${err instanceof RefusedRowsError ? err.summary : (err as Error).message}`);
  exitCode = [UprImportError, InputError, InputFileError, RefusedRowsError].some((refused) => err instanceof refused) ? 1 : 2;
} finally {
  await db.destroy();
}
process.exit(exitCode);
