import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catReportingCsv, catReportingHistoryCsv } from '../lib/csv-tables.js';
import { sendCalendar, sendCsv } from '../lib/formats.js';
import { CatCalendarQuery, CatReportingDetail, CatReportingListResponse, CatReportingQuery } from '../schemas/cat-reporting.js';
import { ErrorBody, FormatQuery } from '../schemas/common.js';
import { AsOfQuery } from '../schemas/instrument.js';
import { StateParams } from '../schemas/params.js';
import { todayUtc } from '../domain/clock.js';
import { assertKnownRegion, unknownState } from './route-helpers.js';
// OpenAPI lists the schemas' components in the order their modules are first loaded; these two were
// loaded here (through the states routes) before the shared helpers moved, and stay so that
// api/openapi.json keeps its order.
import '../schemas/state-detail.js';
import '../schemas/state.js';

export const catReportingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['cat-reporting'],
        summary: 'Every state: its recorded CAT reporting history, next report due and what is established as overdue',
        description:
          'A report or follow-up counts as overdue only when the data establishes it (a complete recorded history, or the ' +
          "Committee's own list of states late with follow-up). States whose history is not recorded have the situation " +
          '"history-not-recorded" and are never counted as overdue.',
        querystring: CatReportingQuery.extend(FormatQuery.shape),
        response: { 200: CatReportingListResponse, 400: ErrorBody },
      },
    },
    async ({ query, language }, reply) => {
      const { format, bom, asOf, ...filters } = query;
      if (filters.region) await assertKnownRegion(app, filters.region);
      const result = await app.services.catReporting.list(asOf ?? todayUtc(), filters, language);
      if (format === 'csv') return sendCsv(reply, catReportingCsv(result), { bom });
      return result;
    },
  );

  // Registered before /:iso3 so "calendar.ics" is never read as a state code.
  app.get(
    '/calendar.ics',
    {
      schema: {
        tags: ['cat-reporting'],
        summary: 'RFC 5545 calendar of upcoming and established-overdue CAT reporting deadlines',
        description: 'All states parties, or one with ?state=ISO3. Computed dates say so in each event.',
        querystring: CatCalendarQuery,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('text/calendar'), 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const iso3 = request.query.state;
      const body = await app.services.catReporting.calendar(todayUtc(), iso3, app.config.publicUrl, request.language);
      if (body === undefined) throw unknownState(app, iso3!);
      return sendCalendar(reply, { filename: `cat-deadlines${iso3 ? `-${iso3}` : ''}.ics`, body });
    },
  );

  app.get(
    '/:iso3',
    {
      schema: {
        tags: ['cat-reporting'],
        summary: "One state's full CAT reporting history: every report and follow-up, with due dates and their basis",
        params: StateParams,
        querystring: AsOfQuery.extend(FormatQuery.shape),
        response: { 200: CatReportingDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, query, language }, reply) => {
      const detail = await app.services.catReporting.detail(params.iso3, query.asOf ?? todayUtc(), language);
      if (!detail) throw unknownState(app, params.iso3);
      if (query.format === 'csv') return sendCsv(reply, catReportingHistoryCsv(detail), query);
      return detail;
    },
  );
};
