import type { Kysely } from 'kysely';

/**
 * A CAT report record an editor retracts stays in the table, marked with the time (nothing is
 * deleted: the retraction is itself an audited change, and the record stays readable in the change
 * feed), and no longer counts for any reporting situation or deadline. Null for every standing record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('catReport').addColumn('retractedAt', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('catReport').dropColumn('retractedAt').execute();
}
