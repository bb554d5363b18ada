import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../schemas/common.js';
import { RetractionInput } from '../schemas/editing.js';
import { EditableEvent, EventCorrectionInput, EventInput, EventParams } from '../schemas/event-editing.js';
import { createEventEditing } from '../services/event-editing.js';
import { EDIT_ACCESS, editorOf } from './route-helpers.js';

/** One participation event as stored, and the editors' writes to it (services/event-editing.ts). */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const events = createEventEditing(app.db);
  const mayEdit = app.authorize({ role: 'editor', scope: 'participation-events' });
  const noEvent = (id: string) => app.httpErrors.notFound(`No participation event with id "${id}"`);
  const alreadyRetracted = (id: string) =>
    app.httpErrors.conflict(`Event "${id}" is retracted: add it again (POST /api/events) to reinstate it`);
  const writeResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

  app.get(
    '/:id',
    {
      schema: {
        tags: ['states', 'editing'],
        summary: 'One participation event as stored, retracted or not, with its source and every recorded change to it',
        params: EventParams,
        response: { 200: EditableEvent, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params }) => {
      const found = await events.read(params.id);
      if (!found) throw noEvent(params.id);
      return found;
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['editing'],
        summary: 'Add a participation event (its id is derived from instrument, State, kind, date and article, as imports derive it)',
        security: [{ session: [] }, { apiToken: [] }],
        description: `${EDIT_ACCESS} Statuses are derived from events, so the status answers change at once. 409 when a standing event has the same id.`,
        body: EventInput,
        response: { 201: EditableEvent, ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request, reply) => {
      const added = await events.add(request.body, editorOf(request));
      if (added === 'exists') {
        const { instrumentId, stateIso3, kind, date } = request.body;
        throw app.httpErrors.conflict(
          `An event ${instrumentId} ${stateIso3} ${kind} ${date ?? 'undated'} is already recorded: correct it (PUT /api/events/{id}) instead`,
        );
      }
      return reply.code(201).send(added);
    },
  );

  app.put(
    '/:id',
    {
      schema: {
        tags: ['editing'],
        summary: 'Correct a participation event in place (what it was stays in its history and the change feed)',
        security: [{ session: [] }, { apiToken: [] }],
        description: `${EDIT_ACCESS} instrumentId, stateIso3 and kind cannot be corrected: retract the event and add another.`,
        params: EventParams,
        body: EventCorrectionInput,
        response: { 200: EditableEvent, ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request) => {
      const corrected = await events.correct(request.params.id, request.body, editorOf(request));
      if (corrected === undefined) throw noEvent(request.params.id);
      if (corrected === 'retracted') throw alreadyRetracted(request.params.id);
      return corrected;
    },
  );

  app.post(
    '/:id/retract',
    {
      schema: {
        tags: ['editing'],
        summary: 'Retract a participation event: it stays recorded, marked, and no longer counts for any status',
        security: [{ session: [] }, { apiToken: [] }],
        description: EDIT_ACCESS,
        params: EventParams,
        body: RetractionInput,
        response: { 200: EditableEvent, ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request) => {
      const retracted = await events.retract(request.params.id, request.body, editorOf(request));
      if (retracted === undefined) throw noEvent(request.params.id);
      if (retracted === 'retracted') throw alreadyRetracted(request.params.id);
      return retracted;
    },
  );
};
