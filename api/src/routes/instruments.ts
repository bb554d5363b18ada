import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayUtc } from '../domain/clock.js';
import { isInstrumentId } from '../domain/vocabulary.js';
import { instrumentsCsv, statusCsv, timelineCsv } from '../lib/csv-tables.js';
import { sendCsv } from '../lib/formats.js';
import { ErrorBody, FormatQuery, IsoDate } from '../schemas/common.js';
import {
  AsOfQuery,
  Instrument,
  InstrumentDetail,
  InstrumentStatusQuery,
  InstrumentStatusResponse,
  TimelineResponse,
} from '../schemas/instrument.js';
import { InstrumentParams } from '../schemas/params.js';
import { assertKnownRegion, unknownInstrument } from './route-helpers.js';

export const instrumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const notFound = (id: string) => unknownInstrument(app, id);

  app.get(
    '/',
    {
      schema: {
        tags: ['instruments'],
        summary: 'The 11 instruments: the Rome Statute and its amendments, APIC, UNCAT and OPCAT',
        querystring: FormatQuery,
        response: { 200: z.object({ instruments: z.array(Instrument) }), 400: ErrorBody },
      },
    },
    async ({ query, language }, reply) => {
      const instruments = await app.services.catalogue.listInstruments(language);
      if (query.format === 'csv') return sendCsv(reply, instrumentsCsv(instruments), query);
      return { instruments };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['instruments'],
        summary: 'One instrument, its counts per status today and the counts its sources publish',
        params: InstrumentParams,
        response: { 200: InstrumentDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, language }) => {
      const detail = isInstrumentId(params.id) ? await app.services.catalogue.instrumentDetail(params.id, todayUtc(), language) : undefined;
      if (!detail) throw notFound(params.id);
      return detail;
    },
  );

  app.get(
    '/:id/status',
    {
      schema: {
        tags: ['instruments'],
        summary: "Every state's status on a date, with the dates and sources behind it, and counts per status",
        params: InstrumentParams,
        querystring: InstrumentStatusQuery.extend(FormatQuery.shape),
        response: { 200: InstrumentStatusResponse, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, query, language }, reply) => {
      const { asOf = todayUtc(), format, bom, ...filters } = query;
      if (filters.region) await assertKnownRegion(app, filters.region);
      const result = isInstrumentId(params.id) ? await app.services.status.instrumentStatus(params.id, asOf, filters, language) : undefined;
      if (!result) throw notFound(params.id);
      if (format === 'csv') return sendCsv(reply, statusCsv(result), { bom });
      return result;
    },
  );

  app.get(
    '/:id/timeline',
    {
      schema: {
        tags: ['instruments'],
        summary: 'Dated changes in the number of parties and signatories, from adoption to today',
        params: InstrumentParams,
        querystring: z
          .object({
            from: IsoDate.optional().describe('Start (default: adoption)'),
            to: AsOfQuery.shape.asOf.describe('End (default: today, UTC)'),
          })
          .extend(FormatQuery.shape),
        response: { 200: TimelineResponse, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, query }, reply) => {
      const to = query.to ?? todayUtc();
      if (query.from && query.from > to) throw app.httpErrors.badRequest(`"from" (${query.from}) must not be after "to" (${to})`);
      const result = isInstrumentId(params.id) ? await app.services.status.timeline(params.id, query.from, to) : undefined;
      if (!result) throw notFound(params.id);
      if (query.format === 'csv') return sendCsv(reply, timelineCsv(result), query);
      return result;
    },
  );
};
