/**
 * SQLite and PostgreSQL side by side, in one run:
 *
 *   scripts/with-postgres.sh npx --yes pnpm@10 -F @tracker/scripts bench:postgres [-- --rows 500000 --seconds 20]
 *
 * (scripts/with-postgres.sh starts a private PostgreSQL server for the run, or uses the one
 * TEST_DATABASE_URL names; the built server is needed for part 4: `pnpm build` first.)
 *
 * 1. Import throughput: the seven files of the UPR Info export of 2018 (61,013 rows), read, parsed,
 *    validated and written as `import:upr` does, one transaction per file, into a seeded database
 *    emptied of its UPR reviews, recommendations and pledges.
 * 2. The status endpoint (GET /api/instruments/rome-statute/status), in process: each request on
 *    another date, so the response cache never answers, then the same URL again (cached).
 * 3. UPR search over `--rows` recommendations (the bundled ones copied with new ids until the
 *    table holds that many): the queries of bench/upr-search.ts, each URL distinct, p50 and p95.
 *    Target: p95 under 50 ms on both.
 * 4. The built server as `pnpm start` runs it, on PostgreSQL: one process, then two on the same
 *    database, under autocannon at `--connections` clients (shared between the two processes, as
 *    a round-robin balancer would), on pages no cache can answer (a State's profile on a random
 *    date). Target: two processes at least 1.6 times the requests per second of one. The load
 *    generator and PostgreSQL share the machine with the servers.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { applyPreparedUprImport, createDb, loadConfig, migrateToLatest, repoRoot, seedIfEmpty, sqlOf, type Database } from '@tracker/api';
import { buildApp } from '@tracker/api/app';
import type { Kysely } from 'kysely';
import { benchArgs } from './args.js';
import { UPR_SEARCH_QUERIES } from './upr-search-queries.js';
import { prepareUprFile, stateNamesOf, type UprFileJob } from '../src/import-upr/import-upr.js';
import { rawPath } from '../src/normalise/paths.js';
import { createStateNameResolver } from '../src/upr/names.js';
import { UPR_INFO_2018_SOURCES } from '../src/upr/sources.js';
import { parseUprInfoCsv } from '../src/upr/upr-info.js';

const { values } = parseArgs({
  args: benchArgs(),
  options: {
    rows: { type: 'string', default: '500000' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
  },
});
const server = process.env.TEST_DATABASE_URL;
if (!server) throw new Error('run through scripts/with-postgres.sh, or set TEST_DATABASE_URL to a PostgreSQL server');
const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent', RATE_LIMIT_PER_MINUTE: '0' });
const dir = mkdtempSync(join(tmpdir(), 'bench-postgres-'));

// --- databases ---------------------------------------------------------------------------------
const created: string[] = [];
async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: new URL('/postgres', server).href });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}
async function newPostgres(): Promise<string> {
  const name = `tracker_bench_${created.length}_${Date.now()}`;
  await onServer(`create database "${name}" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
  created.push(name);
  return new URL(`/${name}`, server).href;
}
const engines = {
  sqlite: () => createDb(join(dir, `bench-${Date.now()}-${Math.random()}.sqlite`)),
  postgres: async () => createDb(await newPostgres()),
} as const;
type Engine = keyof typeof engines;
const open = async (engine: Engine) => (engine === 'sqlite' ? engines.sqlite() : engines.postgres());

async function seeded(engine: Engine): Promise<Kysely<Database>> {
  const db = await open(engine);
  await migrateToLatest(db);
  await seedIfEmpty(db, loadConfig({}).seedDir);
  return db;
}

const quantile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
};
const table: string[][] = [];
const row = (...cells: string[]) => {
  table.push(cells);
  console.log(cells.join(' | '));
};

// --- 1. import throughput ------------------------------------------------------------------------
async function importThroughput(engine: Engine) {
  const db = await seeded(engine);
  const q = sqlOf(db);
  for (const t of ['uprAssessment', 'uprLink', 'uprRecommendation', 'uprPledge', 'uprReview']) await q.run(`delete from ${t}`);
  const states = createStateNameResolver(await stateNamesOf(db));
  const jobs: UprFileJob[] = UPR_INFO_2018_SOURCES.map((source) => {
    const path = join(dir, source.rawFile.split('/').at(-1)!);
    const text = readFileSync(rawPath(source.rawFile.replace(/^data\/raw\//, '')), 'utf8');
    const refused = new Set(parseUprInfoCsv(text, { sourceId: 'bench', states }).rejected.map((r) => r.line));
    writeFileSync(
      path,
      refused.size
        ? text
            .split('\n')
            .filter((_, i) => !refused.has(i + 1))
            .join('\n')
        : text,
    );
    return { path, format: 'upr-info', source: source.definition };
  });
  let rows = 0;
  const t0 = performance.now();
  for (const job of jobs) {
    const file = await prepareUprFile(job, states, 'bench');
    if (!file.prepared || file.problems.length) throw new Error(`${job.path}: refused`);
    await applyPreparedUprImport(db, file.prepared);
    rows += file.parsed!.rows;
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.destroy();
  return { rows, seconds };
}

// --- 2. status endpoint ---------------------------------------------------------------------------
async function statusLatency(db: Kysely<Database>) {
  const app = await buildApp(config, db);
  await app.ready();
  await app.inject('/api/instruments/rome-statute/status');
  const uncached: number[] = [];
  const day = Date.UTC(2002, 6, 1);
  for (let i = 0; i < 60; i++) {
    const asOf = new Date(day + i * 86_400_000 * 97).toISOString().slice(0, 10);
    const t = performance.now();
    const res = await app.inject(`/api/instruments/rome-statute/status?asOf=${asOf}`);
    uncached.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
  }
  const cached: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    await app.inject('/api/instruments/rome-statute/status?asOf=2010-01-01');
    cached.push(performance.now() - t);
  }
  return { app, uncached, cached };
}

// --- 3. UPR search at many rows -----------------------------------------------------------------
const COLUMNS = `reviewId, session, cycle, stateUnderReviewIso3, paragraph, text, recommendingStates, response, responseAsRecorded,
  responseSource, actionCategory, themes, sdgs, affectedPersons, documentSymbol, documentDate, externalId, sourceId, sourceLine, implementation`;

/** Copies every bundled recommendation (and its links) until the table holds `target` rows; new ids, same texts. */
async function grow(db: Kysely<Database>, target: number) {
  const q = sqlOf(db);
  const count = async () => (await q.column<number>('select count(*) from uprRecommendation'))[0]!;
  const original = (await q.column<number>('select max(seq) from uprRecommendation'))[0]!;
  for (let copy = 1; (await count()) < target; copy++) {
    const offset = copy * 10_000_000;
    await db.transaction().execute(async (trx) => {
      const t = sqlOf(db, trx);
      await t.run(
        `insert into uprRecommendation (seq, id, ${COLUMNS}) select seq + ?, id || '#' || ?, ${COLUMNS} from uprRecommendation where seq <= ?`,
        [offset, String(copy), original],
      );
      if (t.dialect === 'sqlite')
        await t.run('insert into uprRecommendationFts (rowid, text) select seq, text from uprRecommendation where seq > ?', [offset]);
      await t.run(
        'insert into uprLink (recommendation, instrumentId, action) select recommendation + ?, instrumentId, action from uprLink where recommendation <= ?',
        [offset, original],
      );
    });
  }
  await q.run(q.dialect === 'sqlite' ? 'pragma optimize' : 'analyze');
  return count();
}

