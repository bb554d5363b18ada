import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayUtc } from '../domain/clock.js';
import { isInstrumentId } from '../domain/vocabulary.js';
import { advocacyCsv } from '../lib/csv-tables.js';
import { sendCsv } from '../lib/formats.js';
import { AdvocacyQuery, AdvocacyResponse } from '../schemas/advocacy.js';
import { AdvocacyParams } from '../schemas/params.js';
import { ErrorBody } from '../schemas/common.js';
import { assertKnownRegion, unknownInstrument } from './route-helpers.js';

export const advocacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:instrument',
    {
      schema: {
        tags: ['advocacy'],
        summary:
          'Every State that has not joined an instrument on a date, with its groups, related instruments, UPR recommendations to join, last and next review',
        description:
          'Filters combine: the group filters (region, group, ldc, sids, oda) as `combine` says (all by default; any: "LDC or SIDS"), and each other filter must hold. `format=csv` gives exactly the filtered list.',
        params: AdvocacyParams,
        querystring: AdvocacyQuery,
        response: { 200: AdvocacyResponse, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, query, language }, reply) => {
      const { asOf = todayUtc(), format, bom, ...filters } = query;
      if (filters.region) await assertKnownRegion(app, filters.region);
      const result = isInstrumentId(params.instrument)
        ? await app.services.advocacy.list(params.instrument, asOf, filters, language)
        : undefined;
      if (!result) throw unknownInstrument(app, params.instrument);
      if (format === 'csv') return sendCsv(reply, advocacyCsv(result), { bom });
      return result;
    },
  );
};
