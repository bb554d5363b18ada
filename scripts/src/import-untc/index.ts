/**
 * Imports a saved UN Treaty Collection status page into the tracker's database.
 *
 *   npx pnpm@10 -F @tracker/scripts import:untc -- --instrument uncat --file page.html [--dry-run]
 *
 * --database defaults to the server's DATABASE_PATH (data/tracker.sqlite). Idempotent: the same
 * page twice changes nothing. Everything is applied in one transaction, or nothing is.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '@tracker/api/config';
import { createDb } from '@tracker/api/db/database';
import { migrateToLatest } from '@tracker/api/db/migrate';
import { seedIfEmpty } from '@tracker/api/db/seed';
import { INSTRUMENT_IDS, type InstrumentId } from '@tracker/api/domain';
import { formatDiff, importUntcStatusPage } from './import-untc.js';

const usage = `usage: import:untc --instrument <${INSTRUMENT_IDS.join('|')}> --file <status-page.html> [--database <path>] [--dry-run]`;

function fail(message: string): never {
  console.error(`[import:untc] ${message}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        instrument: { type: 'string' },
        file: { type: 'string' },
        database: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${usage}`);
  }
})();
if (!values.instrument || !values.file) fail(usage);
if (!(INSTRUMENT_IDS as readonly string[]).includes(values.instrument)) fail(`unknown instrument "${values.instrument}"\n${usage}`);

const config = loadConfig({ ...process.env, ...(values.database ? { DATABASE_PATH: values.database } : {}) });
const db = createDb(config.databasePath);
try {
  await migrateToLatest(db);
  await seedIfEmpty(db, config.seedDir);
  const html = readFileSync(values.file, 'utf8');
  const dryRun = values['dry-run'];
  const { statusAsAt, diff, skipped } = await importUntcStatusPage(db, { instrumentId: values.instrument as InstrumentId, html, dryRun });
  for (const line of formatDiff(diff)) console.log(line);
  for (const s of skipped) console.log(`(skipped ${s.participant}: ${s.reason})`);
  const summary = `${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed, ${diff.unchanged} unchanged`;
  console.log(`[import:untc] ${values.instrument}, status as at ${statusAsAt}: ${summary}${dryRun ? ' (dry run: nothing written)' : ''}`);
} catch (err) {
  fail((err as Error).message);
} finally {
  await db.destroy();
}