async function searchLatency(db: Kysely<Database>) {
  const app = await buildApp(config, db);
  await app.ready();
  const t = performance.now();
  await app.inject('/api/upr/recommendations?pageSize=1&_=index');
  const indexMs = performance.now() - t;
  for (const query of UPR_SEARCH_QUERIES) await app.inject(`/api/upr/recommendations?${query}&_=warm`);
  const latencies: number[] = [];
  let n = 0;
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const query of UPR_SEARCH_QUERIES) {
      // Another page size each time: the response cache keys on the validated query, so an unknown
      // parameter would not keep it from answering.
      const url = `/api/upr/recommendations?${query}&pageSize=${21 + (n++ % 29)}`;
      const start = performance.now();
      const res = await app.inject(url);
      latencies.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    }
  }
  await app.close();
  return { latencies, indexMs };
}

// --- 4. one and two processes -------------------------------------------------------------------
const healthy = (base: string) =>
  new Promise<boolean>((resolve) => {
    get(`${base}/api/health`, (res) => res.resume().on('end', () => resolve(res.statusCode === 200))).on('error', () => resolve(false));
  });
async function startServer(port: number, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'api/dist/server.js')], {
    // fatal: the requests still running when the bench stops a server would each log an error.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'fatal', DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: '0' },
    stdio: 'inherit',
  });
  for (let i = 0; !(await healthy(`http://127.0.0.1:${port}`)); i++) {
    if (i > 600 || child.exitCode !== null) throw new Error('the server did not start (run `pnpm build` first)');
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}
const STATES = ['UKR', 'HUN', 'MEX', 'VEN', 'GBR', 'KEN', 'COD', 'SVN', 'FRA', 'BRA', 'IND', 'ZAF'];
/** A State's profile on a random date: no response or page cache holds it. */
const uncachedPage = () => {
  const day = new Date(Date.UTC(1999, 0, 1) + Math.floor(Math.random() * 9500) * 86_400_000).toISOString().slice(0, 10);
  return `/states/${STATES[Math.floor(Math.random() * STATES.length)]}?asOf=${day}`;
};
async function throughput(ports: number[]) {
  const connections = Number(values.connections);
  const results = await Promise.all(
    ports.map(
      (port) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          autocannon(
            {
              url: `http://127.0.0.1:${port}`,
              connections: Math.round(connections / ports.length),
              duration: Number(values.seconds),
              requests: [{ setupRequest: (req) => ({ ...req, path: uncachedPage() }) }],
            },
            (err: Error | null, result) => (err ? reject(err) : resolve(result)),
          );
        }),
    ),
  );
  return {
    perSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    errors: results.reduce((sum, r) => sum + r.errors + r.non2xx + r.timeouts, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
  };
}

