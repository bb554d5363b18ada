import compression from 'compression';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/** Key under which the dashboard finds the in-process API (see web/src/hooks.server.ts). */
export const API_FETCH_KEY = Symbol.for('treaty-tracker.api-fetch');

/**
 * Serves the SvelteKit dashboard (adapter-node build) on the same port as the API.
 * Every path outside /api goes to SvelteKit. Its server-side `fetch('/api/...')` calls are answered
 * in-process through `app.inject`, so rendering a page never makes a network round trip to itself
 * and works behind any proxy or Host header.
 */
export const webPlugin = fp<{ buildDir: string }>(async (app, { buildDir }) => {
  const handlerFile = join(buildDir, 'handler.js');
  if (!existsSync(handlerFile)) {
    app.log.warn(`No dashboard build at ${buildDir}: serving the API only (run \`pnpm build\`).`);
    return;
  }
  (globalThis as Record<symbol, unknown>)[API_FETCH_KEY] = (request: Request) => injectFetch(app, request);
  const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: NodeHandler };
  const compress = compression({ threshold: 1024 }) as unknown as NodeHandler;

  await app.register(async (web) => {
    // Leave request bodies unread: SvelteKit reads form posts itself from the raw stream.
    web.removeAllContentTypeParsers();
    web.addContentTypeParser('*', (_req, _payload, done) => done(null));
    web.all('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?')) {
        return reply.callNotFound();
      }
      reply.hijack();
      // Pages are rendered per request, so they are compressed on the way out (static assets
      // are served precompressed by the SvelteKit handler and pass through untouched).
      compress(request.raw, reply.raw, () => handler(request.raw, reply.raw));
    });
  });
});

async function injectFetch(app: FastifyInstance, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer());
  const res = await app.inject({
    method: request.method as 'GET',
    url: url.pathname + url.search,
    headers: Object.fromEntries(request.headers),
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
