import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FormatQuery, sendCsv } from '../lib/formats.js';
import { ErrorBody, Source } from '../schemas/common.js';
import { Health } from '../schemas/health.js';

export const metaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { schema: { tags: ['meta'], summary: 'Liveness and database check', response: { 200: Health, 500: ErrorBody } } },
    async () => ({ status: 'ok' as const, database: { migrations: await app.repos.meta.countMigrations() } }),
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
        return sendCsv(reply, { filename: 'sources.csv', columns: [...columns], rows: sources });
      }
      return { sources };
    },
  );
};
