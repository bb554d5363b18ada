import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDb, sqliteOf } from './database.js';
import { DatasetError, exportDataset } from './dataset-export.js';
import { existsSync } from 'node:fs';

const USAGE = `Writes the tracker's dataset to a folder: one file per table and a manifest.

  pnpm -F @tracker/api data:export -- --to exports/2026-12-05 [--format json|csv]

  --to DIR        a new or empty folder (required)
  --format json   one NDJSON file per table (default); csv: one CSV file per table
Accounts, sessions and API tokens are never exported (README, "Backup, restore and export").
The database is DATABASE_PATH (default data/tracker.sqlite); it may be in use by the server.`;

function fail(message: string, code = 2): never {
  console.error(`data:export: ${message}${code === 2 ? `\n\n${USAGE}` : ''}`);
  process.exit(code);
}

const args = (() => {
  try {
    return parseArgs({
      // pnpm may pass on the "--" that separates its own options: skip it.
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: { to: { type: 'string' }, format: { type: 'string', default: 'json' }, help: { type: 'boolean', default: false } },
      strict: true,
    }).values;
  } catch (err) {
    return fail((err as Error).message);
  }
})();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.to) fail('--to is required');
const format = args.format;
if (format !== 'json' && format !== 'csv') fail(`--format must be json or csv, not ${format}`);

const path = (() => {
  try {
    return loadConfig().databasePath;
  } catch (err) {
    return fail((err as Error).message, 1);
  }
})();
// createDb would make an empty database where there is none; an export of nothing helps nobody.
if (!existsSync(path)) fail(`there is no database at ${path}`, 1);
const db = createDb(path);
try {
  const { dir, manifest } = exportDataset(sqliteOf(db), args.to, format);
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  console.log(
    `Exported ${Object.keys(manifest.tables).length} tables (${rows} rows, schema ${manifest.schemaVersion}, data version ${manifest.dataVersion ?? 'none'}) to ${dir}`,
  );
} catch (err) {
  fail(err instanceof DatasetError ? err.message : `the export failed: ${(err as Error).message}`, 1);
} finally {
  await db.destroy();
}
