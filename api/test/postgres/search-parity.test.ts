import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/database.js';
import { seededImage, sharedSeededApp } from '../helper.js';

/**
 * The UPR full-text search on PostgreSQL (tsvector/tsquery, migration 012) against SQLite's FTS5,
 * on the bundled corpus: the benchmark's queries (scripts/bench/upr-search.ts) and the cases the
 * query syntax promises (prefixes, phrases, short words, accents) find the same recommendations.
 */
export const PARITY_QUERIES = [
  'q=ratif&facets=true',
  'q=torture&facets=true',
  'q=%22Rome+Statute%22&facets=true',
  'q=optional+protocol+torture&facets=true',
  'q=women&facets=true',
  'q=child',
  'q=national+preventive+mechanism&facets=true',
  'q=disab&cycle=2&facets=true',
  'q=death+penalty&recommendingGroup=western-european-others&facets=true',
  'q=%22optional+protocol+to+the+convention+against+torture%22',
  'q=ICC',
  'q=un',
  'q=r%C3%A9serves',
  'q=Statute+Rome',
  'q=ratification&theme=Torture+and+other+CID+treatment',
  'q=accede&instrument=opcat',
];

let sqlite: FastifyInstance;
let postgres: { app: FastifyInstance; close: () => Promise<void> };
beforeAll(async () => {
  sqlite = await buildApp(
    loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent' }),
    createDb(seededImage()),
  );
  postgres = await sharedSeededApp();
});
afterAll(async () => {
  await sqlite.close();
  await postgres.close();
});

type Page = { total: number; items: { id: string }[]; facets?: unknown };
const search = async (app: FastifyInstance, query: string) =>
  (await app.inject(`/api/upr/recommendations?${query}&pageSize=20`)).json<Page>();

describe('UPR search on PostgreSQL and on SQLite', () => {
  it.each(PARITY_QUERIES)('%s: the same total, facets and first 20', async (query) => {
    const [lite, pg] = [await search(sqlite, query), await search(postgres.app, query)];
    expect(lite.total).toBeGreaterThan(0);
    expect(pg.total).toBe(lite.total);
    expect(pg.items.map((r) => r.id)).toEqual(lite.items.map((r) => r.id));
    expect(pg.facets).toEqual(lite.facets);
  });

  it('ranked by relevance, the same recommendations are found (ranking functions differ: BM25 and ts_rank)', async () => {
    const all = async (app: FastifyInstance) =>
      (await app.inject('/api/upr/recommendations?q=%22Rome+Statute%22&sort=relevance&pageSize=100')).json<Page>();
    const [lite, pg] = [await all(sqlite), await all(postgres.app)];
    expect(pg.total).toBe(lite.total);
    expect(new Set(pg.items.map((r) => r.id)).size).toBe(pg.items.length);
  });
});
