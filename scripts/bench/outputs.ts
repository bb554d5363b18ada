/**
 * The shareable outputs: how long the server takes to make a map image, and how large the agenda is.
 *
 *   npx --yes pnpm@10 -F @tracker/scripts bench:outputs [-- --runs 12]
 *
 * Each run asks for a map on another date, so no answer comes from the response cache: every
 * figure is a full render (status computed, SVG built, and for PNG rasterised by resvg at the
 * default 1920 pixels). The agenda is counted per kind for 2025-2026 and for all dates, with the
 * size of its JSON, CSV and iCalendar answers.
 */
import { parseArgs } from 'node:util';
import { createDb, loadConfig, migrateToLatest, seedIfEmpty } from '@tracker/api';
import { buildApp } from '@tracker/api/app';
import { benchArgs } from './args.js';

const { values } = parseArgs({ args: benchArgs(), options: { runs: { type: 'string', default: '12' } } });
const runs = Number(values.runs);

const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent' });
const db = createDb(':memory:');
await migrateToLatest(db);
await seedIfEmpty(db, config.seedDir);
const app = await buildApp(config, db);
await app.ready();

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function timed(url: string) {
  const start = performance.now();
  const res = await app.inject(url);
  const ms = performance.now() - start;
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return { ms, bytes: res.rawPayload.length };
}

// Warm-up: the world geometry is built once per process (about a second), not per image.
await timed('/api/instruments/rome-statute/map.svg?asOf=2000-01-01');

console.log(`Map images, ${runs} renders each (a different date each time, nothing cached)`);
console.log('| image | language | median ms | p95 ms | size KB |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const [format, lang] of [
  ['svg', 'en'],
  ['png', 'en'],
  ['png', 'ar'],
] as const) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const asOf = `${2010 + i}-0${1 + (i % 9)}-15`;
    const r = await timed(`/api/instruments/rome-statute/map.${format}?asOf=${asOf}&lang=${lang}`);
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  console.log(
    `| map.${format} | ${lang} | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 95).toFixed(0)} | ${(bytes / 1024).toFixed(0)} |`,
  );
}

console.log('\nAgenda: events per kind');
type Counts = { counts: Record<string, number>; total: number };
const window = (await app.inject('/api/agenda?from=2025-01-01&to=2026-12-31')).json<Counts>();
const all = (await app.inject('/api/agenda')).json<Counts>();
console.log('| kind | 2025-2026 | all dates |');
console.log('| --- | ---: | ---: |');
for (const kind of Object.keys(all.counts)) console.log(`| ${kind} | ${window.counts[kind]} | ${all.counts[kind]} |`);
console.log(`| total | ${window.total} | ${all.total} |`);
for (const format of ['json', 'csv', 'ics']) {
  const r = await timed(`/api/agenda?format=${format}`);
  console.log(`All dates as ${format}: ${(r.bytes / 1024).toFixed(0)} KB`);
}
await app.close();
