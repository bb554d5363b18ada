import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { ErrorBody } from '../schemas/common.js';
import { dialectOf } from '../db/dialect.js';
import { createRateLimitRepository } from '../repositories/rate-limit.repository.js';
import { isInternalRequest } from './internal-requests.js';
import { sharedRateLimitStore } from './rate-limit-store.js';

/**
 * Requests per address and minute, sized so that reading never meets them: the default 1,200 a
 * minute is twenty pages or API answers a second, for a minute, from one address (an office of
 * readers behind one address included). Writes have their own, lower limit (see
 * plugins/auth.ts). RATE_LIMIT_PER_MINUTE=0 turns the limits off (benchmarks do).
 *
 * On PostgreSQL the counters are kept in the database (rate-limit-store.ts), so that an address
 * has one allowance however many server processes answer it; on SQLite, in this process.
 */
export const rateLimitsPlugin = fp(async (app) => {
  const max = app.config.rateLimitPerMinute;
  await app.register(rateLimit, {
    global: max > 0,
    max: max || Number.MAX_SAFE_INTEGER,
    timeWindow: '1 minute',
    ...(dialectOf(app.db) === 'postgres' ? { store: sharedRateLimitStore(createRateLimitRepository(app.db)) } : {}),
    // The dashboard's built files are static and served precompressed: cheap, and a fresh browser
    // fetches a dozen of them per page, so they would only eat into a reader's allowance.
    allowList: (request) => request.url.startsWith('/_app/') || isInternalRequest(request),
    errorResponseBuilder: (_request, context) => {
      const body: ErrorBody & { statusCode: number } = {
        statusCode: context.statusCode,
        error: 'Too Many Requests',
        message: `Too many requests from this address (at most ${context.max} a minute): try again in ${context.after}.`,
      };
      return body;
    },
  });
});
