import { sql, type Kysely } from 'kysely';
import { createDataVersionReader, type Database } from '../db/database.js';
import type { SourceRef } from '../schemas/participation.js';

export function createMetaRepository(db: Kysely<Database>) {
  const version = createDataVersionReader(db);
  return {
    /** Kysely records applied migrations in its own table; counting it also proves the database answers. */
    countMigrations: async () => {
      const row = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(db);
      return row.rows[0]?.n ?? 0;
    },
    /**
     * A health check that reads real data, cheaply: the migrations, the registry of states, the data
     * version and the newest import. A damaged file fails here as it would fail the data routes.
     */
    // Identifiers quoted: PostgreSQL folds bare ones to lower case (SQLite accepts either).
    health: async () => {
      const row = await sql<{
        migrations: number;
        states: number;
        version: number | null;
        changedAt: string | null;
        lastImportAt: string | null;
      }>`
        select (select count(*) from kysely_migration) as migrations,
               (select count("nameEn") from state) as states, -- the table itself, not an index of it
               (select version from "dataVersion" where id = 1) as version,
               (select "changedAt" from "dataVersion" where id = 1) as "changedAt",
               (select at from "auditLog" where "sourceId" is not null or actor = 'seed' order by id desc limit 1) as "lastImportAt"`.execute(
        db,
      );
      return row.rows[0]!;
    },
    listSources: () => db.selectFrom('source').selectAll().orderBy('id').execute(),
    /** The cited sources by id, in the short form every fact carries. */
    sourceRefs: async (): Promise<Map<string, SourceRef>> => {
      const rows = await db.selectFrom('source').select(['id', 'title', 'url', 'asOf']).execute();
      return new Map(rows.map((r) => [r.id, r]));
    },
    /** Bumped by every data write (seed, import, edit); caches are keyed on it. */
    dataVersion: () => version.current(),
    /** Reads the data version again (on PostgreSQL, where other processes write; see createDataVersionReader). */
    refreshDataVersion: () => version.refresh(),
  };
}
