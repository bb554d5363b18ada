import type { Handle, HandleFetch, RequestEvent } from '@sveltejs/kit';
import { parseSetCookie } from 'set-cookie-parser';
import { textDirection } from '$lib/i18n';
import { negotiateLocale } from '$lib/i18n/server';
import { PAGE_VARIANT_KEY, pageVariant } from '$lib/server/page-variant';

// The API server caches rendered pages (api/src/plugins/web.ts); this says which requests get the same page.
(globalThis as Record<symbol, unknown>)[PAGE_VARIANT_KEY] = pageVariant;

export const handle: Handle = async ({ event, resolve }) => {
  const locale = negotiateLocale({
    query: event.url.searchParams.get('lang'),
    cookie: event.cookies.get('lang'),
    acceptLanguage: event.request.headers.get('accept-language'),
  });
  event.locals.locale = locale;
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', textDirection(locale)),
  });
  // SvelteKit lists every preloaded file twice: as <link> tags at the top of the page and in a Link
  // header of some 4 KB. Headers are never compressed, so on slow links the header costs more than
  // the head start it gives; the tags stay.
  if (response.headers.get('content-type')?.startsWith('text/html')) response.headers.delete('link');
  return response;
};

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
