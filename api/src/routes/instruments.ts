import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayUtc } from '../domain/clock.js';
import { isInstrumentId } from '../domain/vocabulary.js';
import { instrumentsCsv, statusCsv, timelineCsv } from '../lib/csv-tables.js';
import { sendCsv, sendFile } from '../lib/formats.js';
import { ErrorBody, FormatQuery, IntParam, IsoDate } from '../schemas/common.js';
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
import type { MapImageRequest } from '../services/map-image.service.js';
import type { Language } from '../domain/languages.js';
import type { InstrumentStatusQuery as StatusQuery } from '../schemas/instrument.js';

/** PNG map images one address may ask for per minute (README, "Map images"). */
export const PNG_PER_MINUTE = 30;

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

  /**
   * What a map image shows and the dashboard page that shows the same view: the date is always in
   * the permalink, so it reproduces the image, not "today" when it is opened later.
   */
  async function mapRequest(id: string, query: StatusQuery, language: Language): Promise<MapImageRequest> {
    const { asOf = todayUtc(), ...filters } = query;
    if (filters.region) await assertKnownRegion(app, filters.region);
    if (!isInstrumentId(id)) throw notFound(id);
    const search = new URLSearchParams({ asOf });
    for (const [key, value] of Object.entries(filters))
      if (value !== undefined) search.set(key, Array.isArray(value) ? value.join(',') : String(value));
    const prefix = language === 'en' ? '' : `/${language}`;
    return {
      instrumentId: id,
      asOf,
      filters,
      language,
      permalink: `${app.config.publicUrl}${prefix}/maps/${id}?${search.toString()}`,
      site: app.config.publicUrl,
    };
  }

  app.get(
    '/:id/map.svg',
    {
      schema: {
        tags: ['instruments'],
        summary: "The map of every state's status on a date, as one self-contained SVG image",
        description:
          "The dashboard's map (same geometry, colours and patterns) with its title, date, count of States Parties, key, " +
          'sources with their as-of dates, the dataset version and a permalink to the same view; the same filters as ' +
          '/status (states outside the selection are white). Each state is a <g id="state-ISO3"> with a <title>.',
        params: InstrumentParams,
        querystring: InstrumentStatusQuery,
        produces: ['image/svg+xml'],
        response: { 200: z.string().describe('image/svg+xml'), 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, query, language }, reply) => {
      const request = await mapRequest(params.id, query, language);
      const body = await app.services.mapImage.svg(request);
      if (body === undefined) throw notFound(params.id);
      return sendFile(reply, {
        type: 'image/svg+xml; charset=utf-8',
        filename: `${params.id}-map-${request.asOf}.svg`,
        body,
        inline: true,
      });
    },
  );

  app.get(
    '/:id/map.png',
    {
      schema: {
        tags: ['instruments'],
        summary: 'The same map as a PNG image, rasterised on the server',
        description: `The SVG of /map.svg rendered by resvg; \`width\` in pixels (default 1920, for slides and print). At most ${PNG_PER_MINUTE} a minute from one address (429 past it).`,
        params: InstrumentParams,
        querystring: InstrumentStatusQuery.extend({
          width: IntParam(480, 3840).optional().describe('Width of the image in pixels, 480 to 3840 (default 1920)'),
        }),
        produces: ['image/png'],
        response: { 200: z.string().describe('image/png'), 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
      // Rasterising costs some 200 ms of CPU: one address may ask for a few a minute, not the reading limit.
      config: { rateLimit: app.config.rateLimitPerMinute > 0 ? { max: PNG_PER_MINUTE, timeWindow: '1 minute' } : false },
    },
    async ({ params, query, language }, reply) => {
      const { width = 1920, ...rest } = query;
      const request = await mapRequest(params.id, rest, language);
      const body = await app.services.mapImage.png(request, width);
      if (body === undefined) throw notFound(params.id);
      return sendFile(reply, { type: 'image/png', filename: `${params.id}-map-${request.asOf}.png`, body, inline: true });
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
