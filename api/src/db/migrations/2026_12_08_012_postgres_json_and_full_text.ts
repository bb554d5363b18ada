import { sql, type Kysely } from 'kysely';
import { onPostgres } from './dialect-columns.js';

/**
 * PostgreSQL's own forms of two things SQLite does its way (nothing changes on SQLite):
 *
 * - JSON columns become `jsonb`: PostgreSQL checks that every value is JSON, and the lists can be
 *   queried (the UPR filters on recommending States and themes). The database layer reads them
 *   back as compact JSON text (db/database.ts), as SQLite gives them; jsonb keeps an object's keys
 *   in its own order (shorter keys first), so code compares JSON by value, never by text.
 * - The UPR full-text index: a GIN index on `tracker_document(text)`, made to behave as SQLite's
 *   FTS5 tokenizer (`porter unicode61 remove_diacritics 2`): every run of characters other than
 *   letters and digits separates words (PostgreSQL's parser would otherwise read "to/ratify" as a
 *   file path and "ratify/accede" as one word), words are stemmed by the Snowball English stemmer
 *   (the `tracker` text search configuration), accents removed (unaccent), and no stop words
 *   dropped, since FTS5 drops none. Searches call the same function, so the index answers them.
 */
const JSON_COLUMNS: Record<string, string[]> = {
  auditLog: ['before', 'after'],
  apiToken: ['scopes'],
  state: ['sourceIds'],
  instrument: ['entryIntoForceRule', 'withdrawalRule', 'sourceIds'],
  catReport: ['record'],
  catFollowUpList: ['record'],
  catSession: ['record'],
  catReportingState: ['record'],
  catAnnualReport: ['record'],
  uprSession: ['sourceIds'],
  uprReview: ['documents', 'sourceIds'],
  uprRecommendation: ['recommendingStates', 'themes', 'sdgs', 'affectedPersons'],
  uprPledge: ['themes'],
  followUpPublication: ['snapshot'],
};

export async function up(db: Kysely<any>): Promise<void> {
  if (!onPostgres(db)) return;
  // A text default cannot be cast with its column: dropped, then set again as jsonb.
  await sql`alter table ${sql.table('uprRecommendation')} alter column ${sql.ref('recommendingStates')} drop default`.execute(db);
  for (const [table, columns] of Object.entries(JSON_COLUMNS)) {
    for (const column of columns) {
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type jsonb using ${sql.ref(column)}::jsonb`.execute(db);
    }
  }
  await sql`alter table ${sql.table('uprRecommendation')} alter column ${sql.ref('recommendingStates')} set default '[]'::jsonb`.execute(
    db,
  );

  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create text search dictionary tracker_stem (template = snowball, language = english)`.execute(db);
  await sql`create text search configuration tracker (copy = simple)`.execute(db);
  await sql`alter text search configuration tracker alter mapping for asciiword, word, hword, hword_part, asciihword, hword_asciipart, numword, numhword with unaccent, tracker_stem`.execute(
    db,
  );
  // The configuration is named with its schema: pg_restore runs with an empty search_path, and an
  // index on this function is rebuilt there.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const config = `"${rows[0]!.schema.replace(/"/g, '""').replace(/'/g, "''")}".tracker`;
  await sql`create function tracker_document(body text) returns tsvector language sql immutable parallel safe
            as ${sql.raw(`$$ select to_tsvector('${config}'::regconfig, regexp_replace(body, '[^[:alnum:]]+', ' ', 'g')) $$`)}`.execute(db);
  await sql`create index ${sql.id('uprRecommendation_text')} on ${sql.table('uprRecommendation')} using gin (tracker_document(text))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!onPostgres(db)) return;
  await sql`drop index ${sql.id('uprRecommendation_text')}`.execute(db);
  await sql`drop function tracker_document(text)`.execute(db);
  await sql`drop text search configuration tracker`.execute(db);
  await sql`drop text search dictionary tracker_stem`.execute(db);
  await sql`alter table ${sql.table('uprRecommendation')} alter column ${sql.ref('recommendingStates')} drop default`.execute(db);
  for (const [table, columns] of Object.entries(JSON_COLUMNS)) {
    for (const column of columns) {
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text using ${sql.ref(column)}::text`.execute(db);
    }
  }
  await sql`alter table ${sql.table('uprRecommendation')} alter column ${sql.ref('recommendingStates')} set default '[]'`.execute(db);
}
