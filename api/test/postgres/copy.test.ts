import { afterEach, describe, expect, it } from 'vitest';
import { COPIED_TABLES, copyDatabase } from '../../src/db/copy.js';
import { createDb, type Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { editorToken, seededImage } from '../helper.js';
import { freshDatabase } from '../databases.js';

/** A value as it means: JSON text (either engine's spelling, any key order) by the value it holds. */
const meaning = (value: unknown): unknown => {
  if (typeof value !== 'string' || !/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};
async function tables(db: Kysely<Database>) {
  const all: Record<string, unknown[]> = {};
  for (const { table, key } of COPIED_TABLES) {
    let query = db.selectFrom(table).selectAll();
    for (const column of key) query = query.orderBy(column as never);
    all[table] = (await query.execute()).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, meaning(v)])));
  }
  return all;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('db:copy between SQLite and PostgreSQL', () => {
  it(
    'a round trip SQLite -> PostgreSQL -> SQLite leaves every table equal, accounts, assessments and the audit log included',
    { timeout: 180_000 },
    async () => {
      // An installation in use: the bundled data plus an editor, an API token, an assessment.
      const original = createDb(seededImage());
      const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent' }), original);
      cleanups.push(() => app.close());
      const { headers } = await editorToken(app, ['upr-assessments'], { organisation: 'National mechanism' });
      const id = (await app.inject('/api/upr/recommendations?state=SVN&pageSize=1')).json().items[0].id as string;
      const assessed = await app.inject({
        method: 'POST',
        url: `/api/upr/recommendations/${encodeURIComponent(id)}/assessments`,
        headers,
        payload: {
          status: 'partially-implemented',
          assessedOn: '2025-06-01',
          sourceKind: 'stakeholder-report',
          sourceTitle: 'Joint stakeholder submission (test)',
          sourceUrl: 'https://example.org/submission.pdf',
          evidence: null,
          reason: 'Copy test',
        },
      });
      expect(assessed.statusCode).toBe(201);

      const postgres = await freshDatabase(false);
      cleanups.push(async () => {
        await postgres.db.destroy();
        await postgres.drop();
      });
      const there = await copyDatabase(original, postgres.db);
      const back = createDb(':memory:');
      cleanups.push(() => back.destroy());
      await migrateToLatest(back);
      const again = await copyDatabase(postgres.db, back);
      expect(again.rows).toEqual(there.rows);
      expect(there.rows.uprRecommendation).toBeGreaterThan(40_000);
      expect(there.rows.user).toBe(1);
      expect(there.rows.uprAssessment).toBe(1);

      const before = await tables(original);
      expect(await tables(postgres.db)).toEqual(before);
      expect(await tables(back)).toEqual(before);

      // The copies work as databases, not only as rows: search finds the same, new keys follow the copied ones.
      const onCopy = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent' }), back);
      cleanups.push(() => onCopy.close());
      const search = '/api/upr/recommendations?q=optional%20protocol%20tortur&pageSize=20';
      expect((await onCopy.inject(search)).json()).toEqual((await app.inject(search)).json());
      const next = await postgres.db
        .insertInto('readerFlag')
        .values({ pageUrl: '/', instrumentId: null, stateIso3: null, message: 'test', contact: null, createdAt: '2026-12-05' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(next.id).toBeGreaterThan(0);
      const afterCopy = await postgres.db
        .insertInto('auditLog')
        .values({
          at: 'x',
          actor: 't',
          action: 'a',
          entity: 'e',
          entityId: '1',
          before: null,
          after: null,
          sourceId: null,
          organisation: null,
          reason: null,
          instrumentId: null,
          stateIso3: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(afterCopy.id).toBe(Math.max(...(before.auditLog as { id: number }[]).map((r) => r.id)) + 1);
    },
  );

  it('refuses a target that already holds data, and a target at other migrations, writing nothing', async () => {
    const source = createDb(seededImage());
    cleanups.push(() => source.destroy());
    const seeded = await freshDatabase(true);
    cleanups.push(async () => {
      await seeded.db.destroy();
      await seeded.drop();
    });
    await expect(copyDatabase(source, seeded.db)).rejects.toThrow(/already holds data \(\d+ rows in source\)/);
    const older = await freshDatabase(false);
    cleanups.push(async () => {
      await older.db.destroy();
      await older.drop();
    });
    await sql`delete from kysely_migration where name like '2026_12_08%'`.execute(older.db);
    await expect(copyDatabase(source, older.db)).rejects.toThrow(/not at the same migrations/);
    expect(await older.db.selectFrom('source').select('id').execute()).toEqual([]);
  });
});
