import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb, sqliteOf } from '../database.js';
import { migrations } from './index.js';

describe('migration 007: a UPR session note', () => {
  it('adds the nullable column, keeps the stored sessions, and drops the column on the way down', async () => {
    const db = createDb(':memory:');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026_11_23_006_upr_lists_on_the_recommendation')).error).toBeUndefined();
    const sqlite = sqliteOf(db);
    sqlite.prepare(`insert into uprSession (session, cycle, year, sourceIds) values (26, 2, 2016, '["src"]')`).run();
    const columns = () => sqlite.prepare("select name from pragma_table_info('uprSession')").pluck().all() as string[];

    expect((await migrator.migrateTo('2026_12_04_007_upr_session_note')).error).toBeUndefined();
    expect(columns()).toContain('note');
    expect(sqlite.prepare('select session, note from uprSession').all()).toEqual([{ session: 26, note: null }]);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(columns()).not.toContain('note');
    expect(sqlite.prepare('select session, year from uprSession').all()).toEqual([{ session: 26, year: 2016 }]);
    await db.destroy();
  });
});
