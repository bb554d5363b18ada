import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

/**
 * Backup and restore of the whole database file (accounts included), as opposed to the dataset
 * export in dataset-export.ts. A backup is one self-contained SQLite file; a restore replaces the
 * database file in one rename, so a crash at any moment leaves either the old or the new database.
 */

/** A refusal with a message meant for the person running the command. */
export class BackupError extends Error {}

/** What a database file holds, as the backup and restore commands report it. */
export interface DatabaseInfo {
  path: string;
  bytes: number;
  /** The latest migration applied (the schema version), or null when none is recorded. */
  schemaVersion: string | null;
  /** Applied migrations this build does not know: the file was made by a newer version. */
  unknownMigrations: string[];
  /** Migrations this build has that the file lacks (applied on restore). */
  pendingMigrations: string[];
  dataVersion: number | null;
}

/** One line saying what a database file is: path, size, schema and data versions. */
export const summarise = (info: DatabaseInfo) =>
  `${info.path} (${(info.bytes / 1024 / 1024).toFixed(1)} MiB, schema ${info.schemaVersion ?? 'none'}, data version ${info.dataVersion ?? 'none'})`;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const KNOWN_MIGRATIONS = Object.keys(migrations).sort();

/** The name of the latest migration this build knows: the schema version of a database it makes. */
export const LATEST_MIGRATION = KNOWN_MIGRATIONS[KNOWN_MIGRATIONS.length - 1] ?? null;

/** True when the file starts with SQLite's 16-byte header. An empty file would open as an empty database, so it is checked first. */
function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** `PRAGMA integrity_check` as a list of problems (empty when the file is sound); damage bad enough to throw is a problem too. */
export function integrityProblems(sqlite: SQLite.Database): string[] {
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    return problems;
  } catch (err) {
    return [(err as Error).message];
  }
}

/** Reads the schema and data versions of an open database. */
export function describe(sqlite: SQLite.Database, path: string): DatabaseInfo {
  const hasTable = (name: string) =>
    sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
  const applied = hasTable('kysely_migration')
    ? (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name)
    : [];
  const known = new Set(KNOWN_MIGRATIONS);
  const appliedSet = new Set(applied);
  const dataVersion = hasTable('dataVersion')
    ? ((sqlite.prepare('select version from dataVersion where id = 1').get() as { version: number } | undefined)?.version ?? null)
    : null;
  return {
    path,
    bytes: existsSync(path) ? statSync(path).size : 0,
    schemaVersion: applied[applied.length - 1] ?? null,
    unknownMigrations: applied.filter((name) => !known.has(name)),
    pendingMigrations: KNOWN_MIGRATIONS.filter((name) => !appliedSet.has(name)),
    dataVersion,
  };
}

/** Flushes a file, or a folder's entries (so a rename survives a power cut), to disk. */
function fsyncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A temporary name beside `target`: a rename is only atomic within one file system. */
const tempBeside = (target: string, what: string) => join(dirname(target), `.${basename(target)}.${what}-${process.pid}-${Date.now()}.tmp`);

const removeWithSidecars = (path: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
};

/**
 * Copies the database at `databasePath` to `to` with SQLite's online backup API: safe while the
 * server runs (WAL readers and writers go on; the copy is one consistent snapshot). The copy is
 * written beside `to` under a temporary name, switched to a rollback journal so it is one
 * self-contained file, checked, and only then renamed to `to`.
 */
export async function backupDatabase(databasePath: string, to: string, { overwrite = false } = {}): Promise<DatabaseInfo> {
  const source = resolve(databasePath);
  const target = resolve(to);
  if (source === target) throw new BackupError(`The backup cannot be written over the database itself (${target}).`);
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source} to back up.`);
  if (existsSync(target) && !overwrite)
    throw new BackupError(`${target} already exists; choose another name (or pass --force to replace it).`);
  if (!existsSync(dirname(target))) throw new BackupError(`The folder ${dirname(target)} does not exist.`);
  const temp = tempBeside(target, 'backup');
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(temp);
  } finally {
    db.close();
  }
  try {
    const copy = new SQLite(temp);
    try {
      // The source is in WAL mode and the copy inherits it; a backup should be one file.
      copy.pragma('journal_mode = DELETE');
      const problems = integrityProblems(copy);
      if (problems.length) throw new BackupError(`The copy failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
    } finally {
      copy.close();
    }
    fsyncPath(temp);
    renameSync(temp, target);
    fsyncPath(dirname(target));
  } catch (err) {
    removeWithSidecars(temp);
    throw err;
  }
  return inspect(target);
}

/** Opens a file only to describe it. */
function inspect(path: string): DatabaseInfo {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return describe(db, path);
  } finally {
    db.close();
  }
}

