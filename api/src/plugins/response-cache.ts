import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { todayUtc } from '../services/status.service.js';

type Encoding = 'br' | 'gzip';

interface Entry {
  body: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
  etag: string;
  headers: Record<string, string>;
}

/** Responses that depend on more than the data and the date are never cached. */
const UNCACHED = [/^\/api\/health(\?|$)/, /^\/api\/docs(\/|\?|$)/];
/** Below this, compression costs more than it saves. */
const COMPRESS_MIN_BYTES = 1024;
const KEPT_HEADERS = ['content-type', 'content-disposition'];
/** Clients and proxies may reuse an answer for a minute, then revalidate it with the ETag. */
const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

declare module 'fastify' {
  interface FastifyRequest {
    responseCacheKey?: string;
  }
}

/** The best encoding the client takes: brotli (smallest), then gzip, else none. */
const preferredEncoding = (request: FastifyRequest): Encoding | null => {
  const header = request.headers['accept-encoding'];
  if (!header) return null;
  // Browsers send a plain list ("gzip, deflate, br"); only q-values need the full parser.
  if (!header.includes(';')) return /\bbr\b/.test(header) ? 'br' : /\bgzip\b/.test(header) ? 'gzip' : null;
  const best = new Negotiator({ headers: { 'accept-encoding': header } }).encodings(['br', 'gzip', 'identity'])[0];
  return best === 'br' || best === 'gzip' ? best : null;
};

/**
 * Each variant is compressed once and then served many times, so the strongest settings pay off:
 * smaller answers for readers on slow links.
 */
function encode(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 9 });
}

/** Sends the entry in the client's preferred encoding (compressing it on first use). */
function encodedBody(entry: Entry, request: FastifyRequest, reply: FastifyReply): Buffer {
  const encoding = entry.body.length >= COMPRESS_MIN_BYTES ? preferredEncoding(request) : null;
  if (!encoding) return entry.body;
  reply.header('content-encoding', encoding);
  return (entry.encoded[encoding] ??= encode(entry.body, encoding));
}

const etagMatches = (request: FastifyRequest, etag: string) =>
  (request.headers['if-none-match'] ?? '').split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);

/**
 * Every GET answer of the API depends only on the data version, the URL and (for "as of today"
 * defaults) today's date. So each answer is computed once, then served from memory with a strong
 * ETag (304 when the client has it), compressed (brotli or gzip) when the client takes it: readers on slow links
 * download a fraction of the JSON, and a map's date slider costs the server almost nothing.
 * Any write bumps the data version, which retires every cached answer at once.
 */
export const responseCachePlugin = fp<{ maxBytes?: number }>(async (app, { maxBytes = 64 * 1024 * 1024 }) => {
  const cache = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    // Compressed variants are added later and are a fraction of the body: count them up front.
    sizeCalculation: (e) => e.body.length * 2 + 256,
  });

  // A callback-style hook: this runs on every API request, and skipping the promise matters here.
  app.addHook('onRequest', (request, reply, done) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.url.startsWith('/api/') || UNCACHED.some((re) => re.test(request.url))) {
      return done();
    }
    const key = `${app.repos.meta.dataVersion()}|${todayUtc()}|${request.url}`;
    const hit = cache.get(key);
    if (!hit) {
      request.responseCacheKey = key;
      return done();
    }
    reply.headers(hit.headers).header('etag', hit.etag).header('vary', 'accept-encoding').header('cache-control', CACHE_CONTROL);
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
    reply.header('etag', etag).header('vary', 'accept-encoding').header('cache-control', CACHE_CONTROL);
    if (etagMatches(request, etag)) {
      reply.code(304);
      return '';
    }
    return encodedBody(entry, request, reply);
  });
});
