import compression from 'compression';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPRESS_MIN_BYTES } from '../lib/compression.js';
import { LANGUAGES } from '../domain/languages.js';
import { createPageCache, type NodeHandler, type PageCacheOptions } from './page-cache.js';
import { INTERNAL_REQUEST_HEADER, internalRequestToken } from './internal-requests.js';

/** The embeddable map and counter (web/src/routes/embed), in any language. */
const EMBED_PATH = new RegExp(`^/(?:(?:${LANGUAGES.join('|')})/)?embed/`);

/** Key under which the dashboard finds the in-process API (see web/src/hooks.server.ts). */
export const API_FETCH_KEY = Symbol.for('treaty-tracker.api-fetch');

/**
 * Key under which the dashboard says which requests get the same page (web/src/lib/server/page-variant.ts):
 * the path, the query parameters its pages read and the language, or null for a request whose
 * answer must not be shared (one with an Authorization header or a session cookie).
 */
const PAGE_VARIANT_KEY = Symbol.for('treaty-tracker.page-variant');
type PageVariant = (url: URL, headers: IncomingHttpHeaders) => string | null;

/**
 * Serves the SvelteKit dashboard (adapter-node build) on the same port as the API.
 * Every path outside /api goes to SvelteKit. Its server-side `fetch('/api/...')` calls are answered
 * in-process through `app.inject`, so rendering a page never makes a network round trip to itself
 * and works behind any proxy or Host header.
 *
 * Rendered pages are cached. A page depends on its data version, today's date (pages default to
 * "as of today"), its path, the query parameters it reads and its language, and on nothing else
 * (no page has a user session), so each variant is rendered once and then served from memory
 * with a strong ETag, compressed, until the data version or the date moves.
 */
export const webPlugin = fp<{ buildDir: string } & PageCacheOptions>(async (app, { buildDir, ...cacheOptions }) => {
  const handlerFile = join(buildDir, 'handler.js');
  if (!existsSync(handlerFile)) {
    app.log.warn(`No dashboard build at ${buildDir}: serving the API only (run \`pnpm build\`).`);
    return;
  }
  (globalThis as Record<symbol, unknown>)[API_FETCH_KEY] = (request: Request) => injectFetch(app, request);
  // Pages that print an absolute link (a permalink) build it from SvelteKit's `url.origin`. Without
  // ORIGIN, adapter-node takes that from the request's Host header (and assumes https), and the
  // page cache would then serve one sender's host to every reader: the configured address instead.
  process.env.ORIGIN ??= app.config.publicUrl;
  // Form posts are small, except a follow-up plan's matrix import: the file (the API takes up to
  // 10 MB) and, on the step that applies it, the same file carried back as base64 (4/3 as large).
  process.env.BODY_SIZE_LIMIT ??= '14M';
  // The sites that may frame the embeds: the dashboard writes them into the embeds' frame-ancestors.
  process.env.EMBED_FRAME_ANCESTORS = app.config.embedFrameAncestors.join(' ');
  // Importing the handler starts SvelteKit, whose hooks register the page variant function.
  const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler };
  const pageVariant = (globalThis as Record<symbol, PageVariant | undefined>)[PAGE_VARIANT_KEY];
  if (!pageVariant) app.log.warn('The dashboard build does not name its page variants: pages are rendered on every request.');
  const compress = compression({ threshold: COMPRESS_MIN_BYTES }) as unknown as NodeHandler;
  // Pages the cache does not keep are rendered per request and compressed on the way out (static
  // assets are served precompressed by the SvelteKit handler and pass through untouched).
  const render = (req: IncomingMessage, res: ServerResponse) => compress(req, res, () => handler(req, res));
  const pages = createPageCache(app, { handler, compress, render }, cacheOptions);

  await app.register(async (web) => {
    // Leave request bodies unread: SvelteKit reads form posts itself from the raw stream.
    web.removeAllContentTypeParsers();
    web.addContentTypeParser('*', (_req, _payload, done) => done(null));
    web.all('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?')) {
        return reply.callNotFound();
      }
      reply.hijack();
      // An embed is made to be framed (by the sites its frame-ancestors allows): the API's "never
      // frame" header, set on every response, would overrule that in older browsers.
      if (EMBED_PATH.test(request.url)) reply.raw.removeHeader('x-frame-options');
      const variant = pageVariant && (request.method === 'GET' || request.method === 'HEAD') ? variantOf(request, pageVariant) : null;
      if (variant === null) {
        // SvelteKit's 304 carries no policy of its own, and a browser stores a 304's headers over
        // the page's: the API's strict policy riding on it would leave the page unstyled on the next
        // visit (a signed-in editor's pages, never cached, are revalidated this way).
        if (request.headers['if-none-match'] !== undefined) reply.raw.removeHeader('content-security-policy');
        return render(request.raw, reply.raw);
      }
      pages.serve(variant, request, reply.raw).catch((err: unknown) => {
        request.log.error({ err }, 'serving a page failed');
        if (!reply.raw.headersSent) reply.raw.writeHead(500).end();
        else reply.raw.destroy();
      });
    });
  });
});

/** The request's page variant, or null when it is not one the cache may keep (assets, private requests). */
function variantOf(request: FastifyRequest, pageVariant: PageVariant): string | null {
  // Immutable assets: the SvelteKit handler serves them from disk, precompressed, with their own ETag.
  if (request.url.startsWith('/_app/')) return null;
  // The data of a page for client-side navigation is JSON, not a page: never kept.
  if (request.url.split('?')[0]!.endsWith('/__data.json')) return null;
  // The URL exactly as SvelteKit builds it (origin + raw path), so "//x/y" stays a path and
  // cannot name the page of another path.
  return pageVariant(new URL(`http://localhost${request.url}`), request.headers);
}

async function injectFetch(app: FastifyInstance, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer());
  const res = await app.inject({
    method: request.method as 'GET',
    url: url.pathname + url.search,
    // Marked as the dashboard's own call, so the reader's request is not counted twice against its rate limit.
    headers: { ...Object.fromEntries(request.headers), [INTERNAL_REQUEST_HEADER]: internalRequestToken },
    ...(body ? { payload: body } : {}),
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, String(v));
  }
  const nullBody = res.statusCode === 204 || res.statusCode === 304 || request.method === 'HEAD';
  return new Response(nullBody ? null : res.rawPayload, { status: res.statusCode, headers });
}
