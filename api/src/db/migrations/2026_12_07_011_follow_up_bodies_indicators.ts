import { sql, type Kysely } from 'kysely';
import { onPostgres } from './dialect-columns.js';

/**
 * UPR follow-up plans, second part (docs: api/src/domain/README.md, "UPR follow-up plans"):
 * - `followUpBody`: the managed list of responsible bodies (ministries, agencies, parliament…) per State;
 * - `followUpIndicator`: indicators per recommendation of a plan (text, optional baseline and target);
 * - `followUpItem` may hold a recommendation of another mechanism, added by hand with its document
 *   symbol (e.g. a CAT concluding-observations paragraph): `recommendationId` becomes optional and
 *   the item carries the mechanism, symbol, paragraph and text itself.
 *
 * SQLite cannot drop a NOT NULL in place, so `followUpItem` is rebuilt (the documented
 * create-copy-drop-rename procedure); actions and updates reference it by name, and every
 * reference is checked before the rebuild commits.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL changes a table's shape in place.
  if (onPostgres(db)) await alterItemsInPlace(db);
  else await withoutForeignKeys(db, rebuildItems);
  await db.schema
    .createTable('followUpBody')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stateIso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('addedAt', 'text', (c) => c.notNull())
    .addColumn('addedBy', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .execute();
  // One body of a name per State, whatever its case: "Ministry of Justice" and "ministry of justice" are one.
  await db.schema
    .createIndex('followUpBody_name')
    .on('followUpBody')
    .unique()
    .expression(sql`${sql.ref('stateIso3')}, lower(${sql.ref('name')})`)
    .execute();

  await db.schema
    .createTable('followUpIndicator')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('planId', 'text', (c) => c.notNull().references('followUpPlan.id'))
    .addColumn('itemId', 'text', (c) => c.notNull().references('followUpItem.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text')
    .addColumn('target', 'text')
    .addColumn('recordedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('followUpIndicator_plan').on('followUpIndicator').column('planId').execute();
}

/**
 * SQLite's procedure for changing a table's shape: foreign keys off (a pragma that only takes
 * effect outside a transaction, and Kysely runs SQLite migrations outside one), the rebuild in
 * one transaction that checks every reference is whole before it commits, foreign keys back on.
 */
async function withoutForeignKeys(db: Kysely<any>, rebuild: (trx: Kysely<any>) => Promise<void>) {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await rebuild(trx);
      // The rebuilt table and those that point at it: every reference must still find its row.
      for (const table of ['followUpItem', 'followUpAction', 'followUpUpdate']) {
        const broken = await sql`select * from pragma_foreign_key_check(${table})`.execute(trx);
        if (broken.rows.length) throw new Error(`the rebuild would break ${broken.rows.length} references in ${table}`);
      }
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

/** An item is a tracked recommendation, or another mechanism's recommendation written out. */
const ITEM_IS_A_RECOMMENDATION = sql`(${sql.ref('recommendationId')} is not null) or (mechanism is not null and ${sql.ref('documentSymbol')} is not null and text is not null)`;

/** followUpItem's new shape on PostgreSQL, which drops a NOT NULL and adds a check in place. */
async function alterItemsInPlace(db: Kysely<any>) {
  await db.schema
    .alterTable('followUpItem')
    .alterColumn('recommendationId', (c) => c.dropNotNull())
    .execute();
  for (const column of ['mechanism', 'documentSymbol', 'paragraph', 'text'])
    await db.schema.alterTable('followUpItem').addColumn(column, 'text').execute();
  await db.schema.alterTable('followUpItem').addCheckConstraint('followUpItem_what', ITEM_IS_A_RECOMMENDATION).execute();
}

/** The create-copy-drop-rename rebuild of followUpItem with recommendationId optional. */
async function rebuildItems(db: Kysely<any>) {
  await db.schema
    .createTable('followUpItemNew')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('planId', 'text', (c) => c.notNull().references('followUpPlan.id'))
    .addColumn('clusterId', 'text', (c) => c.references('followUpCluster.id'))
    .addColumn('recommendationId', 'text', (c) => c.references('uprRecommendation.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('removedAt', 'text')
    .addColumn('mechanism', 'text')
    .addColumn('documentSymbol', 'text')
    .addColumn('paragraph', 'text')
    .addColumn('text', 'text')
    .addCheckConstraint('followUpItem_what', ITEM_IS_A_RECOMMENDATION)
    .execute();
  await sql`insert into followUpItemNew (id, planId, clusterId, recommendationId, position, removedAt)
            select id, planId, clusterId, recommendationId, position, removedAt from followUpItem`.execute(db);
  await db.schema.dropTable('followUpItem').execute();
  await db.schema.alterTable('followUpItemNew').renameTo('followUpItem').execute();
  await db.schema.createIndex('followUpItem_plan').on('followUpItem').columns(['planId', 'recommendationId']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('followUpIndicator').execute();
  await db.schema.dropTable('followUpBody').execute();
  await withoutForeignKeys(db, restoreItems);
}

async function restoreItems(db: Kysely<any>) {
  await db.schema
    .createTable('followUpItemOld')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('planId', 'text', (c) => c.notNull().references('followUpPlan.id'))
    .addColumn('clusterId', 'text', (c) => c.references('followUpCluster.id'))
    .addColumn('recommendationId', 'text', (c) => c.notNull().references('uprRecommendation.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('removedAt', 'text')
    .execute();
  // Hand-added recommendations of other mechanisms have no place in the older shape.
  await sql`insert into followUpItemOld select id, planId, clusterId, recommendationId, position, removedAt
            from followUpItem where recommendationId is not null`.execute(db);
  await db.schema.dropTable('followUpItem').execute();
  await db.schema.alterTable('followUpItemOld').renameTo('followUpItem').execute();
  await db.schema.createIndex('followUpItem_plan').on('followUpItem').columns(['planId', 'recommendationId']).unique().execute();
}
