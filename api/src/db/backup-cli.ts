import { command } from '../cli/command.js';
import { backupDatabase, BackupError, summarise } from './backup.js';

const USAGE = `Copies the tracker's database to one file, safely while the server runs.

  pnpm -F @tracker/api db:backup -- --to backups/tracker-2026-12-05.sqlite [--force]

  --to FILE   where to write the backup (required; refused if it exists, unless --force)
The database is DATABASE_PATH (default data/tracker.sqlite).`;

const { args, fail, databasePath } = command('db:backup', USAGE, { to: { type: 'string' }, force: { type: 'boolean', default: false } });
const to = args.to ?? fail('--to is required');

const path = databasePath();
try {
  const info = await backupDatabase(path, to, { overwrite: args.force });
  console.log(`Backed up ${path} to ${summarise(info)}`);
} catch (err) {
  fail(err instanceof BackupError ? err.message : `the backup failed: ${(err as Error).message}`, 1);
}
