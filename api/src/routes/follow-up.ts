import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendCalendar, sendCsv, sendFile } from '../lib/formats.js';
import { deadlinesCalendar } from '../messages/follow-up-calendar.js';
import { ErrorBody } from '../schemas/common.js';
import { MATRIX_LAYOUT } from '../domain/follow-up-matrix.js';
import { tableToXlsx, XLSX_TYPE } from '../lib/spreadsheet.js';
import { planReportDocx, DOCX_TYPE } from '../messages/follow-up-report.js';
import {
  ActionInput,
  BodyInput,
  BodyListQuery,
  BodyListResponse,
  ClusterInput,
  ClusterParams,
  DEADLINE_COLUMNS,
  DeadlineList,
  DeadlineQuery,
  FollowUpPlan,
  ImportPreview,
  ImportQuery,
  IndicatorInput,
  ItemMoveInput,
  ItemParams,
  OtherRecommendationInput,
  ResponsibleBody,
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

const WRITE_SECURITY: { [scheme: string]: string[] }[] = [{ session: [] }, { apiToken: [] }];
const Written = z.object({ id: z.string() }).passthrough();

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
          'the progress updates dated after it (a mid-term report as of a date). format=csv or xlsx gives the implementation matrix, one row ' +
          'per planned action (the layout POST /plans/{id}/import reads); format=docx the mid-term report as a Word document.',
        params: PlanParams,
        querystring: PlanQuery,
        produces: ['application/json', 'text/csv', XLSX_TYPE, DOCX_TYPE],
        response: { 200: FollowUpPlan, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
      onRequest: app.identify,
    },
    async (request, reply) => {
      const plan = outcome(request.params.id, await plans.read(request.params.id, reader(request), request.query.asOf));
      const matrix = planMatrix(plan);
      const named = (ext: string) => matrix.filename.replace(/\.csv$/, `.${ext}`);
      switch (request.query.format) {
        case 'csv':
          return sendCsv(reply, matrix, { bom: request.query.bom });
        case 'xlsx': {
          const headers = Object.fromEntries(MATRIX_LAYOUT.map((c) => [c.key, c.header]));
          const file = await tableToXlsx(matrix, { sheet: plan.reviewId, headers });
          return sendFile(reply, { type: XLSX_TYPE, filename: named('xlsx'), body: file });
        }
        case 'docx':
          return sendFile(reply, { type: DOCX_TYPE, filename: named('docx'), body: await planReportDocx(plan) });
        default:
          return plan;
      }
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
  /** The routes that write to one plan share their shape: params, an input, a 201 with what was written. */
  const planWrite = <B extends z.ZodType, P extends z.ZodType>(summary: string, params: P, body: B) => ({
    schema: {
      tags: ['follow-up', 'editing'],
      summary,
      description: ACCESS,
      security: WRITE_SECURITY,
      params,
      body,
      response: { 200: Written, 201: Written, ...writeResponses },
    },
    onRequest: mayEdit,
  });

  app.post(
    '/plans/:id/indicators',
    planWrite('Add an indicator (text, baseline, target) to a recommendation of the plan', PlanParams, IndicatorInput),
    async (request, reply) =>
      reply.code(201).send(outcome(request.params.id, await plans.addIndicator(request.params.id, request.body, editorOf(request)))),
  );

  app.post('/plans/:id/clusters', planWrite('Add a cluster to the plan', PlanParams, ClusterInput), async (request, reply) =>
    reply.code(201).send(outcome(request.params.id, await plans.addCluster(request.params.id, request.body, editorOf(request)))),
  );

  app.put(
    '/plans/:id/clusters/:clusterId',
    planWrite('Rename a cluster of the plan', ClusterParams, ClusterInput),
    async (request, reply) =>
      reply
        .code(200)
        .send(
          outcome(
            request.params.id,
            await plans.renameCluster(request.params.id, request.params.clusterId, request.body, editorOf(request)),
          ),
        ),
  );

  app.put(
    '/plans/:id/items/:itemId',
    planWrite('Move a recommendation of the plan to another of its clusters', ItemParams, ItemMoveInput),
    async (request, reply) =>
      reply
        .code(200)
        .send(outcome(request.params.id, await plans.moveItem(request.params.id, request.params.itemId, request.body, editorOf(request)))),
  );

  app.post(
    '/plans/:id/items/:itemId/remove',
    planWrite(
      'Take a recommendation out of the plan (kept, with its actions and updates, marked removed), with a reason',
      ItemParams,
      PublishInput,
    ),
    async (request, reply) =>
      reply
        .code(201)
        .send(
          outcome(request.params.id, await plans.removeItem(request.params.id, request.params.itemId, request.body, editorOf(request))),
        ),
  );

  app.post(
    '/plans/:id/recommendations',
    planWrite(
      'Add by hand a recommendation of another mechanism (e.g. a CAT concluding-observations paragraph), with its document symbol',
      PlanParams,
      OtherRecommendationInput,
    ),
    async (request, reply) =>
      reply
        .code(201)
        .send(outcome(request.params.id, await plans.addOtherRecommendation(request.params.id, request.body, editorOf(request)))),
  );

  // A matrix arrives as the file itself: XLSX, or CSV (UTF-8).
  for (const type of [XLSX_TYPE, 'text/csv', 'application/octet-stream'])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.post(
    '/plans/:id/import',
    {
      schema: {
        tags: ['follow-up', 'editing'],
        summary: 'Import an implementation matrix (XLSX or CSV) into the plan: a dry-run preview first, then applied whole or not at all',
        description:
          `${ACCESS} The body is the file (content type ${XLSX_TYPE} or text/csv). Rows are matched to the plan's recommendations by ` +
          'recommendation id, else paragraph, else text similarity (shown, 0 to 1; the editor confirms with confirm=row numbers). A row that ' +
          'cannot be matched or read is refused with its row number; with any refusal or unconfirmed match, nothing is applied. Headers ' +
          `recognised: ${MATRIX_LAYOUT.map((c) => c.header).join(', ')} (and common variants).`,
        security: [{ session: [] }, { apiToken: [] }],
        consumes: [XLSX_TYPE, 'text/csv'],
        params: PlanParams,
        querystring: ImportQuery,
        response: { 200: ImportPreview, ...writeResponses, 413: ErrorBody, 415: ErrorBody },
      },
      onRequest: mayEdit,
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0)
        throw app.httpErrors.badRequest(`Send the matrix file as the body, with content type ${XLSX_TYPE} or text/csv.`);
      const { dryRun, confirm } = request.query;
      return outcome(
        request.params.id,
        await plans.importMatrix(request.params.id, request.body, { dryRun, confirm: confirm ?? new Set() }, editorOf(request)),
      );
    },
  );

  app.get(
    '/bodies',
    {
      schema: {
        tags: ['follow-up'],
        summary: "A State's managed list of responsible bodies (ministries, agencies, parliament…) that plans assign actions to",
        querystring: BodyListQuery,
        produces: ['application/json', 'text/csv'],
        response: { 200: BodyListResponse, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const bodies = await plans.listBodies(request.query.state);
      if (request.query.format === 'csv')
        return sendCsv(
          reply,
          {
            filename: `responsible-bodies-${request.query.state}.csv`,
            columns: ['id', 'stateIso3', 'name', 'kind', 'addedAt', 'organisation'],
            rows: bodies,
          },
          { bom: request.query.bom },
        );
      return { bodies };
    },
  );

  app.post(
    '/bodies',
    {
      schema: {
        tags: ['follow-up', 'editing'],
        summary: "Add a body to a State's managed list of responsible bodies",
        description:
          'For editors (a signed-in session or an API token with scope follow-up). Names are unique per State, whatever their case. Audited.',
        security: [{ session: [] }, { apiToken: [] }],
        body: BodyInput,
        response: { 201: ResponsibleBody, ...writeResponses },
      },
      onRequest: mayEdit,
    },
    async (request, reply) => reply.code(201).send(await plans.addBody(request.body, editorOf(request))),
  );

  app.get(
    '/deadlines',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Planned actions due in the next days (and overdue), in the follow-up plans you may see: JSON, CSV or an iCalendar feed',
        description:
          'Others’ plans as last published; a signed-in organisation’s own as they are. format=ics gives an RFC 5545 calendar with one all-day ' +
          'event per action, its UID stable (the action id), to subscribe to per organisation (organisation=) or State (state=).',
        querystring: DeadlineQuery,
        produces: ['application/json', 'text/csv', 'text/calendar'],
        response: { 200: DeadlineList, 400: ErrorBody, 401: ErrorBody },
      },
      onRequest: app.identify,
    },
    async (request, reply) => {
      const { days, organisation, state, format, bom } = request.query;
      const due = await plans.deadlines({ days, organisation, stateIso3: state }, reader(request));
      if (format === 'csv')
        return sendCsv(
          reply,
          { filename: `follow-up-deadlines-${due.from}.csv`, columns: [...DEADLINE_COLUMNS], rows: due.deadlines },
          { bom },
        );
      if (format === 'ics') {
        const calendar = deadlinesCalendar(due.deadlines, { organisation, state, dtstamp: due.from, publicUrl: app.config.publicUrl });
        return sendCalendar(reply, { filename: 'follow-up-deadlines.ics', body: calendar });
      }
      return due;
    },
  );
};
