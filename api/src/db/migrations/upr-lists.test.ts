import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb, sqliteOf } from '../database.js';
import { migrations } from './index.js';

/**
 * Migration 006 on a database written before it: recommending States move from their table into
 * the recommendation's JSON column in the source's order, themes stay in theirs, nothing is lost;
 * and back again.
 */
describe('migration 006: UPR lists on the recommendation', () => {
  it('moves recommending States into the JSON column in order, drops the copies, and restores them on the way down', async () => {
    const db = createDb(':memory:');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026_11_23_005_upr_fts_without_prefix_index')).error).toBeUndefined();
    const sqlite = sqliteOf(db);
    // Only the rows the migration reads: parents of foreign keys are not the point here.
    sqlite.pragma('foreign_keys = OFF');
    const insertRecommendation = sqlite.prepare(
      `insert into uprRecommendation (seq, id, reviewId, session, cycle, stateUnderReviewIso3, text, themes, sourceId, sourceLine, recordHash)
       values (?, ?, 'SVN-34', 34, 3, 'SVN', ?, ?, 'src', ?, 'hash')`,
    );
    insertRecommendation.run(
      1,
      'ohchr-tl:34:SVN:a',
      'Ratify the Optional Protocol to the Convention against Torture',
      JSON.stringify(['Torture', 'Detention']),
      10,
    );
    insertRecommendation.run(2, 'ohchr-tl:34:SVN:b', 'Consider ratifying the Rome Statute amendments', null, 11);
    const insertState = sqlite.prepare(
      'insert into uprRecommendingState (recommendation, position, iso3, nameAsRecorded) values (?, ?, ?, ?)',
    );
    // Positions out of insertion order: the column must follow `position`.
    insertState.run(1, 1, null, 'Sovereign Military Order of Malta');
    insertState.run(1, 0, 'PRT', 'Portugal');
    insertState.run(2, 0, 'CRI', 'Costa Rica');
    sqlite.prepare('insert into uprTheme (recommendation, theme) values (1, ?), (1, ?)').run('Torture', 'Detention');
    sqlite.prepare("insert into uprRecommendationFts(uprRecommendationFts) values ('rebuild')").run();

    // Up to 006 only: later migrations are not this test's subject.
    const up = await migrator.migrateTo('2026_11_23_006_upr_lists_on_the_recommendation');
    expect(up.error).toBeUndefined();
    expect(up.results?.map((r) => r.migrationName)).toEqual(['2026_11_23_006_upr_lists_on_the_recommendation']);
    expect(sqlite.prepare('select seq, recommendingStates, themes from uprRecommendation order by seq').all()).toEqual([
      {
        seq: 1,
        recommendingStates: JSON.stringify([
          { iso3: 'PRT', nameAsRecorded: 'Portugal' },
          { iso3: null, nameAsRecorded: 'Sovereign Military Order of Malta' },
        ]),
        themes: JSON.stringify(['Torture', 'Detention']),
      },
      { seq: 2, recommendingStates: JSON.stringify([{ iso3: 'CRI', nameAsRecorded: 'Costa Rica' }]), themes: null },
    ]);
    const tables = () =>
      sqlite.prepare("select name from sqlite_master where type = 'table' and name like 'upr%' order by name").pluck().all() as string[];
    expect(tables()).not.toContain('uprRecommendingState');
    expect(tables()).not.toContain('uprTheme');
    const columns = () => sqlite.prepare("select name from pragma_table_info('uprRecommendation')").pluck().all() as string[];
    expect(columns()).not.toContain('recordHash');
    // The full-text index still answers (the column changes do not touch `text`).
    expect(sqlite.prepare("select rowid from uprRecommendationFts where uprRecommendationFts match 'rome'").pluck().all()).toEqual([2]);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(
      sqlite
        .prepare('select recommendation, position, iso3, nameAsRecorded from uprRecommendingState order by recommendation, position')
        .all(),
    ).toEqual([
      { recommendation: 1, position: 0, iso3: 'PRT', nameAsRecorded: 'Portugal' },
      { recommendation: 1, position: 1, iso3: null, nameAsRecorded: 'Sovereign Military Order of Malta' },
      { recommendation: 2, position: 0, iso3: 'CRI', nameAsRecorded: 'Costa Rica' },
    ]);
    expect(sqlite.prepare('select recommendation, theme from uprTheme order by recommendation, theme').all()).toEqual([
      { recommendation: 1, theme: 'Detention' },
      { recommendation: 1, theme: 'Torture' },
    ]);
    expect(columns()).toContain('recordHash');
    expect(columns()).not.toContain('recommendingStates');
    await db.destroy();
  });
});
