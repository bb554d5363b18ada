import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../schemas/common.js';
import { FlagInput, FlagReceipt } from '../schemas/review.js';
import { createReviewQueueService } from '../services/review.service.js';

/** Flags a reader may send without an account from any page, at most this many per address in the window. */
export const FLAGS_PER_WINDOW = 5;
const FLAG_WINDOW = '10 minutes';

/** "This is wrong": the one write open to every reader. It lands in the editors' review queue. */
export const readerFlagRoutes: FastifyPluginAsyncZod = async (app) => {
  const review = createReviewQueueService(app.repos);
  const flags = app.createRateLimit({
    max: FLAGS_PER_WINDOW,
    timeWindow: FLAG_WINDOW,
    keyGenerator: (request) => `reader-flags:${request.ip}`,
    allowList: () => false,
  });

  app.post(
    '/',
    {
      schema: {
        tags: ['review'],
        summary: 'Flag a fact as wrong (no account needed): it lands in the editors’ review queue',
        description: `At most ${FLAGS_PER_WINDOW} flags per address in ${FLAG_WINDOW} (429 past that). The contact, if given, is seen by editors only.`,
        body: FlagInput,
        response: { 201: FlagReceipt, 400: ErrorBody, 429: ErrorBody },
      },
      // Counted before the body is read, so a flood costs nothing but the count.
      onRequest: async (request) => {
        const state = await flags(request);
        if (!state.isAllowed && state.isExceeded) {
          throw app.httpErrors.tooManyRequests(
            `Too many flags from this address: at most ${FLAGS_PER_WINDOW} in ${FLAG_WINDOW}; try again in ${Math.ceil(state.ttl / 60_000)} minutes.`,
          );
        }
      },
    },
    async (request, reply) => {
      const stored = await review.flag(request.body);
      if (stored === 'unknown-state') throw app.httpErrors.badRequest(`stateIso3: no State with code ${request.body.stateIso3}`);
      return reply.code(201).send({ id: stored.id, message: 'Thank you: an editor will look at it.' });
    },
  );
};
