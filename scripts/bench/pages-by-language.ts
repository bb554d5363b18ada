/**
 * Every main page in each of the four languages: what a first visit transfers (the HTML and every
 * JS/CSS asset it names, gzip) and the server's render time, against the built product (run
 * `pnpm build` first):
 *
 *   npx --yes pnpm@10 -F @tracker/scripts bench:pages [-- --runs 5 --encoding gzip]
 *
 * Target: every page at most 150 KB transferred in every language; a page carries only its own
 * language's catalogue, so the languages should weigh about the same.
 * Render times bypass the page cache (a cookie the pages do not know), so each is a full render.
 */
import { parseArgs } from 'node:util';
import { benchArgs } from './args.js';
import { startBuiltServer } from './built-server.js';
import { fetchRaw, kb, median, pageTransfer } from './page-transfer.js';

const { values } = parseArgs({
  args: benchArgs(),
  options: {
    runs: { type: 'string', default: '5' },
    encoding: { type: 'string', default: 'gzip' },
    port: { type: 'string', default: '3293' },
  },
});
const base = `http://127.0.0.1:${values.port}`;
const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
const PAGES = [
  '/',
  '/maps/rome-statute',
  '/compare',
  '/states',
  '/states/KEN',
  '/instruments/rome-statute',
  '/cat-reporting',
  '/upr',
  '/upr/reviews/SVN',
  '/advocacy',
  '/advocacy/rome-statute',
  '/advocacy/opcat/JAM',
  '/advocacy/rome-statute/progress',
  '/changes',
  '/follow-up',
  '/follow-up/SVN',
  '/about',
];
const LIMIT = 150_000;
const inLanguage = (path: string, lang: string) => (lang === 'en' ? path : path === '/' ? `/${lang}` : `/${lang}${path}`);

const server = await startBuiltServer({ port: values.port, name: 'pages' });
try {
  const rows: string[] = [];
  let over = 0;
  for (const path of PAGES) {
    const cells: string[] = [];
    for (const lang of LANGUAGES) {
      const address = inLanguage(path, lang);
      const { total } = await pageTransfer(base, address, values.encoding);
      const times: number[] = [];
      for (let i = 0; i < Number(values.runs); i++)
        times.push((await fetchRaw(base, address, values.encoding, { cookie: 'bench=render' })).ms);
      if (total > LIMIT) over++;
      cells.push(`${kb(total)} KB, ${median(times).toFixed(0)} ms${total > LIMIT ? ' (over)' : ''}`);
    }
    rows.push(`| ${path} | ${cells.join(' | ')} |`);
  }
  console.log(`First visit, ${values.encoding}: KB transferred (HTML + JS/CSS), median server render of ${values.runs}`);
  console.log(`| Page | ${LANGUAGES.join(' | ')} |`);
  console.log(`|---|${LANGUAGES.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(row);
  console.log(
    over === 0 ? `every page within ${kb(LIMIT)} KB in every language: MET` : `${over} page-language pairs over ${kb(LIMIT)} KB: NOT MET`,
  );
} finally {
  server.stop();
}
