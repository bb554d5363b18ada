import { z } from 'zod';
import { ACTION_STATUSES, BODY_KINDS, CLUSTER_BASES, PLAN_VISIBILITIES, PROGRESS_STATUSES } from '../domain/vocabulary.js';
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

export const IndicatorInput = z
  .strictObject({
    itemId: Id.describe('The recommendation in the plan the indicator measures (its item id)'),
    description: PlainText(3, 1000).describe('What is measured, e.g. "Number of places of detention visited by the NPM per year"'),
    baseline: PlainText(1, 300).nullable().default(null).describe('Where it stood when the plan began, in words or a figure'),
    target: PlainText(1, 300).nullable().default(null).describe('Where it should stand by the end of the cycle'),
  })
  .meta({ id: 'PlanIndicatorInput' });
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const ClusterInput = z.strictObject({ title: PlainText(2, 200) }).meta({ id: 'PlanClusterInput' });
export type ClusterInput = z.infer<typeof ClusterInput>;

export const ItemMoveInput = z
  .strictObject({ clusterId: Id.describe('The cluster of the plan the recommendation moves to') })
  .meta({ id: 'PlanItemMoveInput' });
export type ItemMoveInput = z.infer<typeof ItemMoveInput>;

/** A recommendation of another mechanism (a treaty body, a special procedure), added by hand. */
export const OtherRecommendationInput = z
  .strictObject({
    mechanism: PlainText(2, 80).describe('The body that made it, e.g. CAT (Committee against Torture)'),
    documentSymbol: DocumentSymbol.describe('The document it is in, e.g. CAT/C/SVN/CO/4'),
    paragraph: PlainText(1, 40).nullable().default(null).describe('Its paragraph in that document, e.g. 12 (a)'),
    text: PlainText(3, 4000).describe('The recommendation as the document words it'),
    clusterId: Id.describe('The cluster of the plan it joins'),
  })
  .meta({ id: 'PlanOtherRecommendationInput' });
export type OtherRecommendationInput = z.infer<typeof OtherRecommendationInput>;

export const BodyInput = z
  .strictObject({
    stateIso3: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as SVN')
      .transform((s) => s.toUpperCase()),
    name: PlainText(2, 300).describe('The body as it names itself, e.g. Ministry of Justice'),
    kind: z.enum(BODY_KINDS).default('other'),
  })
  .meta({ id: 'NewResponsibleBody' });
export type BodyInput = z.infer<typeof BodyInput>;

export const ResponsibleBody = z
  .object({
    id: z.string(),
    stateIso3: z.string(),
    name: z.string(),
    kind: z.enum(BODY_KINDS),
    addedAt: z.string(),
    organisation: z.string().describe('The organisation that added it to the list'),
  })
  .meta({ id: 'ResponsibleBody' });
export const BodyListQuery = z.object({
  state: BodyInput.shape.stateIso3,
  format: FormatQuery.shape.format,
  bom: FormatQuery.shape.bom,
});
export const BodyListResponse = z.object({ bodies: z.array(ResponsibleBody) }).meta({ id: 'ResponsibleBodyList' });

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

export const PlanIndicator = z.object({
  id: z.string(),
  description: z.string(),
  baseline: z.string().nullable(),
  target: z.string().nullable(),
});

export const PlanRecommendation = z.object({
  itemId: z.string(),
  recommendationId: z.string().nullable().describe('The UPR recommendation; null for one of another mechanism added by hand'),
  mechanism: z.string().describe('UPR, or the mechanism a hand-added recommendation comes from (e.g. CAT)'),
  documentSymbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  text: z.string(),
  response: z.string().nullable().describe("The State's response as the UPR data records it"),
  progress: PlanUpdate.nullable().describe('The latest update as of the date asked'),
  actions: z.array(PlanAction),
  indicators: z.array(PlanIndicator),
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
export type PlanSummaryList = z.infer<typeof PlanListResponse>;
export type PlanListQuery = z.input<typeof PlanListQuery>;

export const PlanParams = z.object({ id: z.string().regex(/^plan-[0-9a-f]{12}$/, 'must be a plan id such as plan-0123456789ab') });
export const PlanQuery = z.object({
  asOf: IsoDate.optional().describe('Progress as of this date: updates dated after it are left out'),
  format: z
    .enum(['json', 'csv', 'xlsx', 'docx'])
    .default('json')
    .describe('json; csv or xlsx: the implementation matrix, one row per action; docx: the mid-term report'),
  bom: FormatQuery.shape.bom,
});

export const ClusterParams = PlanParams.extend({ clusterId: Id });
export const ItemParams = PlanParams.extend({ itemId: Id });

export const ImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true (the default): only say what the import would do; false: apply it, whole or not at all'),
  confirm: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be row numbers separated by commas, e.g. 4,9,12')
    .transform((v) => new Set(v.split(',').map(Number)))
    .optional()
    .describe('The rows matched by text whose match the editor confirms (row numbers as the preview gives them)'),
});

const ImportRowChange = z.object({
  kind: z.enum(['cluster', 'new-cluster', 'action', 'progress']),
  detail: z.string(),
});
export const ImportPreview = z
  .object({
    applied: z.boolean(),
    rows: z.array(
      z.object({
        row: z.number().int().describe('The row number in the file (the header is row 1)'),
        matchedBy: z.enum(['id', 'paragraph', 'text']),
        score: z.number().nullable().describe('For a match by text: the similarity, 0 to 1; the editor confirms it'),
        confirmed: z.boolean(),
        itemId: z.string(),
        paragraph: z.string().nullable(),
        text: z.string().describe('The stored recommendation the row was matched to'),
        changes: z.array(ImportRowChange),
      }),
    ),
    refused: z.array(z.object({ row: z.number().int(), message: z.string() })),
    summary: z.object({
      rows: z.number().int(),
      matched: z.number().int(),
      toConfirm: z.number().int(),
      refused: z.number().int(),
      changes: z.number().int(),
    }),
  })
  .meta({ id: 'PlanImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreview>;

export const DeadlineQuery = z.object({
  days: IntParam(1, 366).default(30).describe('Actions due from today up to this many days ahead (overdue ones are listed too)'),
  organisation: PlainText(1, 200).optional(),
  state: PlanListQuery.shape.state,
  format: z.enum(['json', 'csv', 'ics']).default('json'),
  bom: FormatQuery.shape.bom,
});
export const Deadline = z.object({
  planId: z.string(),
  planTitle: z.string(),
  organisation: z.string(),
  stateIso3: z.string(),
  actionId: z.string(),
  description: z.string(),
  responsibleBody: z.string().nullable(),
  targetDate: IsoDate,
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  recommendation: z.string(),
});
export const DEADLINE_COLUMNS = Object.keys(Deadline.shape) as (keyof z.infer<typeof Deadline>)[];
export const DeadlineList = z.object({ from: IsoDate, to: IsoDate, deadlines: z.array(Deadline) }).meta({ id: 'FollowUpDeadlines' });
export type Deadline = z.infer<typeof Deadline>;
