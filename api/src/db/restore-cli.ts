import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { BackupError, restoreDatabase, summarise } from './backup.js';

const USAGE = `Replaces the tracker's database with a backup. Stop the server first.

  pnpm -F @tracker/api db:restore -- --from backups/tracker-2026-12-05.sqlite [--to data/tracker.sqlite]

  --from FILE   the backup (made by db:backup); refused if it is not an SQLite database, fails
                PRAGMA integrity_check, or was made by a newer version of the tracker
  --to FILE     the database to replace (default DATABASE_PATH, itself data/tracker.sqlite by default)
A backup from an older version is migrated. The old database is replaced in one rename: if the
restore is interrupted, the old database is still there, whole.`;

function fail(message: string, code = 2): never {
  console.error(`db:restore: ${message}${code === 2 ? `\n\n${USAGE}` : ''}`);
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

const target = (() => {
  if (args.to) return args.to;
  try {
    return loadConfig().databasePath;
  } catch (err) {
    return fail((err as Error).message, 1);
  }
})();
try {
  const { restored, migrated } = await restoreDatabase(args.from, target);
  console.log(`Restored ${args.from} to ${summarise(restored)}`);
  if (migrated.length) console.log(`Migrated the restored database: ${migrated.join(', ')}`);
} catch (err) {
  fail(err instanceof BackupError ? err.message : `the restore failed, the database is unchanged: ${(err as Error).message}`, 1);
}
