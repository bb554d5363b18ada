import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * The dashboard renders its pages by calling the API in-process (plugins/web.ts). Those calls
 * carry this header with a secret made at start-up, so that they are not counted a second time
 * against the reader's rate limit (the page request already was) nor against one shared
 * "127.0.0.1" bucket. The secret never leaves the process, so no outside request can claim it.
 */
export const INTERNAL_REQUEST_HEADER = 'x-tracker-internal';
export const internalRequestToken = randomBytes(32).toString('base64url');
const expected = Buffer.from(internalRequestToken);

export function isInternalRequest(request: FastifyRequest): boolean {
  const given = request.headers[INTERNAL_REQUEST_HEADER];
  if (typeof given !== 'string' || given.length !== internalRequestToken.length) return false;
  return timingSafeEqual(Buffer.from(given, 'latin1'), expected);
}
