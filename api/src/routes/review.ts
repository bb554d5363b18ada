import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../schemas/common.js';
import { RetractionInput } from '../schemas/editing.js';
import { EditableEvent } from '../schemas/event-editing.js';
import { ConfirmReportInput, FlagParams, FlagResolution, ReaderFlag, ReportParams, ReviewQueue } from '../schemas/review.js';
import { createEventEditing } from '../services/event-editing.js';
import { createReviewQueueService } from '../services/review.service.js';
import { todayUtc } from '../domain/clock.js';
import { EDIT_ACCESS, editorOf } from './route-helpers.js';

/** The review queue: unconfirmed reports and readers' flags, for editors (services/review.service.ts). */
export const reviewQueueRoutes: FastifyPluginAsyncZod = async (app) => {
  const review = createReviewQueueService(app.repos);
  const events = createEventEditing(app.db);
  const mayReview = app.authorize({ role: 'editor', scope: 'review-queue' });
  const security: { [scheme: string]: string[] }[] = [{ session: [] }, { apiToken: [] }];
  const writeResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
  const noEvent = (id: string) => app.httpErrors.notFound(`No participation event with id "${id}"`);
  const notAReport = (id: string, outcome: 'retracted' | 'not-a-report') =>
    app.httpErrors.conflict(
      outcome === 'retracted'
        ? `Event "${id}" is retracted: it is no longer in the queue`
        : `Event "${id}" is not an unconfirmed report: correct or retract it as an event (/api/events/{id})`,
    );

  app.get(
    '/',
    {
      schema: {
        tags: ['review'],
        summary: 'The review queue: unconfirmed reports, with what confirming each would change, and open reader flags',
        security,
        description: 'For editors (a session, or an API token with the review-queue scope). Never cached.',
        response: { 200: ReviewQueue, 401: ErrorBody, 403: ErrorBody },
      },
      onRequest: mayReview,
    },
    async () => review.queue(),
  );

  app.post(
    '/reports/:eventId/confirm',
    {
      schema: {
        tags: ['review', 'editing'],
        summary: 'Confirm an unconfirmed report with its depositary notification: it becomes a sourced event and counts from its date',
        security,
        description: EDIT_ACCESS,
        params: ReportParams,
        body: ConfirmReportInput,
        response: { 200: EditableEvent, ...writeResponses },
      },
      onRequest: mayReview,
    },
    async (request) => {
      const { date } = request.body;
      if (date !== undefined && date > todayUtc()) throw app.httpErrors.badRequest(`date ${date} is in the future`);
      const confirmed = await events.confirm(request.params.eventId, request.body, editorOf(request));
      if (confirmed === undefined) throw noEvent(request.params.eventId);
      if (typeof confirmed === 'string') throw notAReport(request.params.eventId, confirmed);
      return confirmed;
    },
  );

  app.post(
    '/reports/:eventId/reject',
    {
      schema: {
        tags: ['review', 'editing'],
        summary: 'Reject an unconfirmed report: retracted with the reason, kept and shown, never applied',
        security,
        description: EDIT_ACCESS,
        params: ReportParams,
        body: RetractionInput,
        response: { 200: EditableEvent, ...writeResponses },
      },
      onRequest: mayReview,
    },
    async (request) => {
      const rejected = await events.reject(request.params.eventId, request.body, editorOf(request));
      if (rejected === undefined) throw noEvent(request.params.eventId);
      if (typeof rejected === 'string') throw notAReport(request.params.eventId, rejected);
      return rejected;
    },
  );

  for (const [action, status] of [
    ['resolve', 'resolved'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(
      `/flags/:id/${action}`,
      {
        schema: {
          tags: ['review'],
          summary:
            action === 'resolve'
              ? 'Resolve a reader’s flag (the fact was corrected, or explained), with the reason'
              : 'Reject a reader’s flag (the fact stands), with the reason',
          security,
          description: EDIT_ACCESS,
          params: FlagParams,
          body: FlagResolution,
          response: { 200: ReaderFlag, ...writeResponses },
        },
        onRequest: mayReview,
      },
      async (request) => {
        const closed = await review.closeFlag(request.params.id, status, request.body.reason, editorOf(request));
        if (closed === undefined) throw app.httpErrors.notFound(`No reader flag with id ${request.params.id}`);
        if (closed === 'closed') throw app.httpErrors.conflict(`Flag ${request.params.id} is already closed`);
        return closed;
      },
    );
  }
};
