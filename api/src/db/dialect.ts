import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * The two database engines the tracker runs on: SQLite (one file, the embedded default) and
 * PostgreSQL (several server processes sharing one database). Everything that differs between
 * them is chosen by `dialectOf` in the database layer (db/, repositories/); services and routes
 * never ask.
 */
export type Dialect = 'sqlite' | 'postgres';

/** True for a postgres:// or postgresql:// address (DATABASE_URL), false for an SQLite file path. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The engine under a database or one of its transactions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database: the migrations' Kysely<any> as well as Kysely<Database>
export const dialectOf = (db: Kysely<any>): Dialect => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

/** A database address without its password, for messages and logs. */
export const withoutPassword = (location: string): string =>
  isPostgresUrl(location) ? location.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@') : location;
