import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * What the migrations write differently for SQLite and PostgreSQL. PostgreSQL support came after
 * the first eleven migrations: on PostgreSQL they all run on a new, empty database, so their data
 * conversions (written for SQLite's functions) have nothing to convert and run on SQLite only.
 */
export const onPostgres = (db: Kysely<any>) => dialectOf(db) === 'postgres';

/**
 * An integer key the database assigns when an insert leaves it out: SQLite's rowid alias
 * (`neverReused`: AUTOINCREMENT, so a deleted row's key never comes back), PostgreSQL's identity
 * column (whose sequence never goes back either).
 */
export const assignedKey =
  (db: Kysely<any>, { neverReused = false } = {}) =>
  (c: ColumnDefinitionBuilder) => {
    if (onPostgres(db)) return c.primaryKey().generatedByDefaultAsIdentity();
    return neverReused ? c.primaryKey().autoIncrement() : c.primaryKey();
  };
