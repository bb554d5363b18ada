import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

export function createMetaRepository(db: Kysely<Database>) {
  return {
    /** Kysely records applied migrations in its own table; counting it also proves the database answers. */
    countMigrations: async () => {
      const row = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(db);
      return row.rows[0]?.n ?? 0;
    },
    listSources: () => db.selectFrom('source').selectAll().orderBy('id').execute(),
  };
}
