import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { COMPRESS_MIN_BYTES, compressBest, compressFast, preferredEncoding, type Encoding } from '../lib/compression.js';
import { todayUtc } from '../domain/clock.js';

/**
 * Rendered dashboard pages, kept per data version, day and page variant (plugins/web.ts decides
 * which requests share a variant). A page depends on those and nothing else, so each variant is
 * rendered once, then served from memory with a strong ETag, compressed (lib/compression.ts).
 */

/** A Node request handler, as the SvelteKit adapter-node build exports it. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export interface PageCacheOptions {
  /** Memory for rendered pages and their compressed copies. */
  maxBytes?: number;
  /** Query variants (dates, filters, sort orders) of one path kept at once. */
  maxVariantsPerPath?: number;
}

interface Encoded {
  body: Buffer;
  /** Fast first; replaced by the strongest compression once the page is asked for again. */
  level: 'fast' | 'best';
}

interface CachedPage {
  path: string;
  /** The headers SvelteKit sent (Content-Type, Content-Security-Policy, Link…), minus per-response ones. */
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** Hash of the body: every representation's ETag starts with it. */
  hash: string;
  encoded: Partial<Record<Encoding, Encoded>>;
}

/**
 * Browsers revalidate a page on every visit (a 304 from memory costs next to nothing), so a new
 * data version or a new day shows at once. The language follows Accept-Language and the `lang`
 * cookie, so a shared cache must keep pages apart by both.
 */
const PAGE_CACHE_CONTROL = 'no-cache';
const PAGE_VARY = 'Accept-Encoding, Accept-Language, Cookie';
/** Headers that belong to one response, not to the page: set again (or by Node) on every send. */
const PER_RESPONSE_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'etag',
  'vary',
  'cache-control',
]);

/** Only a complete, public HTML page is kept: not an error, a redirect, a file or a page that sets a cookie or its own caching. */
const cacheable = (res: CapturedResponse) =>
  res.statusCode === 200 &&
  String(res.getHeader('content-type') ?? '').startsWith('text/html') &&
  !['set-cookie', 'cache-control', 'vary', 'content-encoding'].some((name) => res.hasHeader(name));

export interface Renderers {
  /** The SvelteKit handler. */
  handler: NodeHandler;
  /** Compresses what the handler in `next` writes. */
  compress: NodeHandler;
  /** The handler, compressed on the way out. */
  render: (req: IncomingMessage, res: ServerResponse) => void;
}

