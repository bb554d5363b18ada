import { z } from 'zod';
import { ACTION_STATUSES, CLUSTER_BASES, PLAN_VISIBILITIES, PROGRESS_STATUSES } from '../domain/vocabulary.js';
import { FormatQuery, IntParam, IsoDate, PlainText } from './common.js';
import { HttpUrl } from './dataset.js';
import { citesASource, CITE_A_SOURCE, DocumentSymbol, Reason } from './editing.js';

/**
 * UPR follow-up plans (docs: api/src/domain/README.md, "UPR follow-up plans"): what an organisation
 * writes, and the plan as a reader sees it. One schema per shape, for the API and its forms.
 */
const Id = PlainText(1, 200);

export const PlanInput = z
  .strictObject({
    reviewId: Id.describe('The review the plan follows up, e.g. SVN-48 (the State and session)'),
    title: PlainText(3, 200),
    description: PlainText(1, 4000).nullable().default(null),
    recommendations: z
      .union([z.literal('all'), z.array(Id).min(1).max(2000)])
      .default('all')
      .describe("'all' the review's recommendations, or the ids of some of them"),
    clusterBy: z
      .enum(CLUSTER_BASES)
      .default('theme')
      .describe("Suggested clusters from the recommendations' first theme, affected group or SDG"),
  })
  .meta({ id: 'PlanInput' });
export type PlanInput = z.infer<typeof PlanInput>;

export const ActionInput = z
  .strictObject({
    itemId: Id.describe('The recommendation in the plan the action answers (its item id)'),
    description: PlainText(3, 2000),
    responsibleBody: PlainText(2, 300).nullable().default(null).describe('The ministry, agency or body responsible'),
    targetDate: IsoDate.nullable().default(null),
    status: z.enum(ACTION_STATUSES).default('planned'),
  })
  .meta({ id: 'PlanActionInput' });
export type ActionInput = z.infer<typeof ActionInput>;

export const ProgressUpdateInput = z
  .strictObject({
    itemId: Id,
    status: z.enum(PROGRESS_STATUSES),
    date: IsoDate.describe('The date the progress is reported as of; not after today'),
    narrative: PlainText(3, 4000).describe('What was done, in words readers will see'),
    sourceUrl: HttpUrl.nullable().default(null).describe('The evidence: an address'),
    documentSymbol: DocumentSymbol.nullable().default(null).describe('The evidence: a document symbol'),
  })
  .refine(citesASource, {
    path: CITE_A_SOURCE.path,
    message: 'cite the evidence: an http(s) address (sourceUrl), a document symbol, or both',
  })
  .meta({ id: 'ProgressUpdateInput' });
export type ProgressUpdateInput = z.infer<typeof ProgressUpdateInput>;

export const PublishInput = z.strictObject({ reason: Reason }).meta({ id: 'PlanPublishInput' });
export type PublishInput = z.infer<typeof PublishInput>;

const ProgressCounts = z.record(z.enum([...PROGRESS_STATUSES, 'no-update']), z.number().int());

export const PlanAction = z.object({
  id: z.string(),
  description: z.string(),
  responsibleBody: z.string().nullable(),
  targetDate: IsoDate.nullable(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
});

export const PlanUpdate = z.object({
  id: z.number().int().describe('Numbered in the order recorded: of two updates on one date, the later recorded counts'),
  status: z.enum(PROGRESS_STATUSES),
  date: IsoDate,
  narrative: z.string(),
  sourceUrl: z.string().nullable(),
  documentSymbol: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  organisation: z.string(),
});

export const PlanRecommendation = z.object({
  itemId: z.string(),
  recommendationId: z.string(),
  paragraph: z.string().nullable(),
  text: z.string(),
  response: z.string().nullable().describe("The State's response as the UPR data records it"),
  progress: PlanUpdate.nullable().describe('The latest update as of the date asked'),
  actions: z.array(PlanAction),
  updates: z.array(PlanUpdate).describe('Every update as of the date asked, newest first'),
});

export const FollowUpPlan = z
  .object({
    id: z.string(),
    stateIso3: z.string(),
    reviewId: z.string(),
    session: z.number().int(),
    cycle: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    organisation: z.string(),
    visibility: z.enum(PLAN_VISIBILITIES),
    version: z.number().int().describe('How many times it has been published'),
    publishedAt: z.string().nullable(),
    asOf: IsoDate,
    progress: ProgressCounts,
    clusters: z.array(
      z.object({ id: z.string(), title: z.string(), progress: ProgressCounts, recommendations: z.array(PlanRecommendation) }),
    ),
    publications: z.array(z.object({ version: z.number().int(), publishedAt: z.string(), publishedBy: z.string() })),
  })
  .meta({ id: 'FollowUpPlan' });
export type FollowUpPlan = z.infer<typeof FollowUpPlan>;

export const PlanListQuery = z.object({
  state: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as SVN')
    .transform((s) => s.toUpperCase())
    .optional(),
  organisation: PlainText(1, 200).optional(),
  cycle: IntParam(1, 20).optional().describe('The UPR cycle of the review'),
  format: FormatQuery.shape.format,
  bom: FormatQuery.shape.bom,
});

/** A plan in a list: who holds it, for which review, and where it stands. */
export const PlanSummary = FollowUpPlan.pick({
  id: true,
  stateIso3: true,
  reviewId: true,
  session: true,
  cycle: true,
  title: true,
  organisation: true,
  visibility: true,
  version: true,
  publishedAt: true,
});
export const PLAN_SUMMARY_COLUMNS = Object.keys(PlanSummary.shape) as (keyof z.infer<typeof PlanSummary>)[];
export const PlanListResponse = z.object({ plans: z.array(PlanSummary) }).meta({ id: 'FollowUpPlanList' });

export const PlanParams = z.object({ id: z.string().regex(/^plan-[0-9a-f]{12}$/, 'must be a plan id such as plan-0123456789ab') });
export const PlanQuery = z.object({
  asOf: IsoDate.optional().describe('Progress as of this date: updates dated after it are left out'),
  format: FormatQuery.shape.format,
  bom: FormatQuery.shape.bom,
});
