import { existsSync } from 'node:fs';
import { command } from '../cli/command.js';
import { copyDatabase, CopyError } from './copy.js';
import { createDb } from './database.js';
import { isPostgresUrl, withoutPassword } from './dialect.js';
import { migrateToLatest } from './migrate.js';

const USAGE = `Copies the tracker's whole database to another one, SQLite or PostgreSQL, either way:
the data, sources, audit log, accounts, assessments and follow-up plans.

  pnpm -F @tracker/api db:copy -- --from data/tracker.sqlite --to postgres://tracker@db:5432/tracker
  pnpm -F @tracker/api db:copy -- --from postgres://tracker@db:5432/tracker --to data/copy.sqlite

  --from DATABASE   an SQLite file or a postgres:// address (required)
  --to DATABASE     an SQLite file or a postgres:// address (required); migrated here if new,
                    refused if it already holds data. The copy lands whole or not at all.
Stop the servers writing to --from first, so that nothing written during the copy is left behind.`;

const { args, fail } = command('db:copy', USAGE, { from: { type: 'string' }, to: { type: 'string' } });
const fromLocation = args.from ?? fail('--from is required');
const toLocation = args.to ?? fail('--to is required');
if (fromLocation === toLocation) fail('--from and --to are the same database');
if (!isPostgresUrl(fromLocation) && !existsSync(fromLocation)) fail(`${fromLocation} does not exist`, 1);

const from = createDb(fromLocation);
const to = createDb(toLocation);
try {
  await migrateToLatest(from);
  await migrateToLatest(to);
  const started = Date.now();
  const { rows } = await copyDatabase(from, to);
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  console.log(
    `Copied ${total} rows from ${withoutPassword(fromLocation)} to ${withoutPassword(toLocation)} in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
  );
  for (const [table, n] of Object.entries(rows)) if (n) console.log(`  ${table.padEnd(22)}${n}`);
} catch (err) {
  fail(err instanceof CopyError ? err.message : `the copy failed: ${(err as Error).message}`, 1);
} finally {
  await from.destroy();
  await to.destroy();
}
