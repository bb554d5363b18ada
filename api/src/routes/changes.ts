import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv } from '../lib/formats.js';
import { ChangesQuery, ChangesResponse } from '../schemas/changes.js';
import { ErrorBody } from '../schemas/common.js';
import { changesAtom, changesCsv } from '../services/changes.service.js';
import { unknownState } from './route-helpers.js';

/** Sends an Atom document, as sendCsv sends a CSV file (the JSON schema of the route does not describe it). */
const sendAtom = (reply: FastifyReply, body: string) => reply.type('application/atom+xml; charset=utf-8').send(body);

export const changesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['changes'],
        summary: 'The public change feed: every recorded change to the data, newest first',
        description:
          'What each import, the seed and each editor changed, with who (and for which organisation), when, why, and the ' +
          'source cited. Filter by instrument, State, kind and date; page with ?before= (the previous page’s nextBefore). ' +
          'format=csv gives the page as a spreadsheet, format=atom as an Atom 1.0 feed to subscribe to (e.g. ' +
          '?instrument=opcat&format=atom for anything about OPCAT). before and after (the record as it was and is) are in ' +
          'the JSON only. An unknown State code is 404; an unknown instrument or kind is 400.',
        querystring: ChangesQuery,
        produces: ['application/json', 'text/csv', 'application/atom+xml'],
        response: { 200: ChangesResponse, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ query }, reply) => {
      const { format, bom, ...rest } = query;
      const result = await app.services.changes.list(rest);
      if (!result) throw unknownState(app, query.state!);
      if (format === 'csv') return sendCsv(reply, changesCsv(result, rest), { bom });
      if (format === 'atom') {
        const changedAt = (await app.repos.changes.dataChangedAt()) ?? '1970-01-01T00:00:00Z';
        return sendAtom(reply, changesAtom(result, rest, app.config.publicUrl, changedAt));
      }
      return result;
    },
  );
};
