import { command } from '../cli/command.js';
import { createDb, sqliteOf } from './database.js';
import { DatasetError, importDataset } from './dataset-export.js';
import { migrateToLatest } from './migrate.js';

const USAGE = `Loads an export (made by data:export) into a new database.

  pnpm -F @tracker/api data:import -- --from exports/2026-12-05 [--to data/new.sqlite]

  --from DIR   the export folder (required)
  --to FILE    the database to load into (default DATABASE_PATH); created and migrated if needed,
               refused if it holds any data. Start the server on it only after the import.
Everything is checked first and loaded in one transaction: all of it, or nothing.`;

const { args, fail, databasePath } = command('data:import', USAGE, { from: { type: 'string' }, to: { type: 'string' } });
const from = args.from ?? fail('--from is required');

const path = databasePath(args.to);
const db = createDb(path);
try {
  await migrateToLatest(db);
  const { rows, manifest } = await importDataset(sqliteOf(db), from);
  const total = Object.values(rows).reduce((n, r) => n + r, 0);
  console.log(
    `Imported ${Object.keys(rows).length} tables (${total} rows, schema ${manifest.schemaVersion}, data version ${manifest.dataVersion ?? 'none'}) into ${path}. Create the first admin with user:create.`,
  );
} catch (err) {
  fail(err instanceof DatasetError ? err.message : `the import failed, nothing was written: ${(err as Error).message}`, 1);
} finally {
  await db.destroy();
}
