/**
 * Imports a saved UN Treaty Collection status page into the tracker's database.
 *
 *   npx --yes pnpm@10 -F @tracker/scripts import:untc -- --instrument uncat --file page.html [--dry-run] [--allow-removals]
 *
 * --database defaults to the server's DATABASE_PATH (data/tracker.sqlite). Idempotent: the same
 * page twice changes nothing. Everything is applied in one transaction, or nothing is. An import
 * that would remove stored events is refused, listing them, unless --allow-removals is given.
 * Exit status: 0 applied (or nothing to change), 1 refused input, 2 a usage or unexpected error.
 */
import { parseArgs } from 'node:util';
import { createDb, EventImportError, listProblems, loadConfig, migrateToLatest, seedIfEmpty } from '@tracker/api';
import { INSTRUMENT_IDS, isInstrumentId } from '@tracker/api/domain';
import { InputFileError } from '../import-upr/input-file.js';
import { formatDiff, importUntcStatusPage, readStatusPageFile, UntcImportError } from './import-untc.js';

const usage = `usage: import:untc --instrument <${INSTRUMENT_IDS.join('|')}> --file <status-page.html> [--database <path>] [--dry-run] [--allow-removals]`;

function fail(message: string, code = 2): never {
  console.error(`[import:untc] ${message}`);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        instrument: { type: 'string' },
        file: { type: 'string' },
        database: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'allow-removals': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${usage}`);
  }
})();
if (!values.instrument || !values.file) fail(usage);
if (!isInstrumentId(values.instrument)) fail(`unknown instrument "${values.instrument}"\n${usage}`);

const config = loadConfig({ ...process.env, ...(values.database ? { DATABASE_PATH: values.database } : {}) });
const db = createDb(config.database);
try {
  await migrateToLatest(db);
  await seedIfEmpty(db, config.seedDir);
  const html = readStatusPageFile(values.file);
  const dryRun = values['dry-run'];
  const { statusAsAt, diff, skipped } = await importUntcStatusPage(db, {
    instrumentId: values.instrument,
    html,
    dryRun,
    allowRemovals: values['allow-removals'],
  });
  for (const line of formatDiff(diff)) console.log(line);
  for (const line of listProblems(skipped.map((s) => `${s.participant}: ${s.reason}`))) console.log(`(skipped ${line})`);
  const summary = `${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged} unchanged, ${diff.keptAsEdited.length} kept as editors recorded them`;
  console.log(`[import:untc] ${values.instrument}, status as at ${statusAsAt}: ${summary}${dryRun ? ' (dry run: nothing written)' : ''}`);
  if (dryRun && diff.removed.length > 0 && !values['allow-removals']) {
    console.log('[import:untc] note: a real import removes events only with --allow-removals; without it, it is refused and lists them');
  }
} catch (err) {
  const refused = [UntcImportError, EventImportError, InputFileError].some((kind) => err instanceof kind);
  fail((err as Error).message, refused ? 1 : 2);
} finally {
  await db.destroy();
}
