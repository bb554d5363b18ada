import type { Kysely } from 'kysely';

/**
 * States, instruments and the participation events that every status is derived from.
 * No status column anywhere: status is computed from events for any date (api/src/domain/README.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('state')
    .addColumn('iso3', 'text', (c) => c.primaryKey())
    .addColumn('iso2', 'text', (c) => c.notNull().unique())
    .addColumn('isoNumeric', 'text', (c) => c.notNull())
    .addColumn('m49Code', 'text', (c) => c.notNull())
    .addColumn('membership', 'text', (c) => c.notNull())
    .addColumn('nameEn', 'text', (c) => c.notNull())
    .addColumn('nameFr', 'text', (c) => c.notNull())
    .addColumn('nameEs', 'text', (c) => c.notNull())
    .addColumn('nameAr', 'text', (c) => c.notNull())
    .addColumn('formalNameEn', 'text')
    .addColumn('regionCode', 'text', (c) => c.notNull())
    .addColumn('regionName', 'text', (c) => c.notNull())
    .addColumn('subRegionCode', 'text', (c) => c.notNull())
    .addColumn('subRegionName', 'text', (c) => c.notNull())
    .addColumn('intermediateRegionCode', 'text')
    .addColumn('intermediateRegionName', 'text')
    .addColumn('unRegionalGroup', 'text')
    .addColumn('unRegionalGroupRole', 'text')
    .addColumn('unRegionalGroupNote', 'text')
    .addColumn('ldcStatus', 'text', (c) => c.notNull())
    .addColumn('ldcGraduatedOn', 'text')
    .addColumn('ldcGraduatedOnPrecision', 'text')
    .addColumn('ldcScheduledGraduation', 'text')
    .addColumn('ldcNote', 'text')
    .addColumn('sids', 'integer', (c) => c.notNull())
    .addColumn('odaRecipient', 'integer')
    .addColumn('odaIncomeGroup', 'text')
    .addColumn('odaListYears', 'text', (c) => c.notNull())
    .addColumn('mapPolygon110m', 'integer', (c) => c.notNull())
    .addColumn('mapMarkerLon', 'real')
    .addColumn('mapMarkerLat', 'real')
    .addColumn('mapNote', 'text')
    .addColumn('sourceIds', 'text', (c) => c.notNull()) // JSON array of source ids
    .execute();

  await db.schema
    .createTable('instrument')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parentId', 'text', (c) => c.references('instrument.id'))
    .addColumn('untcReference', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('shortName', 'text', (c) => c.notNull())
    .addColumn('adoptedOn', 'text')
    .addColumn('adoptedAt', 'text')
    .addColumn('generalEntryIntoForce', 'text')
    .addColumn('entryIntoForceRule', 'text', (c) => c.notNull()) // JSON, see domain/types.ts
    .addColumn('withdrawalRule', 'text') // JSON; null where no source states the rule
    .addColumn('rulesNote', 'text', (c) => c.notNull())
    .addColumn('dataAsOf', 'text', (c) => c.notNull())
    .addColumn('completenessNote', 'text', (c) => c.notNull())
    .addColumn('sourceIds', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('participationEvent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instrumentId', 'text', (c) => c.notNull().references('instrument.id'))
    .addColumn('stateIso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('datePrecision', 'text', (c) => c.notNull())
    .addColumn('effectiveDate', 'text')
    .addColumn('article', 'text')
    .addColumn('attestation', 'text', (c) => c.notNull())
    .addColumn('sourceId', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('sourceUrl', 'text')
    .addColumn('notificationSymbol', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('participationEvent_instrument_state')
    .on('participationEvent')
    .columns(['instrumentId', 'stateIso3'])
    .execute();
  await db.schema.createIndex('participationEvent_state').on('participationEvent').column('stateIso3').execute();

  // Counts published by the depositary or others, kept to check the engine against.
  await db.schema
    .createTable('publishedCount')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instrumentId', 'text', (c) => c.notNull().references('instrument.id'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('asOf', 'text')
    .addColumn('sourceId', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('note', 'text')
    .execute();

  // Bumped by every write to the data, so caches and ETags know when to change.
  await db.schema
    .createTable('dataVersion')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changedAt', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('dataVersion')
    .values({ id: 1, version: 0, changedAt: new Date(0).toISOString() })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['dataVersion', 'publishedCount', 'participationEvent', 'instrument', 'state']) {
    await db.schema.dropTable(table).execute();
  }
}
