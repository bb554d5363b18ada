import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

/**
 * The database a test runs on. The integration suite runs on SQLite always and, when
 * TEST_DATABASE_URL names a PostgreSQL server (`postgres://user@host:port/`), on PostgreSQL too
 * (vitest.postgres.config.ts). test/global-setup.ts prepares one seeded and one empty template
 * once per run; every test gets its own copy: an in-memory SQLite image, or a PostgreSQL database
 * created from the template (a file copy, some 0.4 s) and dropped when the test's app closes.
 */
export const postgresServer = (): string | undefined => inject('postgresServer') || undefined;

/** The address of database `name` on the test server. */
export const postgresUrl = (server: string, name: string) => new URL(name, server.endsWith('/') ? server : `${server}/`).toString();

/** The templates global-setup prepares on PostgreSQL. */
export const TEMPLATES = { seeded: 'tracker_test_seeded', empty: 'tracker_test_empty' } as const;

/** Runs `statement` on the server's maintenance database (create and drop database cannot run elsewhere). */
export async function onServer(server: string, statement: string) {
  const client = new pg.Client({ connectionString: postgresUrl(server, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A new PostgreSQL database; C collation, so that text sorts by code point as on SQLite. Copied
 * file by file (PostgreSQL 15's `strategy file_copy`): several times faster for a template of
 * this size than the default, which writes the copy through the write-ahead log.
 */
export const createDatabaseStatement = (name: string, template = 'template0') =>
  `create database "${name}" template "${template}" strategy file_copy encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`;

let image: Buffer | undefined;
/** The SQLite database test/global-setup.ts migrated and seeded once for the run. */
export function seededImage(): Buffer {
  image ??= readFileSync(inject('seededImagePath'));
  return image;
}

/**
 * A fresh migrated database, seeded with the bundled dataset when `seeded`, on the engine of the
 * run; `drop` removes it (after the app on it has closed).
 */
export async function freshDatabase(seeded: boolean): Promise<{ db: Kysely<Database>; location: string; drop: () => Promise<void> }> {
  const server = postgresServer();
  if (!server) {
    const db = seeded ? createDb(seededImage()) : createDb(':memory:');
    if (!seeded) await migrateToLatest(db);
    return { db, location: ':memory:', drop: async () => {} };
  }
  const name = `tracker_test_${randomBytes(6).toString('hex')}`;
  await onServer(server, createDatabaseStatement(name, seeded ? TEMPLATES.seeded : TEMPLATES.empty));
  return {
    db: createDb(postgresUrl(server, name)),
    location: postgresUrl(server, name),
    drop: () => onServer(server, `drop database if exists "${name}" with (force)`),
  };
}
