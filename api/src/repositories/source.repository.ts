import type { Insertable, Kysely } from 'kysely';
import type { Database, SourceRow, SourceTable } from '../db/database.js';

/** The registry of cited sources, as the importers check and extend it (the reads for pages are meta.repository.ts's). */
export function createSourceRepository(db: Kysely<Database>) {
  return {
    findSource: (id: string): Promise<SourceRow | undefined> => db.selectFrom('source').selectAll().where('id', '=', id).executeTakeFirst(),
    insertSource: async (source: Insertable<SourceTable>) => {
      await db.insertInto('source').values(source).execute();
    },
    /** Registers the source unless one with its id is registered already (kept as it is). */
    insertSourceIfNew: async (source: Insertable<SourceTable>) => {
      await db
        .insertInto('source')
        .values(source)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
  };
}
export type SourceRepository = ReturnType<typeof createSourceRepository>;
