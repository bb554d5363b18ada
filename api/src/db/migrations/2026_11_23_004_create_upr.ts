import { sql, type Kysely } from 'kysely';
import { assignedKey, onPostgres } from './dialect-columns.js';

/**
 * UPR: sessions, reviews, recommendations with their recommending States, themes and
 * links to our instruments, a full-text index, voluntary pledges, and implementation assessments.
 * Lists inside a record that are filtered or counted on get their own table; the rest stay JSON.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('uprSession')
    .addColumn('session', 'integer', (c) => c.primaryKey())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('startDate', 'text')
    .addColumn('endDate', 'text')
    .addColumn('sourceIds', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('uprReview')
    .addColumn('id', 'text', (c) => c.primaryKey()) // ISO3-session
    .addColumn('stateIso3', 'text', (c) => c.notNull().references('state.iso3'))
    .addColumn('session', 'integer', (c) => c.notNull().references('uprSession.session'))
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('statusAsRecorded', 'text')
    .addColumn('reviewDate', 'text')
    .addColumn('documents', 'text', (c) => c.notNull()) // JSON
    .addColumn('sourceIds', 'text', (c) => c.notNull()) // JSON
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('uprReview_state').on('uprReview').columns(['stateIso3', 'session']).execute();

  // seq (the rowid) is the key the full-text index and the child tables use: an integer is smaller and faster to join than the text id.
  await db.schema
    .createTable('uprRecommendation')
    .addColumn('seq', 'integer', assignedKey(db))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('reviewId', 'text', (c) => c.notNull().references('uprReview.id'))
    .addColumn('session', 'integer', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('stateUnderReviewIso3', 'text', (c) => c.notNull())
    .addColumn('paragraph', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('responseAsRecorded', 'text')
    .addColumn('responseSource', 'text')
    .addColumn('actionCategory', 'integer')
    .addColumn('themes', 'text') // JSON, as recorded; null = not recorded by the source
    .addColumn('sdgs', 'text')
    .addColumn('affectedPersons', 'text')
    .addColumn('documentSymbol', 'text')
    .addColumn('documentDate', 'text')
    .addColumn('externalId', 'text')
    .addColumn('sourceId', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('sourceLine', 'integer', (c) => c.notNull())
    /** sha1 of the record as imported: an unchanged re-import is recognised without rebuilding the record. */
    .addColumn('recordHash', 'text', (c) => c.notNull())
    /** The latest implementation assessment's status, kept in step by the service (history is in uprAssessment). */
    .addColumn('implementation', 'text')
    .execute();
  // Search filters run on the in-memory column index (services/upr-index.ts), so only the
  // lookups by review and by State need B-trees; each index more slows every import. The child
  // tables below are WITHOUT ROWID, clustered on (recommendation, …): one B-tree each, read by
  // recommendation.
  for (const columns of [['reviewId'], ['stateUnderReviewIso3', 'session']]) {
    await db.schema
      .createIndex(`uprRecommendation_${columns.join('_')}`)
      .on('uprRecommendation')
      .columns(columns)
      .execute();
  }

  await db.schema
    .createTable('uprRecommendingState')
    .addColumn('recommendation', 'integer', (c) => c.notNull().references('uprRecommendation.seq').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('iso3', 'text') // null: not a State of the registry (name kept)
    .addColumn('nameAsRecorded', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('uprRecommendingState_pk', ['recommendation', 'position'])
    .$call((t) => (onPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();

  await db.schema
    .createTable('uprTheme')
    .addColumn('recommendation', 'integer', (c) => c.notNull().references('uprRecommendation.seq').onDelete('cascade'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('uprTheme_pk', ['recommendation', 'theme'])
    .$call((t) => (onPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();

  /** Links to our instruments, from the classifier (domain/upr-linking.ts); action null = the instrument is named but no tracked action is asked. */
  await db.schema
    .createTable('uprLink')
    .addColumn('recommendation', 'integer', (c) => c.notNull().references('uprRecommendation.seq').onDelete('cascade'))
    .addColumn('instrumentId', 'text', (c) => c.notNull().references('instrument.id'))
    .addColumn('action', 'text', (c) => c.notNull()) // '' when no action is identified
    .addPrimaryKeyConstraint('uprLink_pk', ['recommendation', 'instrumentId', 'action'])
    .$call((t) => (onPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();

  // Porter stemming plus prefix queries: "ratif" finds ratify, ratified and ratification.
  // PostgreSQL's full-text index is migration 012's.
  if (!onPostgres(db)) await createFullTextIndex(db);

  await db.schema
    .createTable('uprPledge')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reviewId', 'text', (c) => c.notNull().references('uprReview.id'))
    .addColumn('stateIso3', 'text', (c) => c.notNull())
    .addColumn('session', 'integer', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('actionCategory', 'integer')
    .addColumn('themes', 'text')
    .addColumn('sourceId', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('sourceLine', 'integer', (c) => c.notNull())
    .execute();

  /** Implementation assessments: appended, never overwritten, so the history of a recommendation stays. */
  await db.schema
    .createTable('uprAssessment')
    .addColumn('id', 'integer', assignedKey(db))
    .addColumn('recommendationId', 'text', (c) => c.notNull().references('uprRecommendation.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assessedOn', 'text', (c) => c.notNull())
    .addColumn('sourceKind', 'text', (c) => c.notNull())
    .addColumn('sourceTitle', 'text', (c) => c.notNull())
    .addColumn('sourceUrl', 'text')
    .addColumn('evidence', 'text')
    .addColumn('recordedBy', 'text', (c) => c.notNull())
    .addColumn('recordedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('uprAssessment_recommendation')
    .on('uprAssessment')
    .columns(['recommendationId', 'assessedOn', 'id'])
    .execute();
}

/** SQLite's FTS5 index of the recommendations' text. */
async function createFullTextIndex(db: Kysely<any>) {
  await sql`create virtual table uprRecommendationFts using fts5(text, content='uprRecommendation', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2', prefix='3')`.execute(
    db,
  );
  // No insert trigger: writers fill the index in bulk after inserting (upr-store.ts), several
  // times faster than a row at a time. Updates and deletes keep it in step here.
  await sql`create trigger uprRecommendation_ad after delete on uprRecommendation begin insert into uprRecommendationFts(uprRecommendationFts, rowid, text) values ('delete', old.seq, old.text); end`.execute(
    db,
  );
  await sql`create trigger uprRecommendation_au after update of text on uprRecommendation begin insert into uprRecommendationFts(uprRecommendationFts, rowid, text) values ('delete', old.seq, old.text); insert into uprRecommendationFts(rowid, text) values (new.seq, new.text); end`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['uprAssessment', 'uprPledge', 'uprLink', 'uprTheme', 'uprRecommendingState'])
    await db.schema.dropTable(table).execute();
  if (!onPostgres(db)) await sql`drop table uprRecommendationFts`.execute(db);
  for (const table of ['uprRecommendation', 'uprReview', 'uprSession']) await db.schema.dropTable(table).execute();
}
