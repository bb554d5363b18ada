import { sql, type Kysely } from 'kysely';
import { onPostgres } from './dialect-columns.js';

/**
 * The UPR full-text index without FTS5's prefix index (migration 004 had prefix='3'). Every
 * search word is a prefix query either way; measured over the bundled 41,518 recommendations,
 * the prefix index made filling the index 2.2 times slower (an import's largest single step) and
 * saved about a millisecond on a common three-letter prefix ("pro", "con", "hum"): not worth it.
 * The table, its triggers and its content are rebuilt from uprRecommendation.
 */
const TOKENIZE = 'porter unicode61 remove_diacritics 2';

async function recreate(db: Kysely<any>, options: string): Promise<void> {
  await sql`drop trigger if exists uprRecommendation_ad`.execute(db);
  await sql`drop trigger if exists uprRecommendation_au`.execute(db);
  await sql`drop table if exists uprRecommendationFts`.execute(db);
  await sql
    .raw(
      `create virtual table uprRecommendationFts using fts5(text, content='uprRecommendation', content_rowid='seq', tokenize='${TOKENIZE}'${options})`,
    )
    .execute(db);
  // As in 004: no insert trigger (writers fill the index in bulk); updates and deletes kept in step.
  await sql`create trigger uprRecommendation_ad after delete on uprRecommendation begin insert into uprRecommendationFts(uprRecommendationFts, rowid, text) values ('delete', old.seq, old.text); end`.execute(
    db,
  );
  await sql`create trigger uprRecommendation_au after update of text on uprRecommendation begin insert into uprRecommendationFts(uprRecommendationFts, rowid, text) values ('delete', old.seq, old.text); insert into uprRecommendationFts(rowid, text) values (new.seq, new.text); end`.execute(
    db,
  );
  await sql`insert into uprRecommendationFts(uprRecommendationFts) values ('rebuild')`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite's FTS5 only; PostgreSQL's full-text index is migration 012's.
  if (!onPostgres(db)) await recreate(db, '');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!onPostgres(db)) await recreate(db, ", prefix='3'");
}
