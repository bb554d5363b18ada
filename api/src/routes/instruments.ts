import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INSTRUMENT_IDS, type InstrumentId } from '../domain/types.js';
import { FormatQuery, sendCsv } from '../lib/formats.js';
import { todayUtc } from '../services/status.service.js';
import { ErrorBody, IsoDate } from '../schemas/common.js';
import {
  AsOfQuery,
  Instrument,
  InstrumentDetail,
  InstrumentStatusQuery,
  InstrumentStatusResponse,
  TimelineResponse,
} from '../schemas/instrument.js';
import { InstrumentParams } from '../schemas/params.js';
import { assertKnownRegion } from './states.js';

const isInstrumentId = (id: string): id is InstrumentId => (INSTRUMENT_IDS as readonly string[]).includes(id);

export const instrumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const notFound = (id: string) =>
    app.httpErrors.notFound(`No instrument "${id}". Known ids: ${INSTRUMENT_IDS.join(', ')}.`);

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
    async ({ query }, reply) => {
      const instruments = await app.catalogue.listInstruments();
      if (query.format === 'csv') {
        const rows = instruments.map((i) => ({ ...i, entryIntoForceRule: i.entryIntoForceRule.kind, withdrawalRule: i.withdrawalRule?.kind ?? 'not recorded', sources: i.sources.map((s) => s.url ?? s.title).join(' ; ') }));
        return sendCsv(reply, {
          filename: 'instruments.csv',
          columns: ['id', 'parentId', 'untcReference', 'name', 'shortName', 'adoptedOn', 'generalEntryIntoForce', 'entryIntoForceRule', 'withdrawalRule', 'dataAsOf', 'completenessNote', 'sources'],
          rows,
        });
      }
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
    async ({ params }) => {
      const detail = isInstrumentId(params.id) ? await app.catalogue.instrumentDetail(params.id, todayUtc()) : undefined;
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
    async ({ params, query }, reply) => {
      const { asOf = todayUtc(), format, ...filters } = query;
      if (filters.region) await assertKnownRegion(app, filters.region);
      const result = isInstrumentId(params.id) ? await app.statusService.instrumentStatus(params.id, asOf, filters) : undefined;
      if (!result) throw notFound(params.id);
      if (format === 'csv') {
        const sourceText = new Map(result.sources.map((s) => [s.id, s.url ? `${s.title} <${s.url}> (as of ${s.asOf ?? 'not recorded'})` : s.title]));
        const rows = result.states.map((r) => ({
          instrument: result.instrumentId,
          asOf: result.asOf,
          dataAsOf: result.dataAsOf,
          iso3: r.iso3,
          name: r.name,
          status: r.status,
          since: r.since,
          signature: r.signature?.date,
          consent: r.consent?.date,
          consentKind: r.consent?.kind,
          entryIntoForce: r.entryIntoForce?.date,
          entryIntoForceComputed: r.entryIntoForce?.computed,
          withdrawalNotified: r.withdrawal?.notified,
          withdrawalEffective: r.withdrawal?.effective,
          uncertain: r.uncertain,
          sources: r.sourceIds.map((id) => sourceText.get(id)).join(' ; '),
        }));
        return sendCsv(reply, {
          filename: `${result.instrumentId}-status-${result.asOf}.csv`,
          columns: ['instrument', 'asOf', 'dataAsOf', 'iso3', 'name', 'status', 'since', 'signature', 'consent', 'consentKind', 'entryIntoForce', 'entryIntoForceComputed', 'withdrawalNotified', 'withdrawalEffective', 'uncertain', 'sources'],
          rows,
        });
      }
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
      const result = isInstrumentId(params.id) ? await app.statusService.timeline(params.id, query.from, to) : undefined;
      if (!result) throw notFound(params.id);
      if (query.format === 'csv') {
        const rows = result.points.map((p) => ({
          instrument: result.instrumentId,
          date: p.date,
          parties: p.parties,
          partiesNotInForce: p.partiesNotInForce,
          signatories: p.signatories,
          changes: p.change.map((c) => `${c.iso3}: ${c.from} -> ${c.to}`).join(' ; '),
          dataAsOf: result.dataAsOf,
        }));
        return sendCsv(reply, {
          filename: `${result.instrumentId}-timeline.csv`,
          columns: ['instrument', 'date', 'parties', 'partiesNotInForce', 'signatories', 'changes', 'dataAsOf'],
          rows,
        });
      }
      return result;
    },
  );
};
