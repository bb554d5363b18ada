import { sql, type Kysely } from 'kysely';
import { onPostgres } from './dialect-columns.js';

/**
 * A recommendation's recommending States kept with it, as JSON like its themes, SDGs and affected
 * persons already were: the column `recommendingStates` ([{iso3, nameAsRecorded}, ...], in the
 * source's order) replaces the uprRecommendingState table, and the uprTheme table (a copy of the
 * `themes` column) goes. Searches never read them from SQL (the column index of
 * services/upr-index.ts is built from these columns); writing them as child rows was about a fifth
 * of an import's database time, 115,000 rows for the bundled 41,518 recommendations.
 *
 * `recordHash` goes too: a re-imported record is now compared with its stored row, column by
 * column (db/upr-store.ts), so new records, an import's usual case, need no hash at all.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('uprRecommendation')
    .addColumn('recommendingStates', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  if (!onPostgres(db))
    await sql`
    update uprRecommendation set recommendingStates = (
      select json_group_array(json_object('iso3', s.iso3, 'nameAsRecorded', s.nameAsRecorded))
      from (select iso3, nameAsRecorded from uprRecommendingState where recommendation = uprRecommendation.seq order by position) s
    )`.execute(db);
  await db.schema.dropTable('uprRecommendingState').execute();
  await db.schema.dropTable('uprTheme').execute();
  await db.schema.alterTable('uprRecommendation').dropColumn('recordHash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('uprRecommendingState')
    .addColumn('recommendation', 'integer', (c) => c.notNull().references('uprRecommendation.seq').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('iso3', 'text')
    .addColumn('nameAsRecorded', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('uprRecommendingState_pk', ['recommendation', 'position'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`
    insert into uprRecommendingState (recommendation, position, iso3, nameAsRecorded)
    select r.seq, s.key, json_extract(s.value, '$.iso3'), json_extract(s.value, '$.nameAsRecorded')
    from uprRecommendation r, json_each(r.recommendingStates) s`.execute(db);
  await db.schema
    .createTable('uprTheme')
    .addColumn('recommendation', 'integer', (c) => c.notNull().references('uprRecommendation.seq').onDelete('cascade'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('uprTheme_pk', ['recommendation', 'theme'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`insert or ignore into uprTheme (recommendation, theme) select r.seq, t.value from uprRecommendation r, json_each(r.themes) t`.execute(
    db,
  );
  await sql`alter table uprRecommendation drop column recommendingStates`.execute(db);
  // The hash cannot be computed in SQL: an empty one makes the next import of a record rewrite it
  // (with its own values, so nothing is lost), after which it is right again.
  await sql`alter table uprRecommendation add column recordHash text not null default ''`.execute(db);
}
