/**
 * The built product under load, measured from outside: the server runs as `pnpm start` runs it
 * (its own process, a fresh temporary database, loopback only) and autocannon plays many readers.
 *
 *   npx --yes pnpm@10 -F @tracker/scripts bench:load [--seconds 30] [--connections 50] [--ratio-seconds 20] [--server path/to/api/dist/server.js]
 *
 * 1. The main pages and API routes at once, the clients shared out between them, with
 *    cache-busting variants (an unknown query parameter with a random value, a random valid
 *    date): per route, requests per second, median and 99th percentile latency, errors (answers
 *    other than 2xx/3xx) and requests without an answer (failed connections, 10 s timeouts).
 * 2. The target, in the same run: the map page alone and the status endpoint it is drawn from
 *    alone (before and after the map), at the same number of clients: the map's median latency
 *    at most 5x the endpoint's, its throughput at least 20% of the endpoint's. These runs use
 *    --workers load-generator threads (default 2): one autocannon thread reads some 80 MB/s, so
 *    on the map page (40 KB compressed) it tops out near 1,900 pages/s while the server sits at a
 *    quarter of a core; with one thread the ratio would measure the client, not the server. The
 *    server's own CPU time per answer (from /proc, on Linux) is printed beside them.
 *
 *
 * --server runs another build (another checkout's api/dist/server.js), to compare before and
 * after a change. Rate limits are turned off (RATE_LIMIT_PER_MINUTE=0): every request comes
 * from one address here. The load generator shares the machine with the server.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchArgs } from './args.js';
import { repoRoot } from '@tracker/api';

const { values } = parseArgs({
  args: benchArgs(),
  options: {
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    'ratio-seconds': { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
    server: { type: 'string', default: join(repoRoot, 'api/dist/server.js') },
    port: { type: 'string', default: '3292' },
  },
});
const seconds = Number(values.seconds);
const ratioSeconds = Number(values['ratio-seconds']);
const connections = Number(values.connections);
const workers = Number(values.workers);
const serverEntry = resolve(values.server);
const base = `http://127.0.0.1:${values.port}`;
// What browsers send.
const headers = { 'accept-encoding': 'gzip, deflate, br' };

const MAP = '/maps/rome-statute';
const STATUS = '/api/instruments/rome-statute/status';

/** A date between the Statute's entry into force and today, as a reader moving the date might ask for. */
function randomDate(): string {
  const from = Date.UTC(2002, 6, 1);
  return new Date(from + Math.floor(Math.random() * ((Date.now() - from) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

interface Route {
  name: string;
  path: string;
  /** A new path for every request (cache busting). */
  vary?: () => string;
}

const ROUTES: Route[] = [
  { name: 'home', path: '/' },
  { name: 'map', path: MAP },
  { name: 'map ?utm=<random>', path: MAP, vary: () => `${MAP}?utm_source=${Math.random().toString(36).slice(2)}` },
  { name: 'map ?asOf=<random date>', path: MAP, vary: () => `${MAP}?asOf=${randomDate()}` },
  { name: 'state profile BDI', path: '/states/BDI' },
  { name: 'instrument page', path: '/instruments/rome-statute' },
  { name: 'compare', path: '/compare' },
  { name: 'cat-reporting', path: '/cat-reporting' },
  { name: 'upr', path: '/upr' },
  { name: 'upr ?q=torture', path: '/upr?q=torture' },
  { name: 'api status', path: STATUS },
  { name: 'api status ?asOf=<random date>', path: STATUS, vary: () => `${STATUS}?asOf=${randomDate()}` },
  { name: 'api upr search', path: '/api/upr/recommendations?q=torture' },
  { name: 'api states', path: '/api/states' },
];

interface Sample {
  latencies: number[];
  /** Answers other than 2xx/3xx. */
  errors: number;
  seconds: number;
  /** Requests that got no answer: connection errors and timeouts. */
  failures: number;
}

const newSample = (): Sample => ({ latencies: [], errors: 0, seconds: 0, failures: 0 });
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN;

/** Loads one route for `duration` seconds, adding every answer's latency to the sample. */
function load(route: Route, clients: number, duration: number, sample: Sample): Promise<void> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: clients,
        duration,
        headers,
        requests: [
          {
            method: 'GET',
            path: route.path,
            ...(route.vary ? { setupRequest: (request: autocannon.Request) => ({ ...request, path: route.vary!() }) } : {}),
          },
        ],
      },
      (err, result: autocannon.Result) => {
        if (err) return reject(err as Error);
        sample.seconds += duration;
        sample.failures += result.errors + result.timeouts;
        resolve();
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      sample.latencies.push(ms);
      if (status >= 400) sample.errors++;
    });
  });
}

interface AloneRun {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  failures: number;
  /** The server's CPU time per answer, in ms; NaN where /proc is not there to read it. */
  cpuMs: number;
}

/** The server's user + system CPU time so far, in ms (Linux /proc; NaN elsewhere). */
function serverCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 a second)
  } catch {
    return NaN;
  }
}

/** One route alone, with `workers` load-generator threads: autocannon's own figures for the run. */
function loadAlone(path: string, duration: number): Promise<AloneRun> {
  const cpuBefore = serverCpuMs(server.pid);
  return new Promise((resolve, reject) => {
    autocannon({ url: `${base}${path}`, connections, duration, headers, workers }, (err, result: autocannon.Result) => {
      if (err) return reject(err as Error);
      const answered = result.requests.total;
      resolve({
        rps: answered / duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.non2xx,
        failures: result.errors + result.timeouts,
        cpuMs: (serverCpuMs(server.pid) - cpuBefore) / answered,
      });
    });
  });
}

