import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb, sqliteOf } from '../database.js';
import { migrations } from './index.js';

describe('migration 011: follow-up items of other mechanisms, bodies and indicators', () => {
  it('rebuilds followUpItem keeping every item and the actions and updates that point at it, and back', async () => {
    const db = createDb(':memory:');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026_12_06_010_follow_up_plans')).error).toBeUndefined();
    const sqlite = sqliteOf(db);
    // The parents of the rows (State, review, source) are not what this migration touches: left out.
    sqlite.pragma('foreign_keys = OFF');
    sqlite.exec(`
      insert into uprRecommendation (id, reviewId, session, cycle, stateUnderReviewIso3, text, sourceId, sourceLine, recommendingStates)
        values ('r1', 'SVN-48', 48, 4, 'SVN', 'Ratify OPCAT', 'src', 1, '[]');
      insert into followUpPlan (id, stateIso3, reviewId, title, organisation, visibility, createdAt, createdBy)
        values ('plan-1', 'SVN', 'SVN-48', 'Plan', 'NHRI', 'draft', '2026-01-01', 'a');
      insert into followUpItem (id, planId, recommendationId, position) values ('item-1', 'plan-1', 'r1', 0);
      insert into followUpAction (id, planId, itemId, description, status, recordedAt)
        values ('a1', 'plan-1', 'item-1', 'Draft a bill', 'planned', '2026-01-01');
    `);
    sqlite.pragma('foreign_keys = ON');
    const columns = () => sqlite.prepare("select name from pragma_table_info('followUpItem')").pluck().all() as string[];

    expect((await migrator.migrateTo('2026_12_07_011_follow_up_bodies_indicators')).error).toBeUndefined();
    expect(columns()).toEqual(expect.arrayContaining(['mechanism', 'documentSymbol', 'paragraph', 'text']));
    expect(sqlite.prepare('select id, recommendationId from followUpItem').all()).toEqual([{ id: 'item-1', recommendationId: 'r1' }]);
    expect(sqlite.prepare("select * from pragma_foreign_key_check('followUpAction')").all()).toEqual([]);
    // A hand-added recommendation needs its mechanism, symbol and text; one without is refused.
    sqlite
      .prepare(
        `insert into followUpItem (id, planId, position, mechanism, documentSymbol, text) values ('item-2', 'plan-1', 1, 'CAT', 'CAT/C/SVN/CO/4', 'Ensure…')`,
      )
      .run();
    expect(() => sqlite.prepare(`insert into followUpItem (id, planId, position) values ('item-3', 'plan-1', 2)`).run()).toThrow(/CHECK/);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(columns()).not.toContain('mechanism');
    expect(sqlite.prepare('select id from followUpItem').pluck().all()).toEqual(['item-1']);
    expect(sqlite.prepare('select itemId from followUpAction').pluck().all()).toEqual(['item-1']);
    await db.destroy();
  });
});
