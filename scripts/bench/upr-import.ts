/**
 * Throughput of `import:upr` on the seven files of the UPR Info export of 2018 (data/raw/upr/,
 * sessions 1-27, 61,014 rows, of which the parser refuses one that has no session: 61,013).
 *
 *   pnpm -F @tracker/scripts bench:upr-import [-- --runs 3 --memory]
 *
 * Target: at least 20,000 rows a second for parse + validate + write. Each run starts
 * from the same fresh database: migrated and seeded, then emptied of the bundled UPR reviews,
 * recommendations and pledges (sessions, States and sources stay, as an importer needs them), and
 * imports the seven files one after another, one transaction each, as `import:upr` does with each:
 * read, parse and validate (prepareUprFile), then check against the database and write
 * (applyPreparedUprImport). By default the database is a file in WAL mode, as the server's; --memory uses an in-memory one.
 * Reported: the median of the runs (wall time).
 *
 * `import:upr` refuses a file with a refused row, so the bench imports, from a temporary folder, a
 * copy of each file without the rows the parser refuses (the one row of the sessions 1-6 file with
 * no session), written before any run is timed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchArgs } from './args.js';
import { applyPreparedUprImport, createDb, loadConfig, migrateToLatest, seedIfEmpty, sqliteOf } from '@tracker/api';
import { prepareUprFile, stateNamesOf, type PreparedUprFile, type UprFileJob } from '../src/import-upr/import-upr.js';
import { rawPath } from '../src/normalise/paths.js';
import { createStateNameResolver } from '../src/upr/names.js';
import { UPR_INFO_2018_SOURCES } from '../src/upr/sources.js';
import { parseUprInfoCsv } from '../src/upr/upr-info.js';

const { values } = parseArgs({
  args: benchArgs(),
  options: { runs: { type: 'string', default: '3' }, memory: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);

// --- one fresh database image: migrated, seeded, UPR records removed ----------------------------------
const setup = createDb(':memory:');
await migrateToLatest(setup);
await seedIfEmpty(setup, loadConfig({}).seedDir);
const s = sqliteOf(setup);
s.transaction(() => {
  for (const table of ['uprAssessment', 'uprLink', 'uprRecommendation', 'uprPledge', 'uprReview']) s.prepare(`delete from ${table}`).run();
})();
const image = s.serialize();

const stateNames = await stateNamesOf(setup);
await setup.destroy();
const dir = mkdtempSync(join(tmpdir(), 'bench-upr-import-'));

/** The file's text without the lines of the rows the parser refuses (each such row here is one line). */
function withoutRefusedRows(text: string): string {
  const { rejected } = parseUprInfoCsv(text, { sourceId: 'bench', states: createStateNameResolver(stateNames) });
  const refused = new Set(rejected.map((r) => r.line));
  return refused.size === 0
    ? text
    : text
        .split('\n')
        .filter((_, i) => !refused.has(i + 1))
        .join('\n');
}
const jobs: UprFileJob[] = UPR_INFO_2018_SOURCES.map((source) => {
  const path = join(dir, source.rawFile.split('/').at(-1)!);
  writeFileSync(path, withoutRefusedRows(readFileSync(rawPath(source.rawFile.replace(/^data\/raw\//, '')), 'utf8')));
  return { path, format: 'upr-info', source: source.definition };
});

interface Run {
  rows: number;
  totalMs: number;
  /** CPU time of the process (user + system) over the same span: what other work on the machine does not stretch. */
  cpuMs: number;
  /** Of which reading, parsing and validating. */
  prepareMs: number;
}

let opened = 0;
function freshDb() {
  if (values.memory) return createDb(image);
  const path = join(dir, `run-${opened++}.sqlite`);
  writeFileSync(path, image);
  return createDb(path);
}

async function applied(db: ReturnType<typeof createDb>, file: PreparedUprFile): Promise<number> {
  if (!file.prepared || file.problems.length || file.fileError) throw new Error(`${file.job.path}: refused`);
  const { diff } = await applyPreparedUprImport(db, file.prepared);
  if (diff.recommendations.added !== file.parsed!.counts.recommendations)
    throw new Error(`${file.job.path}: expected every recommendation to be added`);
  return file.parsed!.rows;
}

function expectWritten(db: ReturnType<typeof createDb>, rows: number) {
  const written = (sqliteOf(db).prepare('select count(*) as n from uprRecommendation').get() as { n: number }).n;
  if (written !== rows) throw new Error(`expected ${rows} recommendations in the database, found ${written}`);
}

async function run(): Promise<Run> {
  const states = createStateNameResolver(stateNames);
  const db = freshDb();
  let rows = 0;
  let prepareMs = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const job of jobs) {
    const p0 = performance.now();
    const file = await prepareUprFile(job, states, 'bench');
    prepareMs += performance.now() - p0;
    rows += await applied(db, file);
  }
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  expectWritten(db, rows);
  await db.destroy();
  return { rows, totalMs, prepareMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const results: Run[] = [];
for (let i = 0; i < runs; i++) {
  const r = await run();
  results.push(r);
  console.log(
    `run ${i + 1}: ${r.rows} rows in ${r.totalMs.toFixed(0)} ms (read+parse+validate ${r.prepareMs.toFixed(0)}, check+write ${(r.totalMs - r.prepareMs).toFixed(0)}; CPU ${r.cpuMs.toFixed(0)} ms)`,
  );
}
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows = results[0]!.rows;
const line = (label: string, ms: number) =>
  console.log(
    `  ${label.padEnd(26)}${Math.round((rows * 1000) / ms)
      .toLocaleString('en-US')
      .padStart(8)} rows/s (${ms.toFixed(0)} ms)`,
  );
console.log(
  `\nUPR import, ${rows.toLocaleString('en-US')} rows of ${jobs.length} UPR Info files, ${values.memory ? 'in-memory' : 'file (WAL)'} database, median of ${runs} runs:`,
);
const prepare = median(results.map((r) => r.prepareMs));
const total = median(results.map((r) => r.totalMs));
line('read + parse + validate', prepare);
line('check + write', median(results.map((r) => r.totalMs - r.prepareMs)));
line('all of it', total);
line('all of it, CPU time', median(results.map((r) => r.cpuMs)));
console.log(
  `  load average while it ran: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (wall time stretches when other work competes for them)`,
);
console.log(`  target: all of it >= 20,000 rows/s: ${(rows * 1000) / total >= 20_000 ? 'met' : 'NOT met'}`);