interface Row {
  route: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  failures: number;
}

function summarise(route: string, sample: Sample): Row {
  const sorted = [...sample.latencies].sort((a, b) => a - b);
  return {
    route,
    rps: sorted.length / sample.seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    errors: sample.errors,
    failures: sample.failures,
  };
}

function table(rows: Row[]) {
  const width = Math.max(...rows.map((r) => r.route.length), 5);
  const line = (cells: string[]) =>
    `${cells[0]!.padEnd(width)}  ${cells
      .slice(1)
      .map((c) => c.padStart(9))
      .join('  ')}`;
  console.log(line(['route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'no answer']));
  for (const r of rows)
    console.log(line([r.route, r.rps.toFixed(1), r.p50.toFixed(1), r.p99.toFixed(1), String(r.errors), String(r.failures)]));
}

/** Waits until the server has finished what the last run left it (renders still in progress): a health check answers at once. */
async function settle() {
  for (let i = 0, quick = 0; quick < 3 && i < 300; i++) {
    const started = performance.now();
    await status('/api/health');
    quick = performance.now() - started < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function status(path: string): Promise<number> {
  return new Promise((resolve) => {
    get(`${base}${path}`, (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0))).on('error', () => resolve(0));
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
// The server finds its seed data and dashboard build next to its own files, as `pnpm start` does.
const server = spawn(process.execPath, [serverEntry], {
  cwd: resolve(dirname(serverEntry), '../..'),
  env: {
    ...process.env,
    PORT: values.port,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    DATABASE_PATH: join(dataDir, 'db.sqlite'),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
// Bounded whatever happens: the runs, the start-up, the pauses between runs and a margin.
const watchdog = setTimeout(
  () => {
    console.error('bench:load took too long: stopping');
    server.kill();
    process.exit(2);
  },
  (seconds + 2 * ratioSeconds + 420) * 1000,
);

try {
  for (let i = 0; (await status('/api/health')) !== 200; i++) {
    if (i > 300) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const route of ROUTES) {
    const code = await status(route.vary ? route.vary() : route.path); // first renders; a broken route stops the run here
    if (code !== 200) throw new Error(`${route.path} answered ${code}`);
  }

  console.log(`server ${serverEntry}`);
  // Each route has its own clients (the connections shared out), all at once: a slow route does
  // not hold the others back, and every route is measured under the load of all of them.
  console.log(
    `${connections} connections shared by ${ROUTES.length} routes at once, ${seconds} s (accept-encoding: ${headers['accept-encoding']})\n`,
  );
  const samples = ROUTES.map(newSample);
  await Promise.all(
    ROUTES.map((route, i) =>
      load(route, Math.floor(connections / ROUTES.length) + (i < connections % ROUTES.length ? 1 : 0), seconds, samples[i]!),
    ),
  );
  const rows = ROUTES.map((route, i) => summarise(route.name, samples[i]!));
  table(rows);
  console.log(`total ${rows.reduce((n, r) => n + r.rps, 0).toFixed(0)} req/s\n`);

  // Each alone; the endpoint before and after the map, so that a change in other work on the
  // machine during the run weighs on both alike. The map gets one long run: at 50 clients, a slow
  // page needs many seconds before its queue (and its latency) is steady.
  console.log(
    `target: ${MAP} against ${STATUS}, each alone with ${connections} connections: the endpoint ${ratioSeconds / 2} s, the map ${ratioSeconds} s, the endpoint ${ratioSeconds / 2} s`,
  );
  console.log(`(${workers} load-generator threads)`);
  await settle();
  const before = await loadAlone(STATUS, ratioSeconds / 2);
  await settle();
  const map = await loadAlone(MAP, ratioSeconds);
  await settle();
  const after = await loadAlone(STATUS, ratioSeconds / 2);
  // The endpoint's figures: the mean of its runs before and after the map.
  const mean = (key: keyof AloneRun) => (before[key] + after[key]) / 2;
  const endpoint: AloneRun = {
    rps: mean('rps'),
    p50: mean('p50'),
    p99: mean('p99'),
    errors: before.errors + after.errors,
    failures: before.failures + after.failures,
    cpuMs: mean('cpuMs'),
  };
  const line = (cells: string[]) =>
    `${cells[0]!.padEnd(46)}  ${cells
      .slice(1)
      .map((c) => c.padStart(9))
      .join('  ')}`;
  console.log(line(['route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'no answer', 'server CPU ms/answer']));
  for (const [name, r] of [
    [`${STATUS} (alone)`, endpoint],
    [`${MAP} (alone)`, map],
  ] as const) {
    console.log(
      line([name, r.rps.toFixed(1), r.p50.toFixed(1), r.p99.toFixed(1), String(r.errors), String(r.failures), r.cpuMs.toFixed(3)]),
    );
  }
  const latencyRatio = map.p50 / endpoint.p50;
  const throughputRatio = map.rps / endpoint.rps;
  const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  console.log(`map median latency / status median latency: ${latencyRatio.toFixed(2)} (target <= 5) ${met(latencyRatio <= 5)}`);
  console.log(`map req/s / status req/s: ${throughputRatio.toFixed(2)} (target >= 0.20) ${met(throughputRatio >= 0.2)}`);
  console.log(`server CPU per answer, map / status: ${(map.cpuMs / endpoint.cpuMs).toFixed(2)}`);
} finally {
  clearTimeout(watchdog);
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
