/**
 * Latency of GET /api/upr/recommendations over at least 100,000 recommendations.
 *
 *   npx --yes pnpm@10 -F @tracker/scripts bench:upr-search [-- --rows 100000 --rounds 5]
 *
 * Target: p95 under 50 ms. The bundled 41,518 real recommendations are copied (new ids,
 * same texts, recommending States, themes and links) until the table holds `--rows`, for this
 * benchmark only, in a throw-away in-memory database. Every request has a distinct URL, so the
 * response cache never answers: each one runs the full-text match, the count, the page and (when
 * asked) the seven facet counts, and is serialised, as a first visit would be.
 */
import { parseArgs } from 'node:util';
import { createDb, loadConfig, migrateToLatest, seedIfEmpty, sqliteOf } from '@tracker/api';
import { buildApp } from '@tracker/api/app';
import { UPR_SEARCH_QUERIES } from './upr-search-queries.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '5' } } });
const targetRows = Number(values.rows);
const rounds = Number(values.rounds);

const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent' });
const db = createDb(':memory:');
await migrateToLatest(db);
await seedIfEmpty(db, config.seedDir);
const sqlite = sqliteOf(db);

/** Copies every real recommendation (and its instrument links) once more, with a new id. */
function replicate(copy: number) {
  const original = (sqlite.prepare("select max(seq) as m from uprRecommendation where id not like '%#%'").get() as { m: number }).m;
  const offset = copy * 10_000_000;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `insert into uprRecommendation (seq, id, reviewId, session, cycle, stateUnderReviewIso3, paragraph, text, recommendingStates, response, responseAsRecorded,
           responseSource, actionCategory, themes, sdgs, affectedPersons, documentSymbol, documentDate, externalId, sourceId, sourceLine, implementation)
         select seq + ?, id || '#' || ?, reviewId, session, cycle, stateUnderReviewIso3, paragraph, text, recommendingStates, response, responseAsRecorded,
           responseSource, actionCategory, themes, sdgs, affectedPersons, documentSymbol, documentDate, externalId, sourceId, sourceLine, implementation
         from uprRecommendation where seq <= ?`,
      )
      .run(offset, copy, original);
    sqlite.prepare('insert into uprRecommendationFts (rowid, text) select seq, text from uprRecommendation where seq > ?').run(offset);
    sqlite
      .prepare(
        'insert into uprLink (recommendation, instrumentId, action) select recommendation + ?, instrumentId, action from uprLink where recommendation <= ?',
      )
      .run(offset, original);
  })();
}
const count = () => (sqlite.prepare('select count(*) as n from uprRecommendation').get() as { n: number }).n;
const real = count();
for (let copy = 1; count() < targetRows; copy++) replicate(copy);
sqlite.pragma('optimize');
const rows = count();

const app = await buildApp(config, db);
await app.ready();
const indexStart = process.hrtime.bigint();
await app.inject('/api/upr/recommendations?pageSize=1&_=index');
const indexMs = Number(process.hrtime.bigint() - indexStart) / 1e6;

const latencies: number[] = [];
const perQuery = new Map<string, number[]>();
let n = 0;
// One warm-up pass (statement preparation), not measured.
for (const q of UPR_SEARCH_QUERIES) await app.inject(`/api/upr/recommendations?${q}&_=warm`);
for (let round = 0; round < rounds; round++) {
  for (const q of UPR_SEARCH_QUERIES) {
    // Another page size each time: the response cache keys on the validated query, so an unknown
    // parameter would not keep it from answering.
    const url = `/api/upr/recommendations?${q}&pageSize=${21 + (n++ % 29)}`;
    const start = process.hrtime.bigint();
    const res = await app.inject(url);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    latencies.push(ms);
    perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
  }
}
const quantile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
};
console.log(
  `UPR search over ${rows.toLocaleString('en')} recommendations (${real.toLocaleString('en')} real, copied for the benchmark), ${latencies.length} requests`,
);
for (const [q, xs] of perQuery) console.log(`  ${q.padEnd(72)} median ${quantile(xs, 0.5).toFixed(1)} ms`);
console.log(`first search after a data change (builds the column index): ${indexMs.toFixed(0)} ms`);
console.log(
  `p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (target: p95 < 50 ms)`,
);
await app.close();
