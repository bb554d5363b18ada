import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { statesCsv } from '../lib/csv-tables.js';
import { sendCsv } from '../lib/formats.js';
import { ErrorBody, FormatQuery } from '../schemas/common.js';
import { AsOfQuery } from '../schemas/instrument.js';
import { InstrumentId, StatusListParam } from '../schemas/participation.js';
import { StateParams } from '../schemas/params.js';
import { StateDetail } from '../schemas/state-detail.js';
import { State, StateFilters } from '../schemas/state.js';
import { todayUtc } from '../domain/clock.js';
import { STATUSES } from '../domain/types.js';
import { assertKnownRegion, unknownState } from './route-helpers.js';

/** The group filters, and a status on one instrument: "the LDCs that have signed the Rome Statute". */
const StatesQuery = StateFilters.extend({
  instrument: InstrumentId.optional().describe('The instrument whose status `status` names'),
  status: StatusListParam.optional().describe(
    `Keep only the states with one of these statuses (${STATUSES.join(', ')}) on \`instrument\` on asOf (needs \`instrument\`): comma-separated or repeated`,
  ),
  asOf: AsOfQuery.shape.asOf.describe('The date of the status `status` names (default: today, UTC)'),
}).extend(FormatQuery.shape);

export const stateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['states'],
        summary: 'The 197 states and entities the treaties list, with their groups',
        querystring: StatesQuery,
        response: { 200: z.object({ states: z.array(State) }), 400: ErrorBody },
      },
    },
    async ({ query }, reply) => {
      const { format, bom, instrument, status, asOf = todayUtc(), ...filters } = query;
      if (status && !instrument)
        throw app.httpErrors.badRequest(
          '"status" needs "instrument": a status is always on one instrument (instrument=rome-statute&status=party)',
        );
      if (filters.region) await assertKnownRegion(app, filters.region);
      let states = await app.repos.states.listStates(filters);
      if (instrument && status) {
        // The status list's own rule, so this list and the map always agree.
        const kept = await app.services.status.instrumentStatus(instrument, asOf, { status });
        const codes = new Set(kept?.states.map((s) => s.iso3));
        states = states.filter((s) => codes.has(s.iso3));
      }
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
    async ({ params, query, language }) => {
      const detail = await app.services.catalogue.stateDetail(params.iso3, query.asOf ?? todayUtc(), language);
      if (!detail) throw unknownState(app, params.iso3);
      return detail;
    },
  );
};
