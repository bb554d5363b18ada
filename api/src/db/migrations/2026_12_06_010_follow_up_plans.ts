import { sql, type Kysely } from 'kysely';
import { assignedKey } from './dialect-columns.js';

/**
 * UPR follow-up plans (docs: api/src/domain/README.md, "UPR follow-up plans"): an organisation's
 * plan for a State's review, its clusters, the recommendations in it, planned actions, progress
 * updates over time, and each publication as it was published. Nothing is deleted: a
 * recommendation taken out of a plan keeps its row (`removedAt`), and the updates stay in order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('followUpPlan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stateIso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addColumn('reviewId', 'text', (c) => c.notNull().references('uprReview.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('draft', 'published')`))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('publishedAt', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('followUpPlan_state').on('followUpPlan').columns(['stateIso3', 'reviewId']).execute();

  await db.schema
    .createTable('followUpCluster')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('planId', 'text', (c) => c.notNull().references('followUpPlan.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('followUpCluster_plan').on('followUpCluster').column('planId').execute();

  await db.schema
    .createTable('followUpItem')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('planId', 'text', (c) => c.notNull().references('followUpPlan.id'))
    .addColumn('clusterId', 'text', (c) => c.references('followUpCluster.id'))
    .addColumn('recommendationId', 'text', (c) => c.notNull().references('uprRecommendation.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('removedAt', 'text')
    .execute();
  await db.schema.createIndex('followUpItem_plan').on('followUpItem').columns(['planId', 'recommendationId']).unique().execute();

  await db.schema
    .createTable('followUpAction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('planId', 'text', (c) => c.notNull().references('followUpPlan.id'))
    .addColumn('itemId', 'text', (c) => c.notNull().references('followUpItem.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('responsibleBody', 'text')
    .addColumn('targetDate', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recordedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('followUpAction_plan').on('followUpAction').column('planId').execute();

  await db.schema
    .createTable('followUpUpdate')
    .addColumn('id', 'integer', assignedKey(db))
    .addColumn('planId', 'text', (c) => c.notNull().references('followUpPlan.id'))
    .addColumn('itemId', 'text', (c) => c.notNull().references('followUpItem.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('sourceUrl', 'text')
    .addColumn('documentSymbol', 'text')
    .addColumn('recordedAt', 'text', (c) => c.notNull())
    .addColumn('recordedBy', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('followUpUpdate_plan').on('followUpUpdate').columns(['planId', 'itemId', 'date']).execute();

  await db.schema
    .createTable('followUpPublication')
    .addColumn('planId', 'text', (c) => c.notNull().references('followUpPlan.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('publishedAt', 'text', (c) => c.notNull())
    .addColumn('publishedBy', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('followUpPublication_pk', ['planId', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['followUpPublication', 'followUpUpdate', 'followUpAction', 'followUpItem', 'followUpCluster', 'followUpPlan'])
    await db.schema.dropTable(table).execute();
}
