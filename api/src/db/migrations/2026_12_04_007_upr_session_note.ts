import type { Kysely } from 'kysely';

/**
 * A UPR session's note: what the data holds of a session where it is incomplete, in words (the
 * 26th session, from the UPR Info export of 2018, has the reviews of 11 of its 14 States; see
 * data/README.md, raw/upr/). Null for every other session.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uprSession').addColumn('note', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uprSession').dropColumn('note').execute();
}
