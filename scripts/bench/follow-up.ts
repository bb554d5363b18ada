/**
 * The follow-up workspace on the built product (its own process, a fresh seeded database), as an
 * organisation uses it: a plan for Slovenia's 48th-session review (254 recommendations), then
 *
 * - the import of a 250-row implementation matrix as CSV (each row: a paragraph, a cluster, a
 *   responsible body, an action with its timeline, a status with its evidence), previewed
 *   (dryRun=true) and applied, into a fresh plan each run;
 * - the import of that plan's own export as XLSX (one row per action) into another fresh plan;
 * - the mid-term report: the printable page (HTML, as the owner sees it, never cached) and the
 *   Word document.
 *
 *   pnpm -F @tracker/scripts bench:follow-up [-- --runs 5 --port 4390]
 *
 * Reported: the median and the slowest of the runs, wall time seen by the client. The actions and
 * statuses are made up for the bench; no State's real progress is claimed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchArgs } from './args.js';
import { stringify } from 'csv-stringify/sync';
import { createFirstAdmin, signInAs, startBuiltServer, type BuiltServer } from './built-server.js';

const { values } = parseArgs({
  args: benchArgs(),
  options: { runs: { type: 'string', default: '5' }, port: { type: 'string', default: '4390' } },
});
const runs = Number(values.runs);
const ADMIN = {
  email: 'bench-follow-up@example.org',
  name: 'Bench admin',
  organisation: 'Bench national mechanism',
  password: `bench-${Date.now()}-password`,
};
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const dataDir = mkdtempSync(join(tmpdir(), 'bench-follow-up-'));
const databasePath = join(dataDir, 'db.sqlite');
createFirstAdmin(databasePath, ADMIN);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;

let server: BuiltServer | undefined;
try {
  server = await startBuiltServer({
    port: values.port,
    name: 'follow-up',
    env: { DATABASE_PATH: databasePath, RATE_LIMIT_PER_MINUTE: '0' },
  });
  const base = server.base;
  const headers = await signInAs(base, ADMIN);

  const timed = async (url: string, init: RequestInit = {}) => {
    const start = performance.now();
    const res = await fetch(`${base}${url}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
    const body = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new Error(`${url}: ${res.status} ${body.toString().slice(0, 500)}`);
    return { ms: performance.now() - start, body };
  };
  const newPlan = async () => {
    const res = await timed('/api/follow-up/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reviewId: 'SVN-48', title: 'Bench plan' }),
    });
    return JSON.parse(res.body.toString()) as { id: string; clusters: { recommendations: { paragraph: string | null; text: string }[] }[] };
  };

  // The 250-row matrix, from the review's recommendations that have a paragraph of their own.
  const first = await newPlan();
  const recommendations = first.clusters.flatMap((c) => c.recommendations);
  const counts = new Map<string, number>();
  for (const r of recommendations) if (r.paragraph) counts.set(r.paragraph, (counts.get(r.paragraph) ?? 0) + 1);
  const rows = recommendations
    .filter((r) => r.paragraph && counts.get(r.paragraph) === 1)
    .slice(0, 250)
    .map((r, i) => [
      r.paragraph,
      r.text,
      `Cluster ${(i % 12) + 1}`,
      `Ministry ${(i % 7) + 1}`,
      `Planned action ${i + 1} (bench)`,
      `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
      ['not started', 'in progress', 'partially implemented', 'implemented'][i % 4],
      '2026-06-30',
      'https://example.org/bench-evidence',
    ]);
  if (rows.length !== 250) throw new Error(`only ${rows.length} recommendations with a paragraph of their own`);
  const csv = Buffer.from(
    stringify([
      ['Paragraph', 'Recommendation', 'Cluster', 'Responsible body', 'Action', 'Timeline', 'Status', 'Status date', 'Evidence'],
      ...rows,
    ]),
  );

  const results: Record<string, number[]> = {
    'CSV 250 rows, dry run': [],
    'CSV 250 rows, applied': [],
    'XLSX export (plan of 254)': [],
    'XLSX re-import into a fresh plan, applied': [],
    'report page (HTML)': [],
    'report (DOCX)': [],
  };
  let xlsxRows = 0;
  let csvChanges = 0;
  for (let run = 0; run < runs; run++) {
    const plan = await newPlan();
    const url = `/api/follow-up/plans/${plan.id}`;
    const importAs = (file: Buffer, type: string, query: string, planUrl = url) =>
      timed(`${planUrl}/import?${query}`, { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(file) });
    results['CSV 250 rows, dry run']!.push((await importAs(csv, 'text/csv', 'dryRun=true')).ms);
    const applied = await importAs(csv, 'text/csv', 'dryRun=false');
    results['CSV 250 rows, applied']!.push(applied.ms);
    const { summary } = JSON.parse(applied.body.toString()) as { summary: { changes: number; refused: number } };
    if (summary.refused) throw new Error(`refused rows: ${JSON.stringify(summary)}`);
    csvChanges = summary.changes;
    const xlsx = await timed(`${url}?format=xlsx`);
    results['XLSX export (plan of 254)']!.push(xlsx.ms);
    const other = await newPlan();
    const reimport = await importAs(xlsx.body, XLSX_TYPE, 'dryRun=false', `/api/follow-up/plans/${other.id}`);
    results['XLSX re-import into a fresh plan, applied']!.push(reimport.ms);
    xlsxRows = (JSON.parse(reimport.body.toString()) as { summary: { rows: number } }).summary.rows;
    results['report page (HTML)']!.push((await timed(`/follow-up/plans/${plan.id}/report`)).ms);
    results['report (DOCX)']!.push((await timed(`${url}?format=docx`)).ms);
  }
  console.log(
    `follow-up bench: ${runs} runs, ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(2)}; CSV import: ${csvChanges} changes applied; XLSX rows ${xlsxRows}`,
  );
  console.log('| step | median | slowest |\n|---|---|---|');
  for (const [step, times] of Object.entries(results)) console.log(`| ${step} | ${ms(median(times))} | ${ms(Math.max(...times))} |`);
} finally {
  server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
