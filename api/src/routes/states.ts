import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { statesCsv } from '../lib/csv-tables.js';
import { sendCsv } from '../lib/formats.js';
import { ErrorBody, FormatQuery } from '../schemas/common.js';
import { AsOfQuery } from '../schemas/instrument.js';
import { StateParams } from '../schemas/params.js';
import { StateDetail } from '../schemas/state-detail.js';
import { State, StateFilters } from '../schemas/state.js';
import { todayUtc } from '../domain/clock.js';
import { assertKnownRegion, unknownState } from './route-helpers.js';

export const stateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['states'],
        summary: 'The 197 states and entities the treaties list, with their groups',
        querystring: StateFilters.extend(FormatQuery.shape),
        response: { 200: z.object({ states: z.array(State) }), 400: ErrorBody },
      },
    },
    async ({ query }, reply) => {
      const { format, bom, ...filters } = query;
      if (filters.region) await assertKnownRegion(app, filters.region);
      const states = await app.repos.states.listStates(filters);
      if (format === 'csv') return sendCsv(reply, statesCsv(states), { bom });
      return { states };
    },
  );

  app.get(
    '/:iso3',
    {
      schema: {
        tags: ['states'],
        summary: 'One state: its groups, its status on all 11 instruments and every event with its source',
        params: StateParams,
        querystring: AsOfQuery,
        response: { 200: StateDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, query }) => {
      const detail = await app.services.catalogue.stateDetail(params.iso3, query.asOf ?? todayUtc());
      if (!detail) throw unknownState(app, params.iso3);
      return detail;
    },
  );
};
