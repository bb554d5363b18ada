import type { Kysely } from 'kysely';

/**
 * CAT reporting records. Each row keeps the whole validated record as JSON (`record`),
 * as the seed and the importers write it: the deadline rules read whole records, and the
 * columns beside it are the keys that lookups, foreign keys and imports need.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catReport')
    .addColumn('id', 'text', (c) => c.primaryKey()) // ISO3:n or ISO3:n-m
    .addColumn('stateIso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('sourceId', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catReport_state').on('catReport').columns(['stateIso3', 'number']).execute();

  await db.schema
    .createTable('catFollowUpList')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session', 'integer', (c) => c.notNull())
    .addColumn('sourceId', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catSession')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session', 'integer', (c) => c.notNull().unique())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catReportingState')
    .addColumn('stateIso3', 'text', (c) => c.primaryKey().references('state.iso3'))
    .addColumn('completeness', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catAnnualReport')
    .addColumn('symbol', 'text', (c) => c.primaryKey())
    .addColumn('sourceId', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['catAnnualReport', 'catReportingState', 'catSession', 'catFollowUpList', 'catReport']) {
    await db.schema.dropTable(table).execute();
  }
}