// --- the run -------------------------------------------------------------------------------------
try {
  console.log(`SQLite and PostgreSQL on this machine (${availableParallelism()} cores), one run\n`);
  row('measure', 'SQLite', 'PostgreSQL');
  row('---', '---:', '---:');
  const imports = { sqlite: await importThroughput('sqlite'), postgres: await importThroughput('postgres') };
  row(
    `import:upr, ${imports.sqlite.rows.toLocaleString('en')} rows (rows/s)`,
    (imports.sqlite.rows / imports.sqlite.seconds).toFixed(0),
    (imports.postgres.rows / imports.postgres.seconds).toFixed(0),
  );

  const dbs = { sqlite: await seeded('sqlite'), postgres: await seeded('postgres') };
  const status = { sqlite: await statusLatency(dbs.sqlite), postgres: await statusLatency(dbs.postgres) };
  row(
    'status endpoint, uncached: median ms',
    quantile(status.sqlite.uncached, 0.5).toFixed(1),
    quantile(status.postgres.uncached, 0.5).toFixed(1),
  );
  row(
    'status endpoint, uncached: p95 ms',
    quantile(status.sqlite.uncached, 0.95).toFixed(1),
    quantile(status.postgres.uncached, 0.95).toFixed(1),
  );
  row(
    'status endpoint, cached: median ms',
    quantile(status.sqlite.cached, 0.5).toFixed(2),
    quantile(status.postgres.cached, 0.5).toFixed(2),
  );

  const rows = { sqlite: await grow(dbs.sqlite, Number(values.rows)), postgres: await grow(dbs.postgres, Number(values.rows)) };
  const search = { sqlite: await searchLatency(dbs.sqlite), postgres: await searchLatency(dbs.postgres) };
  row(
    `UPR search over ${rows.sqlite.toLocaleString('en')} rows: p50 ms`,
    quantile(search.sqlite.latencies, 0.5).toFixed(1),
    quantile(search.postgres.latencies, 0.5).toFixed(1),
  );
  row(
    `UPR search over ${rows.postgres.toLocaleString('en')} rows: p95 ms (target < 50)`,
    quantile(search.sqlite.latencies, 0.95).toFixed(1),
    quantile(search.postgres.latencies, 0.95).toFixed(1),
  );
  row(
    'UPR search: first search after a data change (column index) ms',
    search.sqlite.indexMs.toFixed(0),
    search.postgres.indexMs.toFixed(0),
  );
  await status.sqlite.app.close();
  await status.postgres.app.close();

  const url = await newPostgres();
  const first = await startServer(4801, url);
  const one = await throughput([4801]);
  const second = await startServer(4802, url);
  const two = await throughput([4801, 4802]);
  first.kill();
  second.kill();
  console.log('');
  row(`PostgreSQL, uncached State profiles at ${values.connections} clients`, 'requests/s', 'median ms', 'errors');
  row('---', '---:', '---:', '---:');
  row('1 process', one.perSecond.toFixed(0), String(one.p50), String(one.errors));
  row('2 processes', two.perSecond.toFixed(0), String(two.p50), String(two.errors));
  row('2 processes / 1 (target >= 1.6)', (two.perSecond / one.perSecond).toFixed(2), '', '');
} finally {
  rmSync(dir, { recursive: true, force: true });
  for (const name of created) await onServer(`drop database if exists "${name}" with (force)`).catch(() => {});
}
