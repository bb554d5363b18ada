import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CatReportCorrectionInput,
  CatReportInput,
  CatReportParams,
  CatReportRetractionInput,
  EditableCatReport,
} from '../schemas/cat-editing.js';
import { ErrorBody } from '../schemas/common.js';
import { CatReportRecord } from '../schemas/dataset.js';
import { createCatEditing } from '../services/cat-editing.js';
import { EDIT_ACCESS, editorOf } from './route-helpers.js';

/** One CAT report record as stored, and editors' writes to them (services/cat-editing.ts), under /api/cat-reporting. */
export const catEditingRoutes: FastifyPluginAsyncZod = async (app) => {
  const reports = createCatEditing(app.db);
  const mayEdit = app.authorize({ role: 'editor', scope: 'cat-reporting' });
  const noReport = (id: string) => app.httpErrors.notFound(`No CAT report record with id "${id}"`);
  const alreadyRetracted = (id: string) =>
    app.httpErrors.conflict(`CAT report record "${id}" is retracted: record it again (POST /api/cat-reporting/reports) to reinstate it`);
  const writeResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
  const STORED = CatReportRecord;
  const DUE = ' Due dates are not given: they are computed by the rules, for this record and the State’s others, as on import.';

  app.get(
    '/reports/:id',
    {
      schema: {
        tags: ['cat-reporting', 'editing'],
        summary: 'One CAT report record as stored, retracted or not, with its source and every recorded change to it',
        description: 'The record an editor corrects: PUT it back with the fields changed, a citation and a reason.',
        params: CatReportParams,
        response: { 200: EditableCatReport, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params }) => {
      const found = await reports.read(params.id);
      if (!found) throw noReport(params.id);
      return found;
    },
  );

  app.post(
    '/reports',
    {
      schema: {
        tags: ['cat-reporting', 'editing'],
        summary: 'Record a CAT reporting round for a State (a report received, reviewed, or considered without a report)',
        security: [{ session: [] }, { apiToken: [] }],
        description: `${EDIT_ACCESS}${DUE} 409 when a standing record has the same id (State and report numbers).`,
        body: CatReportInput,
        response: { 201: STORED, ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request, reply) => {
      const added = await reports.add(request.body, editorOf(request));
      if (added === 'exists') {
        throw app.httpErrors.conflict(
          `A record of report ${request.body.number} of ${request.body.stateIso3} is already recorded: correct it (PUT /api/cat-reporting/reports/{id}) instead`,
        );
      }
      return reply.code(201).send(added);
    },
  );

  app.put(
    '/reports/:id',
    {
      schema: {
        tags: ['cat-reporting', 'editing'],
        summary: 'Correct a CAT report record in place (what it was stays in the change feed)',
        security: [{ session: [] }, { apiToken: [] }],
        description: `${EDIT_ACCESS}${DUE} The State and report numbers cannot be corrected: retract the record and add another.`,
        params: CatReportParams,
        body: CatReportCorrectionInput,
        response: { 200: STORED, ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request) => {
      const corrected = await reports.correct(request.params.id, request.body, editorOf(request));
      if (corrected === undefined) throw noReport(request.params.id);
      if (corrected === 'retracted') throw alreadyRetracted(request.params.id);
      return corrected;
    },
  );

  app.post(
    '/reports/:id/retract',
    {
      schema: {
        tags: ['cat-reporting', 'editing'],
        summary: 'Retract a CAT report record: it stays recorded, marked, and no longer counts for any situation or deadline',
        security: [{ session: [] }, { apiToken: [] }],
        description: EDIT_ACCESS,
        params: CatReportParams,
        body: CatReportRetractionInput,
        response: { 200: z.object({ id: z.string(), retractedAt: z.string() }), ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request) => {
      const retracted = await reports.retract(request.params.id, request.body, editorOf(request));
      if (retracted === undefined) throw noReport(request.params.id);
      if (retracted === 'retracted') throw alreadyRetracted(request.params.id);
      return retracted;
    },
  );
};
