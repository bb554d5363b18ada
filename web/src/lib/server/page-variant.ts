/**
 * Which requests get the same page, for the server's page cache (api/src/plugins/web.ts): the
 * dashboard knows what its pages read, so it names each page variant and the cache only keys on
 * that name (with the data version and today's date, which the cache adds).
 *
 * A page reads its URL's path, the query parameters below (each through `searchParams.get`, so
 * only a parameter's first value counts, and an empty value counts as absent) and its language.
 * The variant is made of exactly those, so `?utm_source=…`, a reordered or repeated parameter or
 * an empty form field does not make a new cache entry, and nothing a page does read is left out
 * (page-variant.test.ts checks the readers and the routes against this list).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ADVOCACY_KEYS } from '$lib/advocacy';
import { CAT_FILTER_KEYS } from '$lib/cat-reporting';
import { CHANGE_QUERY_KEYS } from '$lib/changes';
import { negotiateLocale } from '$lib/i18n/server';
import { FOLLOW_UP_KEYS } from '$lib/follow-up';
import { FILTER_KEYS } from '$lib/query';
import { UPR_FILTER_KEYS } from '$lib/upr';

/**
 * Parameters a page reads every value of (`status=signatory&status=no-action`, as checkboxes send
 * them, or comma-separated): the variant keeps them all, split, deduplicated and sorted, since
 * their order does not change the page.
 */
export const MULTI_VALUED_PARAMS: readonly string[] = ['status'];

/** Every query parameter a page or its load function reads (`lang` is read as the language). */
export const PAGE_QUERY_PARAMS: readonly string[] = [
  ...new Set([
    // maps, states, state profiles, compare (readViewQuery, readFamily) and their sorted tables (readSort)
    'asOf',
    ...FILTER_KEYS,
    ...MULTI_VALUED_PARAMS,
    // the states list's status filter names its instrument
    'instrument',
    'family',
    'sort',
    'dir',
    // UPR search (readUprQuery), its review pages (cycle, page) and the state chooser (state)
    ...UPR_FILTER_KEYS,
    'page',
    'pageSize',
    // advocacy lists (readAdvocacyView; their statuses are the multi-valued `status`)
    ...ADVOCACY_KEYS,
    // CAT reporting (readCatQuery)
    ...CAT_FILTER_KEYS,
    'overdue',
    // the change feed (readChangesQuery)
    ...CHANGE_QUERY_KEYS,
    // follow-up plans (readFollowUpQuery)
    ...FOLLOW_UP_KEYS,
    // the new-plan form's review, filled in from a link (a signed-in page, never cached, but read like one)
    'review',
    // the comparison's download (not an HTML page, so never cached, but read like one)
    'format',
    'bom',
    // The sign-in page's return address (it is written into the form).
    'next',
  ]),
].sort();

/** Cookies the pages read that say nothing about who is asking; any other cookie may be a session. */
const ANONYMOUS_COOKIES = new Set(['lang']);

/** Cookie names and values, the first of each name, decoded as SvelteKit's `cookies.get` does. */
function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    const name = (at < 0 ? part : part.slice(0, at)).trim();
    if (!name || cookies.has(name)) continue;
    const raw =
      at < 0
        ? ''
        : part
            .slice(at + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1');
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The page variant a request asks for, as one string, or null when its answer must not come from
 * a cache shared between readers: a request that identifies its sender (an Authorization header
 * or a cookie the pages do not know, such as a future session cookie).
 */
export function pageVariant(url: URL, headers: IncomingHttpHeaders): string | null {
  if (headers.authorization !== undefined) return null;
  const cookies = parseCookies(headers.cookie);
  if ([...cookies.keys()].some((name) => !ANONYMOUS_COOKIES.has(name))) return null;
  const locale = negotiateLocale({
    query: url.searchParams.get('lang'),
    cookie: cookies.get('lang'),
    acceptLanguage: single(headers['accept-language']) ?? null,
  });
  const query = new URLSearchParams();
  for (const name of PAGE_QUERY_PARAMS) {
    if (MULTI_VALUED_PARAMS.includes(name)) {
      const values = new Set(url.searchParams.getAll(name).flatMap((v) => v.split(',').map((s) => s.trim())));
      values.delete('');
      for (const value of [...values].sort()) query.append(name, value);
      continue;
    }
    const value = url.searchParams.get(name);
    if (value) query.set(name, value);
  }
  return `${locale} ${url.pathname}?${query}`;
}

/** Where the API server finds pageVariant (hooks.server.ts puts it there when the dashboard starts). */
export const PAGE_VARIANT_KEY = Symbol.for('treaty-tracker.page-variant');
