import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { createDb, type Database } from './database.js';
import { dialectOf, isPostgresUrl, withoutPassword } from './dialect.js';
import { migrateToLatest } from './migrate.js';
import { seedIfEmpty } from './seed.js';

/**
 * Opens the database as the server starts: creates, migrates and (when empty) seeds it. Any failure
 * is thrown again as one sentence that names the file and says what to do.
 */
export async function openDatabase(path: string, seedDir: string): Promise<Kysely<Database>> {
  let db: Kysely<Database> | undefined;
  try {
    db = createDb(path);
    await oneAtATime(db, async (conn) => {
      await migrateToLatest(conn);
      await seedIfEmpty(conn, seedDir);
    });
    const collation = dialectOf(db) === 'postgres' ? await collationProblem(db) : null;
    if (collation) console.warn(`[tracker] ${collation}`);
    return db;
  } catch (err) {
    await db?.destroy().catch(() => {});
    throw new Error(explainDatabaseError(err, withoutPassword(path)), { cause: err });
  }
}

/**
 * Names sort by code point on SQLite; on PostgreSQL they sort by the database's collation, which
 * must be C (or C.UTF-8) for lists to come in the same order. Another collation works, in another
 * order: said at start-up, not refused.
 */
async function collationProblem(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{
    collation: string;
  }>`select datcollate as collation from pg_database where datname = current_database()`.execute(db);
  const collation = rows[0]?.collation ?? '';
  return /^(C|POSIX)(\.|$)/i.test(collation)
    ? null
    : `the PostgreSQL database sorts text by the collation ${collation}, not C: lists of names will come in another order than on SQLite. Create the database with --lc-collate=C (README, "Running for many users") and move the data with db:copy.`;
}

/** The PostgreSQL advisory lock held while a server prepares the database (any constant the tracker owns). */
const START_LOCK = 7_202_612;

/**
 * Runs `prepare` as the only process doing so: several server processes may start on one new
 * PostgreSQL database at once (replicas behind a load balancer); one migrates and seeds it while
 * the others wait on an advisory lock, then find it ready. An SQLite file serves one process.
 */
async function oneAtATime(db: Kysely<Database>, prepare: (db: Kysely<Database>) => Promise<void>) {
  if (dialectOf(db) !== 'postgres') return prepare(db);
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${START_LOCK})`.execute(conn);
    try {
      await prepare(conn);
    } finally {
      await sql`select pg_advisory_unlock(${START_LOCK})`.execute(conn);
    }
  });
}

/**
 * What went wrong opening, migrating or seeding the database at start-up, in words that name the
 * file and say what to do, instead of a stack trace. The codes are better-sqlite3's (SQLite's
 * result codes), PostgreSQL's (SQLSTATE) and Node's file-system and network errors. `path` is the
 * SQLite file, or the PostgreSQL address without its password.
 */
export function explainDatabaseError(err: unknown, path: string): string {
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  const where = `The database at ${path}`;
  if (isPostgresUrl(path)) return explainPostgresError(code, message, where);
  if (code === 'SQLITE_NOTADB')
    return `${where} is not an SQLite database (or is encrypted). Point DATABASE_PATH at the tracker's database, or move this file away to start afresh.`;
  if (code.startsWith('SQLITE_CORRUPT'))
    return `${where} is damaged (${message}). Restore it from a backup, or move it away to start afresh from the bundled data.`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return `${where} cannot be written (${message}). The server needs to write the database and, beside it, its -wal and -shm files: make ${dirname(path)} writable, or set DATABASE_PATH to a writable place.`;
  }
  if (code.startsWith('SQLITE_CANTOPEN') || ['EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'ENOENT'].includes(code))
    return `${where} cannot be opened: ${accessProblem(path) ?? message}.`;
  if (code === 'SQLITE_BUSY')
    return `${where} is locked by another process (${message}). Stop the other server or import, then start again.`;
  const unknownMigration = /previously executed migration (\S+) is missing/.exec(message);
  if (unknownMigration) {
    return `${where} was set up by a newer version of the tracker: it has migration ${unknownMigration[1]}, which this version does not know. Run the newer version, or restore a backup made for this one.`;
  }
  return `${where} could not be prepared: ${message}`;
}

/** The same for a PostgreSQL database (DATABASE_URL): the server, the account, the database, the rights. */
function explainPostgresError(code: string, message: string, where: string): string {
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code))
    return `${where} cannot be reached (${message}): check that PostgreSQL runs there and that DATABASE_URL names its host and port.`;
  if (code === '28P01' || code === '28000')
    return `${where} refused the account (${message}): check the user and password in DATABASE_URL.`;
  if (code === '3D000')
    return `${where} does not exist: create it first (createdb --encoding=UTF8 --lc-collate=C --lc-ctype=C.UTF-8 --template=template0 NAME), see README, "Running for many users".`;
  if (code === '42501')
    return `${where} does not let this account create what the tracker needs (${message}): the account must own the database, or be allowed to create tables in it.`;
  const unknownMigration = /previously executed migration (\S+) is missing/.exec(message);
  if (unknownMigration) {
    return `${where} was set up by a newer version of the tracker: it has migration ${unknownMigration[1]}, which this version does not know. Run the newer version, or restore a backup made for this one.`;
  }
  return `${where} could not be prepared: ${message}`;
}

/** Why a path cannot be opened for reading and writing, when the file system says. */
function accessProblem(path: string): string | null {
  const dir = dirname(path);
  if (!existsSync(dir)) return `its folder ${dir} does not exist and could not be created`;
  if (!statSync(dir).isDirectory()) return `${dir} is not a folder`;
  if (existsSync(path) && statSync(path).isDirectory()) return 'it is a folder, not a file';
  for (const [target, mode, what] of [
    [path, constants.R_OK, 'the file cannot be read'],
    [path, constants.W_OK, 'the file cannot be written'],
    [dir, constants.W_OK, `the folder ${dir} cannot be written (the database needs its -wal and -shm files beside it)`],
  ] as const) {
    if (!existsSync(target)) continue;
    try {
      accessSync(target, mode);
    } catch {
      return what;
    }
  }
  return null;
}
