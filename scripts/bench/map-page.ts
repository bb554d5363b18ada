/**
 * The map page's weight on the wire, its server render time and its time from the page cache,
 * against the built product
 * (run `pnpm build` first):
 *
 *   npx --yes pnpm@10 -F @tracker/scripts bench:map [-- --encoding gzip --path /maps/rome-statute]
 *
 * Target: at most 150 KB transferred, JavaScript included, with gzip.
 * Counts the page's HTML and every script, stylesheet and preloaded module it references.
 */
import { get } from 'node:http';
import { parseArgs } from 'node:util';
import { startBuiltServer } from './built-server.js';

const { values } = parseArgs({
  options: {
    path: { type: 'string', default: '/maps/rome-statute' },
    encoding: { type: 'string', default: 'gzip' },
    runs: { type: 'string', default: '21' },
    port: { type: 'string', default: '3290' },
  },
});
const base = `http://127.0.0.1:${values.port}`;

/** Bytes as sent (still compressed) and the time to the last byte. */
function fetchRaw(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ bytes: Buffer; status: number; ms: number; encoding: string | undefined; link: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers: { 'accept-encoding': values.encoding, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on('data', (c: Buffer) => chunks.push(c))
        .on('end', () =>
          resolve({
            bytes: Buffer.concat(chunks),
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            encoding: res.headers['content-encoding'],
            link: String(res.headers.link ?? ''),
          }),
        )
        .on('error', reject);
    }).on('error', reject);
  });
}

const server = await startBuiltServer({ port: values.port, name: 'map' });
try {
  const page = await fetchRaw(values.path);
  if (page.status !== 200) throw new Error(`${values.path} answered ${page.status}`);
  const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
  const html = (
    page.encoding === 'gzip' ? gunzipSync(page.bytes) : page.encoding === 'br' ? brotliDecompressSync(page.bytes) : page.bytes
  ).toString();
  // Assets named in the HTML, and the modules SvelteKit announces in its Link header for preloading.
  const references = [
    ...html.matchAll(/(?:href|src)="([^"]*\/_app\/immutable\/[^"]+\.(?:js|css))"/g),
    ...html.matchAll(/import\("([^"]*\/_app\/immutable\/[^"]+\.js)"\)/g),
    ...page.link.matchAll(/<([^>]*\/_app\/immutable\/[^>]+)>/g),
  ];
  const assets = [...new Set(references.map((m) => new URL(m[1]!, `${base}${values.path}`).pathname))];
  let assetBytes = 0;
  for (const asset of assets) {
    const res = await fetchRaw(asset);
    if (res.status !== 200) throw new Error(`${asset} answered ${res.status}`);
    assetBytes += res.bytes.length;
  }

  // Rendered every time: the page cache never answers a request with a cookie the pages do not know.
  const rendered: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) rendered.push((await fetchRaw(values.path, { cookie: 'bench=render' })).ms);
  const cached: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) cached.push((await fetchRaw(values.path)).ms);
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(1);
  const p90 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)]!.toFixed(1);
  const kb = (n: number) => (n / 1000).toFixed(1);
  const total = page.bytes.length + assetBytes;
  console.log(`${values.path} with accept-encoding: ${values.encoding} (served ${page.encoding ?? 'identity'})`);
  console.log(
    `HTML ${kb(page.bytes.length)} KB (${kb(Buffer.byteLength(html))} KB uncompressed), ${assets.length} JS/CSS assets ${kb(assetBytes)} KB`,
  );
  console.log(`total transferred: ${kb(total)} KB (target <= 150 KB) ${total <= 150_000 ? 'MET' : 'NOT MET'}`);
  console.log(`server render, ${rendered.length} requests: median ${median(rendered)} ms, p90 ${p90(rendered)} ms`);
  console.log(`from the page cache, ${cached.length} requests: median ${median(cached)} ms, p90 ${p90(cached)} ms`);
} finally {
  server.stop();
}
