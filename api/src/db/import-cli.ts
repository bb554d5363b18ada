import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDb, sqliteOf } from './database.js';
import { DatasetError, importDataset } from './dataset-export.js';
import { migrateToLatest } from './migrate.js';

const USAGE = `Loads an export (made by data:export) into a new database.

  pnpm -F @tracker/api data:import -- --from exports/2026-12-05 [--to data/new.sqlite]

  --from DIR   the export folder (required)
  --to FILE    the database to load into (default DATABASE_PATH); created and migrated if needed,
               refused if it holds any data. Start the server on it only after the import.
Everything is checked first and loaded in one transaction: all of it, or nothing.`;

function fail(message: string, code = 2): never {
  console.error(`data:import: ${message}${code === 2 ? `\n\n${USAGE}` : ''}`);
  process.exit(code);
}

const args = (() => {
  try {
    return parseArgs({
      // pnpm may pass on the "--" that separates its own options: skip it.
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', default: false } },
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
if (!args.from) fail('--from is required');

const path = (() => {
  if (args.to) return args.to;
  try {
    return loadConfig().databasePath;
  } catch (err) {
    return fail((err as Error).message, 1);
  }
})();
const db = createDb(path);
try {
  await migrateToLatest(db);
  const { rows, manifest } = await importDataset(sqliteOf(db), args.from);
  const total = Object.values(rows).reduce((n, r) => n + r, 0);
  console.log(
    `Imported ${Object.keys(rows).length} tables (${total} rows, schema ${manifest.schemaVersion}, data version ${manifest.dataVersion ?? 'none'}) into ${path}. Create the first admin with user:create.`,
  );
} catch (err) {
  fail(err instanceof DatasetError ? err.message : `the import failed, nothing was written: ${(err as Error).message}`, 1);
} finally {
  await db.destroy();
}
