import type { Handle, HandleFetch, RequestEvent } from '@sveltejs/kit';
import { parseSetCookie } from 'set-cookie-parser';
import { DEFAULT_LOCALE, isLocale, localeOfPath, localizePath, textDirection } from '$lib/i18n';
import { LANG_COOKIE, preferredLocale } from '$lib/i18n/server';
import { CITE_SLOT, citeBlock } from '$lib/server/cite';
import { embedFrameAncestors, isEmbedPath, withFrameAncestors } from '$lib/server/embed';
import { PAGE_VARIANT_KEY, pageVariant } from '$lib/server/page-variant';

// The API server caches rendered pages (api/src/plugins/web.ts); this says which requests get the same page.
(globalThis as Record<symbol, unknown>)[PAGE_VARIANT_KEY] = pageVariant;

export const handle: Handle = async ({ event, resolve }) => {
  const languageRedirect = chooseLanguage(event);
  if (languageRedirect) return languageRedirect;
  const locale = localeOfPath(event.url.pathname);
  event.locals.locale = locale;
  const response = await resolve(event, {
    transformPageChunk: async ({ html }) => {
      const page = html.replace('%lang%', locale).replace('%dir%', textDirection(locale));
      if (!page.includes(CITE_SLOT)) return page;
      return page.replace(CITE_SLOT, citeBlock({ html: page, url: event.url, locale, version: await datasetVersion(event.fetch) }));
    },
  });
  // SvelteKit lists every preloaded file twice: as <link> tags at the top of the page and in a Link
  // header of some 4 KB. Headers are never compressed, so on slow links the header costs more than
  // the head start it gives; the tags stay.
  if (response.headers.get('content-type')?.startsWith('text/html')) response.headers.delete('link');
  const policy = response.headers.get('content-security-policy');
  if (policy && isEmbedPath(event.url.pathname))
    response.headers.set('content-security-policy', withFrameAncestors(policy, embedFrameAncestors()));
  return response;
};

/**
 * The language is in the address (localizePath); three kinds of request are sent to another one:
 * - `?lang=fr` on any page (what the language switcher links to): the same page in French, and
 *   the choice remembered in a cookie;
 * - `/` for a reader who chose another language before, or whose browser prefers one;
 * - `/en/...`, which is English's own address without the prefix.
 */
function chooseLanguage(event: RequestEvent): Response | null {
  if (event.request.method !== 'GET' && event.request.method !== 'HEAD') return null;
  const { url, cookies } = event;
  const asked = url.searchParams.get('lang');
  if (asked !== null && isLocale(asked)) {
    const remember = cookies.serialize(LANG_COOKIE.name, asked, {
      path: '/',
      maxAge: LANG_COOKIE.maxAge,
      sameSite: 'lax',
      httpOnly: true,
      secure: url.protocol === 'https:',
    });
    const rest = new URLSearchParams(url.searchParams);
    rest.delete('lang');
    const query = rest.size ? `?${rest}` : '';
    return seeOther(localizePath(url.pathname, asked) + query, remember);
  }
  if (url.pathname === '/') {
    const preferred = preferredLocale({
      cookie: cookies.get(LANG_COOKIE.name),
      acceptLanguage: event.request.headers.get('accept-language'),
    });
    if (preferred !== DEFAULT_LOCALE) return seeOther(localizePath('/', preferred) + url.search);
  }
  if (url.pathname === `/${DEFAULT_LOCALE}` || url.pathname.startsWith(`/${DEFAULT_LOCALE}/`)) {
    return seeOther((url.pathname.slice(DEFAULT_LOCALE.length + 1) || '/') + url.search);
  }
  return null;
}

function seeOther(location: string, setCookie?: string): Response {
  const headers = new Headers({ location, vary: 'Accept-Language, Cookie', 'cache-control': 'no-store' });
  if (setCookie) headers.set('set-cookie', setCookie);
  return new Response(null, { status: 303, headers });
}

/** Set by the API server (api/src/plugins/web.ts) when both run in one process. */
type InProcessApi = (request: Request) => Promise<Response>;
const API_FETCH_KEY = Symbol.for('treaty-tracker.api-fetch');

/**
 * Pages read data only through the public API. When the dashboard runs inside the API server,
 * /api requests are answered in-process; under `vite dev` they go to the dev proxy.
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  const inProcess = (globalThis as Record<symbol, InProcessApi | undefined>)[API_FETCH_KEY];
  if (inProcess && url.origin === event.url.origin && url.pathname.startsWith('/api/')) {
    // SvelteKit's own fetch forwards the reader's cookies to its origin and passes cookies set in
    // the answer back to the browser; the in-process path must do both itself, or a signed-in
    // editor's writes would arrive anonymous and signing in would set no cookie.
    const cookie = event.request.headers.get('cookie');
    if (cookie && !request.headers.has('cookie')) request.headers.set('cookie', cookie);
    // The API answers in the page's language (names of States and instruments, explanations).
    if (!url.searchParams.has('lang')) request.headers.set('accept-language', event.locals.locale);
    const response = await inProcess(request);
    passCookiesOn(event, response);
    return response;
  }
  return fetch(request);
};

function passCookiesOn(event: RequestEvent, response: Response) {
  for (const { name, value, sameSite, expires, maxAge, ...options } of parseSetCookie(response.headers.getSetCookie(), {
    decodeValues: false,
  })) {
    event.cookies.set(name, value, {
      ...options,
      path: options.path ?? '/',
      ...(expires && { expires }),
      ...(maxAge !== undefined && { maxAge }),
      ...(sameSite && { sameSite: sameSite.toLowerCase() as 'lax' | 'strict' | 'none' }),
      // The value is already as the API wrote it (a base64url token): no second encoding.
      encode: (v) => v,
    });
  }
}

/** The dataset version a citation names (GET /api/health); 0 when the API cannot say. */
async function datasetVersion(fetch: RequestEvent['fetch']): Promise<number> {
  const res = await fetch('/api/health');
  if (!res.ok) return 0;
  const health = (await res.json()) as { database: { dataVersion: number } };
  return health.database.dataVersion;
}
