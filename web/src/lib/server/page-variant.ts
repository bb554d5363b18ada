/**
 * Which requests get the same page, for the server's page cache (api/src/plugins/web.ts): the
 * dashboard knows what its pages read, so it names each page variant and the cache only keys on
 * that name (with the data version and today's date, which the cache adds).
 *
 * A page reads its URL's path (which names its language), the query parameters below (each through
 * `searchParams.get`, so only a parameter's first value counts, and an empty value counts as absent).
 * The variant is made of exactly those, so `?utm_source=…`, a reordered or repeated parameter or
 * an empty form field does not make a new cache entry, and nothing a page does read is left out
 * (page-variant.test.ts checks the readers and the routes against this list).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { DEFAULT_LOCALE, isLocale, localeOfPath } from '$lib/i18n';
import { preferredLocale } from '$lib/i18n/server';
import { canonicalQuery } from '$lib/page-params';

export { MULTI_VALUED_PARAMS, PAGE_QUERY_PARAMS } from '$lib/page-params';

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
  // A request the dashboard answers by sending the reader to another address (hooks.server.ts):
  // a language chosen with `?lang=`, or the home page in the reader's preferred language.
  if (isLocale(url.searchParams.get('lang'))) return null;
  if (
    url.pathname === '/' &&
    preferredLocale({ cookie: cookies.get('lang'), acceptLanguage: single(headers['accept-language']) ?? null }) !== DEFAULT_LOCALE
  )
    return null;
  const locale = localeOfPath(url.pathname);
  const query = canonicalQuery(url.searchParams);
  return `${locale} ${url.pathname}?${query}`;
}

/** Where the API server finds pageVariant (hooks.server.ts puts it there when the dashboard starts). */
export const PAGE_VARIANT_KEY = Symbol.for('treaty-tracker.page-variant');