export function createPageCache(app: FastifyInstance, { handler, compress, render }: Renderers, options: PageCacheOptions) {
  const { maxBytes = 64 * 1024 * 1024, maxVariantsPerPath = 50 } = options;
  const variantsPerPath = new Map<string, number>();
  const countVariant = (path: string, change: 1 | -1) => {
    const n = (variantsPerPath.get(path) ?? 0) + change;
    if (n > 0) variantsPerPath.set(path, n);
    else variantsPerPath.delete(path);
  };
  const pages = new LRUCache<string, CachedPage>({
    maxSize: maxBytes,
    // The compressed copies are added later and are a fraction of the body: counted up front.
    sizeCalculation: (page) => Math.ceil(page.body.length * 1.5) + 2048,
    // Called for every page that leaves: evicted, replaced or cleared.
    dispose: (page) => countVariant(page.path, -1),
  });
  /** Renders in progress, so that concurrent requests for one page wait for one render. */
  const rendering = new Map<string, Promise<CachedPage | null>>();
  /** The data version and date the cached pages belong to. */
  let generation = '';
  let compressingBest = false;

  /** The cache key of a variant now; a new data version or day empties the cache (its pages are never asked for again). */
  function keyOf(variant: string): string {
    const now = `${app.repos.meta.dataVersion()} ${todayUtc()}`;
    if (now !== generation) {
      pages.clear();
      generation = now;
    }
    return `${now} ${variant}`;
  }

  /** Keeps a rendered page if it may be kept (see cacheable) and there is room for another variant of its path. */
  function store(key: string, path: string, res: CapturedResponse): CachedPage | null {
    if (!cacheable(res) || !key.startsWith(`${generation} `)) return null; // the data or the day moved meanwhile
    // A flood of dates or filters on one page must not push every other page out.
    const variants = variantsPerPath.get(path) ?? 0;
    if (!pages.has(key) && variants >= maxVariantsPerPath) return null;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(res.getHeaders())) if (!PER_RESPONSE_HEADERS.has(name)) headers[name] = value;
    const body = Buffer.concat(res.chunks);
    const page: CachedPage = { path, headers, body, hash: createHash('sha1').update(body).digest('base64url'), encoded: {} };
    countVariant(path, 1);
    pages.set(key, page);
    if (pages.has(key)) return page;
    countVariant(path, -1); // larger than the whole cache: not kept
    return null;
  }

  function recompressAtBest(page: CachedPage, encoding: Encoding, encoded: Encoded) {
    if (compressingBest) return; // a later request for the page tries again
    compressingBest = true;
    compressBest[encoding](page.body, (err, smaller) => {
      compressingBest = false;
      if (err) return app.log.warn({ err }, 'compressing a page failed');
      if (smaller.length < encoded.body.length) encoded.body = smaller;
      encoded.level = 'best';
    });
  }

  /**
   * The representation for the client's encoding. Each has its own strong ETag (a strong tag
   * promises the same bytes); all of them start with the body's hash.
   */
  function representation(page: CachedPage, request: FastifyRequest): { body: Buffer; etag: string; encoding: Encoding | null } {
    const encoding = page.body.length >= COMPRESS_MIN_BYTES ? preferredEncoding(request.headers['accept-encoding']) : null;
    if (!encoding) return { body: page.body, etag: `"${page.hash}"`, encoding };
    let encoded = page.encoded[encoding];
    if (!encoded) encoded = page.encoded[encoding] = { body: compressFast[encoding](page.body), level: 'fast' };
    else if (encoded.level === 'fast') recompressAtBest(page, encoding, encoded);
    return { body: encoded.body, etag: `"${page.hash}.${encoding}.${encoded.level}"`, encoding };
  }

  /** A client holding any representation of this page has it: 304. */
  const revalidates = (request: FastifyRequest, page: CachedPage) =>
    (request.headers['if-none-match'] ?? '').split(',').some((tag) => {
      const t = tag.trim().replace(/^W\//, '');
      return t === `"${page.hash}"` || t.startsWith(`"${page.hash}.`);
    });

  function send(page: CachedPage, request: FastifyRequest, res: ServerResponse, hit: boolean) {
    const { body, etag, encoding } = representation(page, request);
    for (const [name, value] of Object.entries(page.headers)) if (value !== undefined) res.setHeader(name, value);
    res.setHeader('etag', etag);
    res.setHeader('vary', PAGE_VARY);
    res.setHeader('cache-control', PAGE_CACHE_CONTROL);
    res.setHeader('x-page-cache', hit ? 'hit' : 'miss');
    if (revalidates(request, page)) {
      res.writeHead(304).end();
      return;
    }
    if (encoding) res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', body.length);
    res.writeHead(200).end(request.method === 'HEAD' ? undefined : body);
  }

  /** Renders into memory: the SvelteKit handler writes its response into a CapturedResponse. */
  function capture(req: IncomingMessage): Promise<CapturedResponse> {
    return new Promise((resolve, reject) => {
      const res = new CapturedResponse();
      res.on('finish', () => resolve(res)).on('error', reject);
      handler(req, res as unknown as ServerResponse);
    });
  }

  /** A response the cache does not keep, sent as rendered (compressed on the way out). */
  function replay(captured: CapturedResponse, req: IncomingMessage, res: ServerResponse) {
    compress(req, res, () => {
      res.setHeader('x-page-cache', 'miss');
      res.writeHead(captured.statusCode, captured.getHeaders()).end(req.method === 'HEAD' ? undefined : Buffer.concat(captured.chunks));
    });
  }

  async function serve(variant: string, request: FastifyRequest, res: ServerResponse): Promise<void> {
    const key = keyOf(variant);
    const pending = rendering.get(key);
    const cached = pages.get(key) ?? (pending && (await pending));
    if (cached) return send(cached, request, res, true);
    // A HEAD request alone, or one for a page just found not to be cacheable: rendered as usual.
    if (request.method !== 'GET' || pending) return render(request.raw, res);
    const path = request.url.split('?')[0]!;
    const rendered = capture(request.raw).then((captured) => ({ captured, page: store(key, path, captured) }));
    rendering.set(
      key,
      rendered.then(
        ({ page }) => page,
        () => null,
      ),
    );
    try {
      const { captured, page } = await rendered;
      return page ? send(page, request, res, false) : replay(captured, request.raw, res);
    } finally {
      rendering.delete(key);
    }
  }

  return { serve };
}

/** Just enough of http.ServerResponse for the SvelteKit handler to write a response into memory. */
class CapturedResponse extends Writable {
  statusCode = 200;
  readonly chunks: Buffer[] = [];
  private readonly headers = new Map<string, number | string | string[]>();

  setHeader(name: string, value: number | string | readonly string[]) {
    this.headers.set(name.toLowerCase(), typeof value === 'object' ? [...value] : value);
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  hasHeader(name: string) {
    return this.headers.has(name.toLowerCase());
  }
  removeHeader(name: string) {
    this.headers.delete(name.toLowerCase());
  }
  getHeaderNames() {
    return [...this.headers.keys()];
  }
  getHeaders(): OutgoingHttpHeaders {
    return Object.fromEntries(this.headers);
  }
  writeHead(status: number, headers: OutgoingHttpHeaders = {}) {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    return this;
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    this.chunks.push(chunk);
    done();
  }
}
