/**
 * The advocacy list against the status endpoint, on the built product, in the same run: requests
 * per second and latency (median, 95th percentile) of GET /api/advocacy/{instrument} in a few
 * variants (the whole list, filters, CSV) and of GET /api/instruments/{instrument}/status; then
 * the weight on the wire of the advocacy list page and of a State's brief (run `pnpm build` first):
 *
 *   npx --yes pnpm@10 -F @tracker/scripts bench:advocacy [-- --seconds 10 --connections 10 --workers 0 --brief JAM]
 *
 * Targets: the advocacy list serves at least half the requests per second of the status endpoint
 * (each variant, ratio >= 0.5), and each page weighs at most 150 KB with gzip, its HTML and every
 * script and stylesheet it loads (counted as bench:map counts them).
 *
 * The server runs as `pnpm start` runs it (its own process, a fresh temporary database, loopback,
 * rate limits off since every request comes from one address), so autocannon runs in this process
 * and sees every answer's time: the percentiles are exact, not read off a histogram. Both
 * endpoints' answers are cached per data version and parameters, so after the warm-up this
 * measures what readers mostly get: a cached answer sent again.
 *
 * On 2 cores one autocannon thread reads some 60-80 MB/s, so on a large answer
 * it, not the server, can set the pace. The server's CPU time per answer (from /proc) is printed
 * beside each run, with the ratio it gives; `--workers 2` gives the load generator two threads
 * (autocannon then reports its 97.5th percentile, not the 95th).
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchArgs } from './args.js';
import { startBuiltServer } from './built-server.js';
import { kb, pageTransfer } from './page-transfer.js';

const { values } = parseArgs({
  args: benchArgs(),
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    // Load-generator threads; 0 runs autocannon in this thread, which sees every answer's time.
    workers: { type: 'string', default: '0' },
    instrument: { type: 'string', default: 'rome-statute' },
    brief: { type: 'string', default: 'JAM' },
    port: { type: 'string', default: '3293' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);
const workers = Number(values.workers);
const instrument = values.instrument;
const base = `http://127.0.0.1:${values.port}`;
// What browsers send.
const headers = { 'accept-encoding': 'gzip, deflate, br' };

const STATUS = `/api/instruments/${instrument}/status`;
const ADVOCACY = `/api/advocacy/${instrument}`;
const VARIANTS: { name: string; path: string }[] = [
  { name: 'advocacy, whole list', path: ADVOCACY },
  {
    name: 'advocacy, signatory LDC or SIDS, supported',
    path: `${ADVOCACY}?status=signatory&ldc=true&sids=true&combine=any&supported=true`,
  },
  { name: 'advocacy, next review within 12 months', path: `${ADVOCACY}?reviewWithin=12` },
  { name: 'advocacy, CSV', path: `${ADVOCACY}?format=csv` },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** The server's CPU time so far in ms (user + system, from /proc: Linux only; null elsewhere). */
function serverCpuMs(): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks of 10 ms.
    const fields = readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function measure(path: string, seconds = duration) {
  const times: number[] = [];
  const cpuBefore = serverCpuMs();
  const options = { url: `${base}${path}`, connections, duration: seconds, headers };
  // Worker threads report no answer times, only autocannon's histogram (which has no 95th percentile).
  const result =
    workers > 0
      ? await autocannon({ ...options, workers })
      : await new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(options, (error, result) =>
            error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
          );
          instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
        });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  times.sort((a, b) => a - b);
  const cpu = cpuBefore === null ? null : serverCpuMs()! - cpuBefore;
  return {
    // Server CPU per answer, and how busy the server was: near 100% of a core, the server sets
    // the pace; well below, the load generator (which shares the machine) does.
    cpuMsPerAnswer: cpu === null ? null : cpu / result.requests.total,
    busy: cpu === null ? null : cpu / (seconds * 1000),
    rps: result.requests.average,
    p50: workers > 0 ? result.latency.p50 : percentile(times, 0.5),
    tail: workers > 0 ? result.latency.p97_5 : percentile(times, 0.95),
    kib: result.throughput.average / result.requests.average / 1024,
  };
}

/** gzip bytes of a page's HTML and of every script, stylesheet and preloaded module it names. */
async function pageWeight(path: string) {
  const { page, assets, assetBytes, total } = await pageTransfer(base, path, 'gzip');
  return { html: page.bytes.length, assets: assets.length, assetBytes, total };
}

// Rate limits off: every request comes from this one address.
const server = await startBuiltServer({ port: values.port, name: 'advocacy', env: { RATE_LIMIT_PER_MINUTE: '0' } });
try {
  // Warm-up: JIT, the answer caches and their strongest recompression.
  for (const path of [STATUS, ...VARIANTS.map((v) => v.path)]) await measure(path, 2);

  console.log(
    `${duration}s per run, ${connections} connections, ${workers > 0 ? `${workers} load-generator threads` : 'load generator in this thread'}, accept-encoding: ${headers['accept-encoding']}`,
  );
  const status = await measure(STATUS);
  const line = (name: string, r: Awaited<ReturnType<typeof measure>>) =>
    `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(0)} ms  ${workers > 0 ? 'p97.5' : 'p95'} ${r.tail.toFixed(0)} ms  ${r.kib.toFixed(1)} KiB/answer` +
    (r.cpuMsPerAnswer === null ? '' : `  server ${r.cpuMsPerAnswer.toFixed(2)} ms CPU/answer, ${(r.busy! * 100).toFixed(0)}% of a core`);
  console.log(line(`status ${STATUS}`, status));
  let met = true;
  let capacityMet = true;
  for (const variant of VARIANTS) {
    const r = await measure(variant.path);
    const ratio = r.rps / status.rps;
    met &&= ratio >= 0.5;
    // What the server could serve with a load generator that keeps up: answers per CPU second.
    const capacity = r.cpuMsPerAnswer && status.cpuMsPerAnswer ? status.cpuMsPerAnswer / r.cpuMsPerAnswer : null;
    if (capacity !== null) capacityMet &&= capacity >= 0.5;
    console.log(`${line(variant.name, r)}  ratio ${ratio.toFixed(2)}${capacity === null ? '' : `, by server CPU ${capacity.toFixed(2)}`}`);
  }
  // The status endpoint again, so a drift of the machine during the run shows.
  console.log(line('status, again', await measure(STATUS)));
  console.log(`ratio advocacy/status >= 0.50 for every variant, in requests/s: ${met ? 'MET' : 'NOT MET'}`);
  console.log(`                                     by server CPU per answer: ${capacityMet ? 'MET' : 'NOT MET'}`);
  console.log(
    '(A server well below 100% of a core was waiting for the load generator: there the requests/s ratio measures the client; try --workers 2.)',
  );

  for (const path of [`/advocacy/${instrument}`, `/advocacy/${instrument}/${values.brief}`]) {
    const w = await pageWeight(path);
    console.log(
      `${path}: HTML ${kb(w.html)} KB + ${w.assets} JS/CSS assets ${kb(w.assetBytes)} KB = ${kb(w.total)} KB gzip (target <= 150 KB) ${w.total <= 150_000 ? 'MET' : 'NOT MET'}`,
    );
  }
} finally {
  server.stop();
}
