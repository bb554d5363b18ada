import { command } from '../cli/command.js';
import { createDb, sqliteOf } from './database.js';
import { DatasetError, exportDataset } from './dataset-export.js';
import { existsSync } from 'node:fs';

const USAGE = `Writes the tracker's dataset to a folder: one file per table and a manifest.

  pnpm -F @tracker/api data:export -- --to exports/2026-12-05 [--format json|csv]

  --to DIR        a new or empty folder (required)
  --format json   one NDJSON file per table (default); csv: one CSV file per table
Accounts, sessions and API tokens are never exported (README, "Backup, restore and export").
The database is DATABASE_PATH (default data/tracker.sqlite); it may be in use by the server.`;

const { args, fail, databasePath } = command('data:export', USAGE, { to: { type: 'string' }, format: { type: 'string', default: 'json' } });
const to = args.to ?? fail('--to is required');
const format = args.format === 'json' || args.format === 'csv' ? args.format : fail(`--format must be json or csv, not ${args.format}`);

const path = databasePath();
// createDb would make an empty database where there is none; an export of nothing helps nobody.
if (!existsSync(path)) fail(`there is no database at ${path}`, 1);
const db = createDb(path);
try {
  const { dir, manifest } = exportDataset(sqliteOf(db), to, format);
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  console.log(
    `Exported ${Object.keys(manifest.tables).length} tables (${rows} rows, schema ${manifest.schemaVersion}, data version ${manifest.dataVersion ?? 'none'}) to ${dir}`,
  );
} catch (err) {
  fail(err instanceof DatasetError ? err.message : `the export failed: ${(err as Error).message}`, 1);
} finally {
  await db.destroy();
}
