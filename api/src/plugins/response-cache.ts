import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COMPRESS_MIN_BYTES, compressBest, compressFast, preferredEncoding, type Encoding } from '../lib/compression.js';
import { todayUtc } from '../domain/clock.js';
import { SESSION_COOKIE } from './auth.js';

interface Encoded {
  body: Buffer;
  /** Compressed at the strongest level (done off the event loop once the answer is asked for again). */
  best: boolean;
}

interface Entry {
  body: Buffer;
  encoded: Partial<Record<Encoding, Encoded>>;
  etag: string;
  headers: Record<string, string>;
}

/** Responses that depend on more than the data and the date are never cached. */
const UNCACHED = [/^\/api\/health(\?|$)/, /^\/api\/docs(\/|\?|$)/];

/**
 * A request that says who is asking (an API token, a session cookie) may get an answer made for
 * that caller (the review queue, the user list, who is signed in): it is neither served from the
 * cache nor stored in it, whatever the route.
 */
const carriesCredentials = (request: FastifyRequest) =>
  request.headers.authorization !== undefined || request.cookies[SESSION_COOKIE] !== undefined;
const KEPT_HEADERS = ['content-type', 'content-disposition'];
/** Clients and proxies may reuse an answer for a minute, then revalidate it with the ETag. */
const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

declare module 'fastify' {
  interface FastifyRequest {
    responseCacheKey?: string;
  }
  interface FastifyInstance {
    /** How many answers the cache holds (for tests and diagnostics). */
    responseCacheSize: () => number;
  }
}

/** Sends the entry in the client's preferred encoding: compressed fast on first use, at best on reuse (lib/compression.ts). */
function encodedBody(entry: Entry, request: FastifyRequest, reply: FastifyReply): Buffer {
  const encoding = entry.body.length >= COMPRESS_MIN_BYTES ? preferredEncoding(request.headers['accept-encoding']) : null;
  if (!encoding) return entry.body;
  reply.header('content-encoding', encoding);
  const existing = entry.encoded[encoding];
  if (!existing) return (entry.encoded[encoding] = { body: compressFast[encoding](entry.body), best: false }).body;
  if (!existing.best) {
    existing.best = true; // set now, so that one compression runs however many requests arrive meanwhile
    compressBest[encoding](entry.body, (err, smaller) => {
      if (!err && smaller.length < existing.body.length) existing.body = smaller;
    });
  }
  return existing.body;
}

/**
 * The cache key: the data version, today's date, the answer's language, the route and its validated
 * parameters and query.
 * Validation has dropped the parameters a route does not know and put the rest in one order, so
 * `?x=1` or a reordered query finds the same entry instead of filling the cache with copies.
 */
function cacheKey(version: number, request: FastifyRequest): string {
  const query = request.routeOptions.schema?.querystring ? request.query : {};
  return `${version}|${todayUtc()}|${request.language}|${request.routeOptions.url}|${JSON.stringify(request.params)}|${JSON.stringify(query)}`;
}

const etagMatches = (request: FastifyRequest, etag: string) =>
  (request.headers['if-none-match'] ?? '').split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);

/**
 * Every GET answer of the API depends only on the data version, the route with its validated
 * parameters and (for "as of today" defaults) today's date. So each answer is computed once, then
 * served from memory with a strong ETag (304 when the client has it), compressed (brotli or gzip)
 * when the client takes it: readers on slow links download a fraction of the JSON, and a map's
 * date slider costs the server almost nothing.
 * Any write bumps the data version, which retires every cached answer at once.
 */
export const responseCachePlugin = fp<{ maxBytes?: number }>(async (app, { maxBytes = 64 * 1024 * 1024 }) => {
  const cache = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    // Compressed variants are added later and are a fraction of the body: count them up front.
    sizeCalculation: (e) => e.body.length * 2 + 256,
  });

  app.decorate('responseCacheSize', () => cache.size);

  // After validation (a bad query is answered 400 and never cached); a callback-style hook, since
  // this runs on every API request and skipping the promise matters here.
  app.addHook('preHandler', (request, reply, done) => {
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      !request.url.startsWith('/api/') ||
      UNCACHED.some((re) => re.test(request.url)) ||
      carriesCredentials(request)
    ) {
      return done();
    }
    const key = cacheKey(app.repos.meta.dataVersion(), request);
    const hit = cache.get(key);
    if (!hit) {
      request.responseCacheKey = key;
      return done();
    }
    reply
      .headers(hit.headers)
      .header('etag', hit.etag)
      .header('vary', 'accept-encoding, accept-language')
      .header('cache-control', CACHE_CONTROL);
    if (etagMatches(request, hit.etag)) return reply.code(304).send();
    return reply.send(encodedBody(hit, request, reply));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.responseCacheKey;
    if (!key || reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const entry: Entry = { body, encoded: {}, etag, headers };
    cache.set(key, entry);
    reply.header('etag', etag).header('vary', 'accept-encoding, accept-language').header('cache-control', CACHE_CONTROL);
    if (etagMatches(request, etag)) {
      reply.code(304);
      return '';
    }
    return encodedBody(entry, request, reply);
  });
});
