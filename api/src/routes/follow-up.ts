import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendCsv } from '../lib/formats.js';
import { ErrorBody } from '../schemas/common.js';
import {
  ActionInput,
  FollowUpPlan,
  PlanInput,
  PlanListQuery,
  PLAN_SUMMARY_COLUMNS,
  PlanListResponse,
  PlanParams,
  PlanQuery,
  ProgressUpdateInput,
  PublishInput,
} from '../schemas/follow-up.js';
import { createFollowUpService, planMatrix } from '../services/follow-up.service.js';
import { editorOf } from './route-helpers.js';

const ACCESS =
  'For editors of the organisation that owns the plan: a signed-in session (sending its x-csrf-token) or an API token with scope follow-up. ' +
  'A draft plan of another organisation is 404 (its existence is not revealed); a published one is 403. Every write is audited (who, which ' +
  'organisation, when, before and after); plans are not listed in the public change feed.';

/** UPR follow-up plans (services/follow-up.service.ts), under /api/follow-up. */
export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  const plans = createFollowUpService(app.db);
  const mayEdit = app.authorize({ role: 'editor', scope: 'follow-up' });
  const noPlan = (id: string) =>
    app.httpErrors.notFound(
      `No follow-up plan "${id}" that you may see: a draft is seen only by its organisation's editors, signed in or with a token (GET /api/follow-up/plans lists the plans you may see)`,
    );
  const reader = (request: FastifyRequest) => (request.principal ? editorOf(request) : null);
  const writeResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };
  const outcome = <T>(id: string, result: T | 'not-found' | 'forbidden'): T => {
    if (result === 'not-found') throw noPlan(id);
    if (result === 'forbidden') throw app.httpErrors.forbidden('Only editors of the organisation that owns this plan may change it.');
    return result;
  };

  app.get(
    '/plans',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Follow-up plans: the published ones, and a signed-in organisation’s own drafts',
        produces: ['application/json', 'text/csv'],
        querystring: PlanListQuery,
        response: { 200: PlanListResponse, 400: ErrorBody, 401: ErrorBody },
      },
      onRequest: app.identify,
    },
    async (request, reply) => {
      const { state, organisation, cycle, format, bom } = request.query;
      const listed = await plans.list({ stateIso3: state, organisation, cycle }, reader(request));
      if (format === 'csv')
        return sendCsv(reply, { filename: 'follow-up-plans.csv', columns: [...PLAN_SUMMARY_COLUMNS], rows: listed }, { bom });
      return { plans: listed };
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'One follow-up plan: clusters, recommendations with their responses, actions and progress over time',
        description:
          'Readers of other organisations see the plan as it was last published; its own organisation sees it as it is. asOf leaves out ' +
          'the progress updates dated after it (a mid-term report as of a date). format=csv gives the implementation matrix, one row per recommendation.',
        params: PlanParams,
        querystring: PlanQuery,
        produces: ['application/json', 'text/csv'],
        response: { 200: FollowUpPlan, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
      onRequest: app.identify,
    },
    async (request, reply) => {
      const plan = outcome(request.params.id, await plans.read(request.params.id, reader(request), request.query.asOf));
      if (request.query.format === 'csv') return sendCsv(reply, planMatrix(plan), { bom: request.query.bom });
      return plan;
    },
  );

  app.post(
    '/plans',
    {
      schema: {
        tags: ['follow-up', 'editing'],
        summary: 'Create a draft follow-up plan for a UPR review, for your organisation',
        description: ACCESS,
        security: [{ session: [] }, { apiToken: [] }],
        body: PlanInput,
        response: { 201: FollowUpPlan, ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request, reply) => reply.code(201).send(await plans.create(request.body, editorOf(request))),
  );

  app.post(
    '/plans/:id/actions',
    {
      schema: {
        tags: ['follow-up', 'editing'],
        summary: 'Add a planned action to a recommendation of the plan',
        description: ACCESS,
        security: [{ session: [] }, { apiToken: [] }],
        params: PlanParams,
        body: ActionInput,
        response: { 201: z.object({ id: z.string() }).passthrough(), ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request, reply) =>
      reply.code(201).send(outcome(request.params.id, await plans.addAction(request.params.id, request.body, editorOf(request)))),
  );

  app.post(
    '/plans/:id/updates',
    {
      schema: {
        tags: ['follow-up', 'editing'],
        summary: 'Record progress on a recommendation of the plan, as of a date, with its evidence',
        description: ACCESS,
        security: [{ session: [] }, { apiToken: [] }],
        params: PlanParams,
        body: ProgressUpdateInput,
        response: { 201: z.object({ id: z.number().int() }).passthrough(), ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request, reply) =>
      reply.code(201).send(outcome(request.params.id, await plans.recordUpdate(request.params.id, request.body, editorOf(request)))),
  );

  app.post(
    '/plans/:id/publish',
    {
      schema: {
        tags: ['follow-up', 'editing'],
        summary: 'Publish the plan as it is now: a new version, kept as it was, which every reader then sees',
        description: ACCESS,
        security: [{ session: [] }, { apiToken: [] }],
        params: PlanParams,
        body: PublishInput,
        response: { 200: FollowUpPlan, ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request) => outcome(request.params.id, await plans.publish(request.params.id, request.body, editorOf(request))),
  );
};