/**
 * Checks that `path` is a tracker database this build can use, without changing it: an SQLite
 * file that passes `PRAGMA integrity_check`, with migrations this build knows. Throws a
 * BackupError that says what is wrong; returns what the file holds.
 */
export function checkRestorable(path: string, sqlite: SQLite.Database): DatabaseInfo {
  const problems = integrityProblems(sqlite);
  if (problems.length) {
    throw new BackupError(
      `${path} is damaged: PRAGMA integrity_check reports ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}.`,
    );
  }
  const info = describe(sqlite, path);
  if (info.schemaVersion === null)
    throw new BackupError(`${path} is an SQLite database but not the tracker's: it has no migrations recorded.`);
  if (info.unknownMigrations.length) {
    throw new BackupError(
      `${path} was made by a newer version of the tracker: it has migration ${info.unknownMigrations.join(', ')}, which this version does not know. Restore it with that version.`,
    );
  }
  return info;
}

export interface RestoreResult {
  restored: DatabaseInfo;
  /** Migrations applied to the restored copy (it came from an older version). */
  migrated: string[];
}

/**
 * Replaces the database at `target` with the backup at `from`. The server must be stopped.
 *
 * Every check runs on a copy written beside the target, so a refused file changes nothing; the
 * copy is migrated if it is older than this build, checked again, flushed to disk, and renamed
 * over the target. Before the rename the old database's -wal is merged into it and removed:
 * SQLite would otherwise replay the old database's log onto the new file. A crash at any point
 * leaves either the old database (complete) or the new one, plus at worst a temporary file.
 */
export async function restoreDatabase(from: string, target: string): Promise<RestoreResult> {
  const source = resolve(from);
  const destination = resolve(target);
  if (source === destination) throw new BackupError(`The backup and the database are the same file (${source}).`);
  if (!existsSync(source) || !statSync(source).isFile()) throw new BackupError(`There is no backup file at ${source}.`);
  if (!hasSqliteHeader(source)) throw new BackupError(`${source} is not an SQLite database (its first bytes are not SQLite's header).`);
  const wal = `${source}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new BackupError(
      `${source} has a -wal file beside it, so it is a live database rather than a backup: make backups with db:backup, or open it once with sqlite3 so its log is merged.`,
    );
  }
  if (!existsSync(dirname(destination))) throw new BackupError(`The folder ${dirname(destination)} does not exist.`);

  const temp = tempBeside(destination, 'restore');
  let migrated: string[] = [];
  try {
    copyFileSync(source, temp);
    let sqlite: SQLite.Database;
    try {
      sqlite = new SQLite(temp, { fileMustExist: true });
      sqlite.pragma('journal_mode = DELETE');
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
        throw new BackupError(`${source} is not a usable SQLite database (${(err as Error).message}).`);
      throw err;
    }
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      checkRestorable(source, sqlite);
      sqlite.pragma('foreign_keys = ON');
      migrated = await migrateToLatest(db);
      const after = integrityProblems(sqlite);
      if (after.length) throw new BackupError(`${source} failed the integrity check after migrating: ${after.slice(0, 3).join('; ')}`);
    } finally {
      await db.destroy();
    }
    fsyncPath(temp);
    retireOldDatabase(destination);
    renameSync(temp, destination);
    fsyncPath(dirname(destination));
  } catch (err) {
    removeWithSidecars(temp);
    throw err;
  }
  return { restored: inspect(destination), migrated };
}

/**
 * Makes the database about to be replaced one self-contained file with no -wal or -shm beside
 * it, so that nothing of it is replayed onto its replacement. When SQLite keeps WAL mode because
 * another connection holds the database, the restore is refused as "in use"; an idle server is not
 * noticed this way, hence the rule (README) that the server is stopped first.
 */
function retireOldDatabase(path: string) {
  if (!existsSync(path)) {
    // Sidecars of a database already gone belong to nothing, but would be replayed onto the new file.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
    return;
  }
  let old: SQLite.Database | undefined;
  try {
    old = new SQLite(path, { fileMustExist: true });
    old.pragma('busy_timeout = 2000');
    // Merges the log into the file; 'wal' comes back when another connection keeps it in WAL mode.
    const mode = old.pragma('journal_mode = DELETE', { simple: true });
    if (mode === 'wal') {
      throw new BackupError(`The database at ${path} is in use (is the server running?). Stop the server, then restore.`);
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    // The old database is damaged or not a database (a reason to restore): its log cannot be
    // merged, so it is moved aside rather than deleted, in case someone needs it.
    old?.close();
    old = undefined;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const suffix of ['-wal', '-journal'])
      if (existsSync(path + suffix)) renameSync(path + suffix, `${path}${suffix}.before-restore-${stamp}`);
  } finally {
    old?.close();
  }
  rmSync(`${path}-shm`, { force: true });
}
