import Negotiator from 'negotiator';
import { brotliCompress, brotliCompressSync, gzip, gzipSync, constants as zlibConstants } from 'node:zlib';

/**
 * Compression of the answers and pages the server keeps in memory (plugins/response-cache.ts,
 * plugins/page-cache.ts), in two steps. The first answer is compressed at a fast level (brotli 5,
 * gzip 6: some 15 ms for the largest page), so a request for something new never waits on the
 * strongest settings (brotli 11: some 700 ms for the map page). Once the same thing is asked for
 * again it is worth keeping smaller: it is compressed once more at the strongest level, on libuv's
 * thread pool rather than the event loop, for later readers on slow links.
 */
export type Encoding = 'br' | 'gzip';

/** Below this, compression costs more than it saves. */
export const COMPRESS_MIN_BYTES = 1024;

export const compressFast: Record<Encoding, (body: Buffer) => Buffer> = {
  br: (body) =>
    brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipSync(body, { level: 6 }),
};

export const compressBest: Record<Encoding, (body: Buffer, done: (err: Error | null, result: Buffer) => void) => void> = {
  br: (body, done) =>
    brotliCompress(
      body,
      { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } },
      done,
    ),
  gzip: (body, done) => gzip(body, { level: 9 }, done),
};

const LISTED: Record<Encoding, RegExp> = { br: /\bbr\b/, gzip: /\bgzip\b/ };

/**
 * The best of the offered encodings an Accept-Encoding header takes (the first offered wins a tie),
 * or null for none. Brotli is the smallest, so it is offered first where the answer is precomputed.
 */
export function preferredEncoding<E extends Encoding>(
  acceptEncoding: string | undefined,
  offered: readonly E[] = ['br', 'gzip'] as E[],
): E | null {
  if (!acceptEncoding) return null;
  // Browsers send a plain list ("gzip, deflate, br"); only q-values need the full parser.
  if (!acceptEncoding.includes(';')) return offered.find((e) => LISTED[e].test(acceptEncoding)) ?? null;
  const best = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encodings([...offered, 'identity'])[0];
  return offered.find((e) => e === best) ?? null;
}
