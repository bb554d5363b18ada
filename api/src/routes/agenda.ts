import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agendaCsv } from '../lib/csv-tables.js';
import { sendCalendar, sendCsv } from '../lib/formats.js';
import { AgendaQuery, AgendaResponse } from '../schemas/agenda.js';
import { ErrorBody } from '../schemas/common.js';
import { todayUtc } from '../domain/clock.js';
import { unknownState } from './route-helpers.js';

export const agendaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Every dated event the data holds: sessions, reviews, dialogues, deadlines, dates of effect, planned actions',
        description:
          'UPR Working Group sessions and reviews, CAT sessions and dialogues, CAT report and follow-up due dates, entries into ' +
          'force and withdrawals taking effect (per State, as the status engine works them out), amendment activation dates ' +
          'and the actions due in published follow-up plans, past and future, each with its sources and their as-of date. ' +
          '"scheduled" and "held" are kept apart; computed dates say so. Only dates the data holds: a review with no ' +
          'recorded date is not listed, and the Assembly of States Parties sessions are not in the dataset. format=ics gives an ' +
          'RFC 5545 calendar with stable UIDs: the address with its filters is the subscription. An unknown State code is 404.',
        querystring: AgendaQuery,
        produces: ['application/json', 'text/csv', 'text/calendar'],
        response: { 200: AgendaResponse, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ query, language }, reply) => {
      const { format, bom, ...filters } = query;
      if (filters.from && filters.to && filters.to < filters.from)
        throw app.httpErrors.badRequest(`"to" (${filters.to}) is before "from" (${filters.from}): give a "to" on or after "from"`);
      if (filters.state && !(await app.repos.states.findState(filters.state))) throw unknownState(app, filters.state);
      const today = todayUtc();
      if (format === 'ics') {
        const body = await app.services.agenda.calendar(filters, today, app.config.publicUrl, language);
        return sendCalendar(reply, { filename: `agenda${filters.state ? `-${filters.state}` : ''}.ics`, body });
      }
      const result = await app.services.agenda.list(filters, today, language);
      if (format === 'csv') return sendCsv(reply, agendaCsv(result), { bom });
      return result;
    },
  );
};
