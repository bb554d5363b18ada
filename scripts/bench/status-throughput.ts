/**
 * Throughput of GET /api/instruments/{id}/status next to a bare Fastify route, in the same process
 * and the same run, so the ratio does not depend on the machine.
 *
 *   npx --yes pnpm@10 -F @tracker/scripts bench:status [-- --seconds 10 --connections 10]
 *
 * Target: the status endpoint serves at least half the requests per second of the bare
 * route, for the map's default view (status today). A second run cycles `asOf` over 24 dates, like
 * a user moving the date slider (autocannon rebuilds each distinct request, so that run also
 * measures the load generator's extra work; on 2 cores it shares the machine with the server).
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { parseArgs } from 'node:util';
import { get } from 'node:http';
import { createDb, loadConfig, migrateToLatest, seedIfEmpty } from '@tracker/api';
import { buildApp } from '@tracker/api/app';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    instrument: { type: 'string', default: 'rome-statute' },
    // Browsers always offer compression; --identity measures uncompressed transfers instead.
    identity: { type: 'boolean', default: false },
  },
});
const duration = Number(values.seconds);
// What browsers send; with --identity, nothing (uncompressed answers).
const acceptEncoding: Record<string, string> = values.identity ? {} : { 'accept-encoding': 'gzip, deflate, br' };
const connections = Number(values.connections);

async function measure(url: string, paths: string[]) {
  const result = await autocannon({
    url,
    connections,
    // The load generator gets its own thread, so it does not compete with the server's.
    workers: 1,
    duration,
    headers: acceptEncoding,
    // Workers cannot share a closure: vary asOf with one request per date, cycled in order.
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bytes: result.throughput.average };
}

const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent' });
const db = createDb(':memory:');
await migrateToLatest(db);
await seedIfEmpty(db, config.seedDir);
const app = await buildApp(config, db);
await app.listen({ port: 0, host: '127.0.0.1' });
const apiUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

// Control: the same bytes the status endpoint sends, served from memory by a bare route. It
// shows how much of the gap to the bare route is transfer size rather than work per request.
const sampleBody = await rawBody(`${apiUrl}/api/instruments/${values.instrument}/status`);
const bare = Fastify();
bare.get('/bare', async () => ({ hello: 'world' }));
bare.get('/same-bytes', async (_request, reply) => reply.type('application/octet-stream').send(sampleBody));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

// Dates spread over the Statute's life, as a slider would request them.
const dates = Array.from({ length: 24 }, (_, k) => `${2002 + k}-07-01`);
const statusPaths = dates.map((d) => `/api/instruments/${values.instrument}/status?asOf=${d}`);
/** The bytes on the wire, still compressed (fetch would decompress them). */
function rawBody(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on('data', (c: Buffer) => chunks.push(c))
        .on('end', () => resolve(Buffer.concat(chunks)))
        .on('error', reject);
    }).on('error', reject);
  });
}

await measure(apiUrl, [...statusPaths, `/api/instruments/${values.instrument}/status`]); // warm-up: JIT and caches
const bareResult = await measure(bareUrl, ['/bare']);
const sameBytesResult = await measure(bareUrl, ['/same-bytes']);
const statusResult = await measure(apiUrl, [`/api/instruments/${values.instrument}/status`]);
const sliderResult = await measure(apiUrl, statusPaths);
await app.close();
await bare.close();

const ratio = statusResult.rps / bareResult.rps;
console.log(
  `duration ${duration}s per run, ${connections} connections, instrument ${values.instrument}, ${values.identity ? 'uncompressed' : 'accept-encoding: gzip, deflate, br'}`,
);
console.log(`bare route:      ${bareResult.rps.toFixed(0)} req/s (p50 ${bareResult.p50} ms, p99 ${bareResult.p99} ms)`);
console.log(
  `bare, same bytes: ${sameBytesResult.rps.toFixed(0)} req/s (a ${(sampleBody.length / 1024).toFixed(1)} KiB buffer from memory; ratio to bare ${(sameBytesResult.rps / bareResult.rps).toFixed(2)})`,
);
console.log(`status (slider, 24 dates): ${sliderResult.rps.toFixed(0)} req/s (p50 ${sliderResult.p50} ms, p99 ${sliderResult.p99} ms)`);
console.log(
  `status endpoint (today): ${statusResult.rps.toFixed(0)} req/s (p50 ${statusResult.p50} ms, p99 ${statusResult.p99} ms, ${(statusResult.bytes / statusResult.rps / 1024).toFixed(1)} KiB/response)`,
);
console.log(`ratio status/bare: ${ratio.toFixed(2)} (target >= 0.50) ${ratio >= 0.5 ? 'MET' : 'NOT MET'}`);
console.log(`ratio status/same-bytes: ${(statusResult.rps / sameBytesResult.rps).toFixed(2)}`);
