import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayUtc } from '../domain/clock.js';
import { isInstrumentId } from '../domain/vocabulary.js';
import { advocacyProgressCsv } from '../lib/csv-tables.js';
import { sendCsv } from '../lib/formats.js';
import { AdvocacyProgressQuery, AdvocacyProgressResponse } from '../schemas/advocacy-progress.js';
import { AdvocacyParams } from '../schemas/params.js';
import { ErrorBody } from '../schemas/common.js';
import { unknownInstrument } from './route-helpers.js';

export const advocacyProgressRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:instrument/progress',
    {
      schema: {
        tags: ['advocacy'],
        summary:
          'How many members of each group (UN regional groups, M49 regions, LDCs, SIDS) are States Parties to an instrument on a date, who they are, and the count over time',
        description:
          'Members are the current members of each group, on every date of the series. `format=csv` gives one row per group on asOf.',
        params: AdvocacyParams,
        querystring: AdvocacyProgressQuery,
        response: { 200: AdvocacyProgressResponse, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, query, language }, reply) => {
      const { asOf = todayUtc(), from, to = asOf, format, bom } = query;
      if (from && from > to) throw app.httpErrors.badRequest(`"from" (${from}) must not be after "to" (${to})`);
      const result = isInstrumentId(params.instrument)
        ? await app.services.advocacyProgress.progress(params.instrument, asOf, from, to, language)
        : undefined;
      if (!result) throw unknownInstrument(app, params.instrument);
      if (format === 'csv') return sendCsv(reply, advocacyProgressCsv(result), { bom });
      return result;
    },
  );
};
