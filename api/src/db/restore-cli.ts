import { command } from '../cli/command.js';
import { BackupError, restoreDatabase, summarise } from './backup.js';

const USAGE = `Replaces the tracker's database with a backup. Stop the server first.

  pnpm -F @tracker/api db:restore -- --from backups/tracker-2026-12-05.sqlite [--to data/tracker.sqlite]

  --from FILE   the backup (made by db:backup); refused if it is not an SQLite database, fails
                PRAGMA integrity_check, or was made by a newer version of the tracker
  --to FILE     the database to replace (default DATABASE_PATH, itself data/tracker.sqlite by default)
A backup from an older version is migrated. The old database is replaced in one rename: if the
restore is interrupted, the old database is still there, whole.`;

const { args, fail, databasePath } = command('db:restore', USAGE, { from: { type: 'string' }, to: { type: 'string' } });
const from = args.from ?? fail('--from is required');

const target = databasePath(args.to);
try {
  const { restored, migrated } = await restoreDatabase(from, target);
  console.log(`Restored ${from} to ${summarise(restored)}`);
  if (migrated.length) console.log(`Migrated the restored database: ${migrated.join(', ')}`);
} catch (err) {
  fail(err instanceof BackupError ? err.message : `the restore failed, the database is unchanged: ${(err as Error).message}`, 1);
}
