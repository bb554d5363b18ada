import { RetractionInput } from '../schemas/editing.js';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../schemas/common.js';
import { StateParams } from '../schemas/params.js';
import {
  UprAssessment,
  UprAssessmentInput,
  UprAssessmentParams,
  UprCalendarQuery,
  UprCalendarResponse,
  UprRecommendationDetail,
  UprRecommendationParams,
  UprSearchQuery,
  UprSearchResponse,
  UprStateReviews,
} from '../schemas/upr.js';
import { preferredEncoding } from '../lib/compression.js';
import { todayUtc } from '../domain/clock.js';
import { assertKnownRegion, EDIT_ACCESS, editorOf, unknownState } from './route-helpers.js';

export const uprRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/recommendations',
    {
      schema: {
        tags: ['upr'],
        summary: 'Search UPR recommendations: full text, filters, facets; CSV of the whole filtered set',
        description:
          'format=csv streams every matching recommendation (no row limit), with its source. Facet counts are over the recommendations that match all filters.',
        querystring: UprSearchQuery,
        response: { 200: UprSearchResponse, 400: ErrorBody },
      },
    },
    async (request, typedReply) => {
      const { query } = request;
      if (query.sort === 'relevance' && !query.q) throw app.httpErrors.badRequest('sort=relevance needs a search text (q)');
      if (query.stateRegion) await assertKnownRegion(app, query.stateRegion, 'stateRegion');
      if (query.format === 'csv') {
        // A stream, not the JSON shape the schema types: sent through the untyped reply.
        const reply = typedReply as FastifyReply;
        const csv = await app.services.upr.csv(query);
        reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="upr-recommendations.csv"');
        // Streamed, so the response cache cannot compress it: gzip on the way out for slow links.
        if (preferredEncoding(request.headers['accept-encoding'], ['gzip'])) {
          // pipeline, not pipe: a download cut short destroys every stage, the reading included.
          const gzipped = pipeline(csv, createGzip(), () => {});
          return reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(gzipped);
        }
        return reply.send(csv);
      }
      return app.services.upr.search(query, request.language);
    },
  );

  app.get(
    '/recommendations/:id',
    {
      schema: {
        tags: ['upr'],
        summary: 'One recommendation with its implementation assessments, oldest first',
        params: UprRecommendationParams,
        response: { 200: UprRecommendationDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, language }) => {
      const found = await app.services.upr.recommendation(params.id, language);
      if (!found) throw app.httpErrors.notFound(`No UPR recommendation with id "${params.id}"`);
      return found;
    },
  );

  const mayAssess = app.authorize({ role: 'editor', scope: 'upr-assessments' });
  const refuseFutureDate = (assessedOn: string) => {
    if (assessedOn > todayUtc()) throw app.httpErrors.badRequest(`assessedOn ${assessedOn} is in the future`);
  };
  const noAssessment = (id: number) => app.httpErrors.notFound(`No UPR implementation assessment with id ${id}`);
  const alreadyRetracted = (id: number) => app.httpErrors.conflict(`Assessment ${id} is retracted: record a new one instead`);

  app.post(
    '/recommendations/:id/assessments',
    {
      schema: {
        tags: ['upr', 'editing'],
        summary: 'Record an implementation assessment (appended; earlier ones and other organisations’ are kept)',
        security: [{ session: [] }, { apiToken: [] }],
        description: EDIT_ACCESS,
        params: UprRecommendationParams,
        body: UprAssessmentInput,
        response: { 201: UprAssessment, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
      onRequest: mayAssess,
    },
    async (request, reply) => {
      const { params, body } = request;
      refuseFutureDate(body.assessedOn);
      const created = await app.services.upr.addAssessment(params.id, body, editorOf(request));
      if (!created) throw app.httpErrors.notFound(`No UPR recommendation with id "${params.id}"`);
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/assessments/:id',
    {
      schema: {
        tags: ['upr', 'editing'],
        summary: 'Correct an implementation assessment (what it was stays in the change feed)',
        security: [{ session: [] }, { apiToken: [] }],
        description: EDIT_ACCESS,
        params: UprAssessmentParams,
        body: UprAssessmentInput,
        response: { 200: UprAssessment, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody },
      },
      onRequest: mayAssess,
    },
    async (request) => {
      const { params, body } = request;
      refuseFutureDate(body.assessedOn);
      const corrected = await app.services.upr.correctAssessment(params.id, body, editorOf(request));
      if (corrected === undefined) throw noAssessment(params.id);
      if (corrected === 'retracted') throw alreadyRetracted(params.id);
      return corrected;
    },
  );

  app.post(
    '/assessments/:id/retract',
    {
      schema: {
        tags: ['upr', 'editing'],
        summary: 'Retract an implementation assessment: it stays in the history, marked, and no longer counts',
        security: [{ session: [] }, { apiToken: [] }],
        description: EDIT_ACCESS,
        params: UprAssessmentParams,
        body: RetractionInput,
        response: { 200: UprAssessment, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody },
      },
      onRequest: mayAssess,
    },
    async (request) => {
      const retracted = await app.services.upr.retractAssessment(request.params.id, request.body, editorOf(request));
      if (retracted === undefined) throw noAssessment(request.params.id);
      if (retracted === 'retracted') throw alreadyRetracted(request.params.id);
      return retracted;
    },
  );

  app.get(
    '/reviews/:iso3',
    {
      schema: {
        tags: ['upr'],
        summary: "A State's UPR reviews (held and scheduled) with recommendation counts, its next review, and its voluntary pledges",
        params: StateParams,
        response: { 200: UprStateReviews, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async ({ params, language }) => {
      const reviews = await app.services.upr.reviewsOf(params.iso3, language);
      if (!reviews) throw unknownState(app, params.iso3);
      return reviews;
    },
  );

  app.get(
    '/calendar',
    {
      schema: {
        tags: ['upr'],
        summary: 'UPR Working Group sessions with their dates, the States reviewed, and how many recommendations the data holds for each',
        querystring: UprCalendarQuery,
        response: { 200: UprCalendarResponse, 400: ErrorBody },
      },
    },
    async ({ query, language }) => app.services.upr.calendar(query, language),
  );
};
