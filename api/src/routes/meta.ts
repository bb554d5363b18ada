import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendCsv } from '../lib/formats.js';
import { ErrorBody, FormatQuery, Source } from '../schemas/common.js';
import { Health } from '../schemas/health.js';

export const metaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['meta'],
        summary: 'Liveness and database check: reads real data, so it fails (503) when the data routes would',
        response: { 200: Health, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      try {
        const h = await app.repos.meta.health();
        return {
          status: 'ok' as const,
          database: {
            migrations: h.migrations,
            states: h.states,
            dataVersion: h.version ?? 0,
            dataChangedAt: h.changedAt,
            lastImportAt: h.lastImportAt,
          },
        };
      } catch (err) {
        request.log.error({ err }, 'health check failed');
        const body: ErrorBody = {
          error: 'Service Unavailable',
          message: 'The database does not answer as it should; the server log says why.',
        };
        return reply.code(503).send(body);
      }
    },
  );

  app.get(
    '/sources',
    {
      schema: {
        tags: ['meta'],
        summary: 'Every source the data cites, with the date its data is as of',
        querystring: FormatQuery,
        response: {
          200: z.object({ sources: z.array(Source) }),
          400: ErrorBody,
        },
      },
    },
    async ({ query }, reply) => {
      const sources = await app.repos.meta.listSources();
      if (query.format === 'csv') {
        const columns = ['id', 'title', 'publisher', 'url', 'asOf', 'rawFile', 'note'] as const;
        return sendCsv(reply, { filename: 'sources.csv', columns: [...columns], rows: sources }, query);
      }
      return { sources };
    },
  );
};
