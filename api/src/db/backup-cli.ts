import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { backupDatabase, BackupError, summarise } from './backup.js';

const USAGE = `Copies the tracker's database to one file, safely while the server runs.

  pnpm -F @tracker/api db:backup -- --to backups/tracker-2026-12-05.sqlite [--force]

  --to FILE   where to write the backup (required; refused if it exists, unless --force)
The database is DATABASE_PATH (default data/tracker.sqlite).`;

function fail(message: string, code = 2): never {
  console.error(`db:backup: ${message}${code === 2 ? `\n\n${USAGE}` : ''}`);
  process.exit(code);
}

const args = (() => {
  try {
    return parseArgs({
      // pnpm may pass on the "--" that separates its own options: skip it.
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: { to: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
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

const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    return fail((err as Error).message, 1);
  }
})();
try {
  const info = await backupDatabase(config.databasePath, args.to, { overwrite: args.force });
  console.log(`Backed up ${config.databasePath} to ${summarise(info)}`);
} catch (err) {
  fail(err instanceof BackupError ? err.message : `the backup failed: ${(err as Error).message}`, 1);
}
