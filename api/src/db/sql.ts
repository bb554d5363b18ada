import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import { sqliteHandleOf, type Database } from './database.js';
import type { Dialect } from './dialect.js';

/**
 * Hand-written SQL, for the few places where the query builder costs too much (the UPR search
 * reads, run on every search and measured against a p95 target) or cannot say it (full-text
 * search). The text is written once, in SQLite's spelling: `?` placeholders and bare camelCase
 * identifiers. On PostgreSQL it is rewritten by `toPostgres` (identifiers quoted, since PostgreSQL
 * folds bare ones to lower case, and placeholders numbered); what genuinely differs (JSON lists,
 * full-text match) is chosen by the caller on `dialect`.
 *
 * On SQLite, statements are prepared once on the better-sqlite3 connection and cached by their
 * text; on PostgreSQL they go through Kysely's connection pool, or the transaction's connection
 * when the handle is made for a transaction.
 */
export interface Sql {
  readonly dialect: Dialect;
  all<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** The first column of every row. */
  column<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  run(text: string, params?: readonly unknown[]): Promise<void>;
}

const LITERAL = /('(?:[^']|'')*'|"[^"]*")/;
const CAMEL_CASE = /\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\b/g;

/** SQLite-spelled SQL for PostgreSQL: camelCase identifiers quoted, `?` numbered ($1, $2 …); string literals untouched. */
export function toPostgres(text: string): string {
  let n = 0;
  return text
    .split(LITERAL)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(CAMEL_CASE, (id) => `"${id}"`).replace(/\?/g, () => `$${++n}`)))
    .join('');
}

/** A list of values bound as one parameter: a JSON array for SQLite's json_each, an array for PostgreSQL's `= any(?)`. */
export const listParam = (dialect: Dialect, values: readonly unknown[]): unknown =>
  dialect === 'sqlite' ? JSON.stringify(values) : [...values];

/** `column` is one of the values of a list parameter (see listParam). */
export const inList = (dialect: Dialect, column: string): string =>
  dialect === 'sqlite' ? `${column} in (select value from json_each(?))` : `${column} = any(?)`;

const sqliteHandles = new WeakMap<SQLite.Database, Sql>();

/** The hand-written SQL handle of `db` (or of the transaction `trx` on it). */
export function sqlOf(db: Kysely<Database>, trx?: Kysely<Database>): Sql {
  const sqlite = sqliteHandleOf(db);
  if (sqlite) {
    // One connection: a transaction's statements are the database's statements.
    let handle = sqliteHandles.get(sqlite);
    if (!handle) sqliteHandles.set(sqlite, (handle = sqliteSql(sqlite)));
    return handle;
  }
  return postgresSql(trx ?? db);
}

function sqliteSql(sqlite: SQLite.Database): Sql {
  const statements = new Map<string, SQLite.Statement>();
  const columns = new Map<string, SQLite.Statement>();
  const prepared = (cache: Map<string, SQLite.Statement>, text: string, pluck: boolean) => {
    let s = cache.get(text);
    if (!s) cache.set(text, (s = pluck ? sqlite.prepare(text).pluck() : sqlite.prepare(text)));
    return s;
  };
  return {
    dialect: 'sqlite',
    all: async <T>(text: string, params: readonly unknown[] = []) => prepared(statements, text, false).all(...params) as T[],
    get: async <T>(text: string, params: readonly unknown[] = []) => prepared(statements, text, false).get(...params) as T | undefined,
    column: async <T>(text: string, params: readonly unknown[] = []) => prepared(columns, text, true).all(...params) as T[],
    run: async (text: string, params: readonly unknown[] = []) => {
      prepared(statements, text, false).run(...params);
    },
  };
}

const translated = new Map<string, string>();
function postgresSql(db: Kysely<Database>): Sql {
  const rows = async <T>(text: string, params: readonly unknown[]) => {
    let sql = translated.get(text);
    if (sql === undefined) {
      // Texts with a placeholder per value (`in (?, ?, …)`) vary in length: keep the cache bounded.
      if (translated.size > 1000) translated.clear();
      translated.set(text, (sql = toPostgres(text)));
    }
    return (await db.executeQuery<T>(CompiledQuery.raw(sql, [...params]))).rows;
  };
  return {
    dialect: 'postgres',
    all: (text, params = []) => rows(text, params),
    get: async (text, params = []) => (await rows<never>(text, params))[0],
    column: async <T>(text: string, params: readonly unknown[] = []) =>
      (await rows<Record<string, T>>(text, params)).map((row) => Object.values(row)[0]!),
    run: async (text, params = []) => {
      await rows(text, params);
    },
  };
}
