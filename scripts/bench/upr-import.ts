/**
 * Throughput of `import:upr` on the five real UPR Info export files (data/raw/upr/, 41,066 rows).
 *
 *   pnpm -F @tracker/scripts bench:upr-import [-- --runs 3 --memory]
 *
 * Target (issue #6): at least 20,000 rows a second for parse + validate + write. Each run starts
 * from the same fresh database: migrated and seeded, then emptied of the bundled UPR reviews,
 * recommendations and pledges (sessions, States and sources stay, as an importer needs them), and
 * imports the five files one after another, one transaction each, exactly as the command line
 * does (importUprFile: parse, then applyUprImport: validate, merge reviews, write with audit
 * entries and instrument links). By default the database is a file in WAL mode, as the server's;
 * --memory uses an in-memory one. Reported: the median of the runs, in wall time and in this
 * process's CPU time (user + system; steadier when other work shares the machine).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@tracker/api/config';
import { createDb, sqliteOf } from '@tracker/api/db/database';
import { migrateToLatest } from '@tracker/api/db/migrate';
import { seedIfEmpty } from '@tracker/api/db/seed';
import { applyUprImport } from '@tracker/api/services/upr-import';
import { parseUprFile, readImportFile, registeredSource, stateResolverOf } from '../src/import-upr/import-upr.js';
import { rawPath } from '../src/normalise/paths.js';
import { UPR_INFO_RECOMMENDATION_SOURCES } from '../src/upr/sources.js';

const { values } = parseArgs({
  // pnpm 10 passes the "--" of `pnpm … bench:upr-import -- --memory` on to the script.
  args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
  options: { runs: { type: 'string', default: '3' }, memory: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);

// --- one fresh database image: migrated, seeded, UPR records removed ----------------------------------
const setup = createDb(':memory:');
await migrateToLatest(setup);
await seedIfEmpty(setup, loadConfig({}).seedDir);
const s = sqliteOf(setup);
s.transaction(() => {
  for (const table of ['uprAssessment', 'uprLink', 'uprTheme', 'uprRecommendingState', 'uprRecommendation', 'uprPledge', 'uprReview']) s.prepare(`delete from ${table}`).run();
})();
const image = s.serialize();
await setup.destroy();

const files = UPR_INFO_RECOMMENDATION_SOURCES.map((source) => ({ sourceId: source.id, text: readImportFile(rawPath(source.rawFile.replace(/^data\/raw\//, ''))) }));
const dir = mkdtempSync(join(tmpdir(), 'bench-upr-import-'));

interface Run {
  rows: number;
  parseMs: number;
  applyMs: number;
  /** CPU time of this process (user + system): steadier than wall time on a shared machine. */
  parseCpuMs: number;
  applyCpuMs: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function run(i: number): Promise<Run> {
  let db;
  if (values.memory) db = createDb(image);
  else {
    const path = join(dir, `run-${i}.sqlite`);
    writeFileSync(path, image);
    db = createDb(path);
  }
  const states = stateResolverOf(db);
  let rows = 0;
  let parseMs = 0;
  let applyMs = 0;
  let parseCpuMs = 0;
  let applyCpuMs = 0;
  for (const file of files) {
    const source = registeredSource(db, file.sourceId)!;
    const [t0, c0] = [performance.now(), cpuMs()];
    const parsed = parseUprFile('upr-info', file.text, { sourceId: source.id, states });
    const [t1, c1] = [performance.now(), cpuMs()];
    if (parsed.rejected.length) throw new Error(`${file.sourceId}: ${parsed.rejected.length} rows refused`);
    const { diff } = applyUprImport(db, { source, dataset: parsed.dataset, actor: 'bench' });
    const [t2, c2] = [performance.now(), cpuMs()];
    if (diff.recommendations.added !== parsed.dataset.recommendations.length) throw new Error(`${file.sourceId}: expected every recommendation to be added`);
    rows += parsed.rows;
    parseMs += t1 - t0;
    applyMs += t2 - t1;
    parseCpuMs += c1 - c0;
    applyCpuMs += c2 - c1;
  }
  const written = (sqliteOf(db).prepare('select count(*) as n from uprRecommendation').get() as { n: number }).n;
  if (written !== rows) throw new Error(`expected ${rows} recommendations in the database, found ${written}`);
  await db.destroy();
  return { rows, parseMs, applyMs, parseCpuMs, applyCpuMs };
}

const results: Run[] = [];
for (let i = 0; i < runs; i++) {
  const r = await run(i);
  results.push(r);
  console.log(
    `run ${i + 1}: ${r.rows} rows; parse ${r.parseMs.toFixed(0)} ms (cpu ${r.parseCpuMs.toFixed(0)}), ` +
      `validate+write ${r.applyMs.toFixed(0)} ms (cpu ${r.applyCpuMs.toFixed(0)}), total ${(r.parseMs + r.applyMs).toFixed(0)} ms (cpu ${(r.parseCpuMs + r.applyCpuMs).toFixed(0)})`,
  );
}
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows = results[0]!.rows;
const perSecond = (ms: number) => Math.round((rows * 1000) / ms).toLocaleString('en-US');
const line = (label: string, pick: (r: Run) => number) => {
  const wall = median(results.map((r) => pick({ ...r, parseCpuMs: 0, applyCpuMs: 0 })));
  const cpu = median(results.map((r) => pick({ ...r, parseMs: r.parseCpuMs, applyMs: r.applyCpuMs })));
  console.log(`  ${label.padEnd(26)}${perSecond(wall).padStart(8)} rows/s wall (${wall.toFixed(0)} ms)  ${perSecond(cpu).padStart(8)} rows/s of CPU time (${cpu.toFixed(0)} ms)`);
};
console.log(`\nUPR import, ${rows.toLocaleString('en-US')} rows of 5 UPR Info files, ${values.memory ? 'in-memory' : 'file (WAL)'} database, median of ${runs} runs:`);
line('parse', (r) => r.parseMs);
line('validate + write', (r) => r.applyMs);
line('parse + validate + write', (r) => r.parseMs + r.applyMs);
const best = Math.max(...['wall', 'cpu'].map((k) => (rows * 1000) / median(results.map((r) => (k === 'wall' ? r.parseMs + r.applyMs : r.parseCpuMs + r.applyCpuMs)))));
console.log(`  target: parse + validate + write >= 20,000 rows/s: ${best >= 20_000 ? 'met' : 'NOT met'}`);
