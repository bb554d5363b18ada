/**
 * Throughput of GET /api/instruments/{id}/status next to a bare Fastify route, in the same process
 * and the same run, so the ratio does not depend on the machine.
 *
 *   npx pnpm@10 -F @tracker/scripts bench:status [-- --seconds 10 --connections 10]
 *
 * Target (issue #3): the status endpoint serves at least half the requests per second of the bare
 * route. Each request varies `asOf` over a set of dates, like a user moving the map's date slider.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { parseArgs } from 'node:util';
import { buildApp } from '@tracker/api/app';
import { loadConfig } from '@tracker/api/config';
import { createDb } from '@tracker/api/db/database';
import { migrateToLatest } from '@tracker/api/db/migrate';
import { seedIfEmpty } from '@tracker/api/db/seed';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    instrument: { type: 'string', default: 'rome-statute' },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);

async function measure(url: string, paths: string[]) {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
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

const bare = Fastify();
bare.get('/bare', async () => ({ hello: 'world' }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

// Dates spread over the Statute's life, as a slider would request them.
const dates = Array.from({ length: 24 }, (_, k) => `${2002 + k}-07-01`);
const statusPaths = dates.map((d) => `/api/instruments/${values.instrument}/status?asOf=${d}`);

await measure(apiUrl, statusPaths.slice(0, 2)); // warm-up: JIT and caches
const bareResult = await measure(bareUrl, ['/bare']);
const statusResult = await measure(apiUrl, statusPaths);
await app.close();
await bare.close();

const ratio = statusResult.rps / bareResult.rps;
console.log(`duration ${duration}s per run, ${connections} connections, instrument ${values.instrument}`);
console.log(`bare route:      ${bareResult.rps.toFixed(0)} req/s (p50 ${bareResult.p50} ms, p99 ${bareResult.p99} ms)`);
console.log(`status endpoint: ${statusResult.rps.toFixed(0)} req/s (p50 ${statusResult.p50} ms, p99 ${statusResult.p99} ms, ${(statusResult.bytes / statusResult.rps / 1024).toFixed(1)} KiB/response)`);
console.log(`ratio status/bare: ${ratio.toFixed(2)} (target >= 0.50) ${ratio >= 0.5 ? 'MET' : 'NOT MET'}`);
