import type { Kysely } from 'kysely';
import { assignedKey } from './dialect-columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('url', 'text')
    .addColumn('asOf', 'text')
    .addColumn('rawFile', 'text')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('auditLog')
    .addColumn('id', 'integer', assignedKey(db, { neverReused: true }))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entityId', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('sourceId', 'text', (c) => c.references('source.id'))
    .execute();
  await db.schema.createIndex('auditLog_entity').on('auditLog').columns(['entity', 'entityId']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auditLog').execute();
  await db.schema.dropTable('source').execute();
}
