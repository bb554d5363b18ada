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
import { parseArgs } from 'node:util';
import { benchArgs } from './args.js';
import { startBuiltServer } from './built-server.js';
import { fetchRaw as fetchFrom, kb, median, p90, pageTransfer } from './page-transfer.js';

const { values } = parseArgs({
  args: benchArgs(),
  options: {
    path: { type: 'string', default: '/maps/rome-statute' },
    encoding: { type: 'string', default: 'gzip' },
    runs: { type: 'string', default: '21' },
    port: { type: 'string', default: '3290' },
  },
});
const base = `http://127.0.0.1:${values.port}`;
const fetchRaw = (path: string, headers: Record<string, string> = {}) => fetchFrom(base, path, values.encoding, headers);

const server = await startBuiltServer({ port: values.port, name: 'map' });
try {
  const { page, html, assets, assetBytes, total } = await pageTransfer(base, values.path, values.encoding);

  // Rendered every time: the page cache never answers a request with a cookie the pages do not know.
  const rendered: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) rendered.push((await fetchRaw(values.path, { cookie: 'bench=render' })).ms);
  const cached: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) cached.push((await fetchRaw(values.path)).ms);
  console.log(`${values.path} with accept-encoding: ${values.encoding} (served ${page.encoding ?? 'identity'})`);
  console.log(
    `HTML ${kb(page.bytes.length)} KB (${kb(Buffer.byteLength(html))} KB uncompressed), ${assets.length} JS/CSS assets ${kb(assetBytes)} KB`,
  );
  console.log(`total transferred: ${kb(total)} KB (target <= 150 KB) ${total <= 150_000 ? 'MET' : 'NOT MET'}`);
  console.log(`server render, ${rendered.length} requests: median ${median(rendered).toFixed(1)} ms, p90 ${p90(rendered).toFixed(1)} ms`);
  console.log(`from the page cache, ${cached.length} requests: median ${median(cached).toFixed(1)} ms, p90 ${p90(cached).toFixed(1)} ms`);
} finally {
  server.stop();
}
