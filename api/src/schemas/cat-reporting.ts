import { z } from 'zod';
import {
  CAT_ACTIVITY_KINDS,
  CAT_COMPLETENESS,
  CAT_OBLIGATION_STATUSES,
  CAT_PROCEDURES,
  CAT_RULE_IDS,
  CAT_SITUATIONS,
} from '../domain/cat-reporting.js';
import { UN_REGIONAL_GROUPS } from '../domain/vocabulary.js';
import { IsoDate } from './common.js';
import { CatDate, CatDateSpan, CatReportRecord, CatSessionRecord } from './dataset.js';
import { SourceRef } from './participation.js';
import { StateFilters } from './state.js';

/** The API shapes of CAT reporting; the meaning of each field is in domain/cat-reporting.ts. */

export const CatSituationName = z.enum(CAT_SITUATIONS);

// --- Reason codes: the facts behind each text field, for a dashboard to word in any language.
// The English text fields beside them are worded from api/src/messages/cat-reporting.en.json.

const ReportRef = { reportNumber: z.number().int(), lastReportNumber: z.number().int() };
const code = <C extends string>(c: C) => z.literal(c);

const DueFacts = z.object({
  date: IsoDate.nullable(),
  precision: z.enum(['day', 'year']).nullable(),
  notBefore: IsoDate.nullable(),
  basis: z.enum(['recorded', 'computed']).nullable(),
});

export const CatDueReason = z
  .discriminatedUnion('code', [
    z.object({ code: code('no-entry-into-force') }),
    z.object({ code: code('successor-state') }),
    z.object({ code: code('entry-into-force'), entryIntoForce: IsoDate, computed: z.boolean() }),
    z.object({ code: code('after-concluding-observations'), years: z.number().int(), adopted: IsoDate, ...ReportRef }),
    z.object({ code: code('concluding-observations-not-dated'), adoptedOnOrAfter: IsoDate, notBefore: IsoDate, ...ReportRef }),
    z.object({
      code: code('concluding-observations-coarse'),
      adopted: CatDate,
      adoptedOnOrAfter: IsoDate,
      notBefore: IsoDate,
      ...ReportRef,
    }),
    z.object({ code: code('review-not-recorded'), ...ReportRef }),
    z.object({ code: code('concluding-observations-not-recorded'), receivedBy: IsoDate, notBefore: IsoDate, ...ReportRef }),
    z.object({ code: code('not-yet-considered'), asOf: IsoDate, ...ReportRef }),
    z.object({ code: code('previous-report-not-recorded') }),
    z.object({ code: code('considered-together'), ...ReportRef }),
    z.object({ code: code('list-refers-to-unrecorded-observations') }),
    z.object({ code: code('simplified-procedure') }),
    z.object({ code: code('agrees-with-stated-year'), year: z.string() }),
    z.object({ code: code('stated-year-wins'), year: z.string(), computedDate: IsoDate }),
  ])
  .meta({ id: 'CatDueReason' });

const CatDueOut = z
  .object({
    ...DueFacts.shape,
    sourceId: z.string().nullable().describe('Recorded: the source that states it. Computed: the source of the date it is computed from'),
    rule: z.string().nullable().describe('Computed: the rule applied, in words'),
    asStated: z.string().nullable().describe("The source's own words for the due date"),
    note: z.string().nullable().describe('How the date was arrived at, or why there is none, in words'),
    ruleId: z.enum(CAT_RULE_IDS).nullable().describe('The rule applied to a computed date; `rule` words it'),
    reasons: z.array(CatDueReason).describe('How the date was arrived at, or why there is none; `note` words them'),
  })
  .meta({ id: 'CatDueDate' });

export const CatOverdueReason = z
  .discriminatedUnion('code', [
    z.object({ code: code('not-received'), due: DueFacts, historyAsOf: IsoDate, ...ReportRef }),
    z.object({
      code: code('considered-without-report'),
      due: DueFacts,
      historyAsOf: IsoDate,
      latenessAsStated: z.string().nullable(),
      ...ReportRef,
    }),
    z.object({
      code: code('committee-follow-up-list'),
      month: z.string().describe('YYYY-MM'),
      session: z.number().int(),
      position: z.number().int(),
      listLength: z.number().int(),
    }),
  ])
  .meta({ id: 'CatOverdueReason' });

const CatReceipt = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('on'), date: IsoDate }),
  z.object({ kind: z.literal('in'), date: IsoDate, precision: z.enum(['month', 'year']) }),
  z.object({ kind: z.literal('by'), date: IsoDate }),
  z.object({ kind: z.literal('undated') }),
]);

export const CatSituationReason = z
  .discriminatedUnion('code', [
    z.object({ code: code('not-in-force'), asOf: IsoDate, entryIntoForce: IsoDate.nullable() }),
    z.object({ code: code('not-a-party'), asOf: IsoDate }),
    z.object({ code: code('overdue'), overdue: CatOverdueReason }),
    z.object({
      code: code('up-to-date'),
      lastReceived: z.object({ ...ReportRef, receipt: CatReceipt }).nullable(),
      next: z.object({ ...ReportRef, due: DueFacts }),
    }),
    z.object({
      code: code('unidentified-review'),
      session: z.number().int(),
      activityKind: z.enum(CAT_ACTIVITY_KINDS),
      activityAsStated: z.string(),
    }),
    z.object({ code: code('unidentified-concluding-observations'), month: z.string().describe('YYYY-MM') }),
    z.object({
      code: code('not-established'),
      due: DueFacts,
      receivedUndated: z.boolean(),
      completeness: z.enum(CAT_COMPLETENESS),
      historyAsOf: IsoDate.nullable(),
      completenessBasis: z.string().nullable(),
      ...ReportRef,
    }),
    z.object({ code: code('history'), completenessBasis: z.string().nullable() }),
  ])
  .meta({ id: 'CatSituationReason' });

const CatProcedureReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('recorded'), asStated: z.string() }),
  z.object({ code: z.literal('list-of-issues-prior-to-reporting'), session: z.number().int() }),
]);

const CatOverdue = z
  .object({
    establishedBy: z.enum(['complete-history', 'committee-follow-up-list']),
    establishedAsOf: IsoDate.describe('The date the evidence covers; days overdue are counted to it, not beyond'),
    daysOverdue: z.number().int().nullable().describe('null when the due date itself is not recorded'),
    sourceIds: z.array(z.string()),
    basis: z.string().describe('The evidence, in one sentence'),
    reason: CatOverdueReason.describe('The evidence as a code with its values; `basis` words it'),
  })
  .meta({ id: 'CatOverdue' });

const ObligationCommon = {
  label: z.string(),
  recordId: z.string().nullable().describe('The recorded report (ISO3:n), or null when no source records it yet'),
  due: CatDueOut,
  status: z.enum(CAT_OBLIGATION_STATUSES),
  receivedBy: IsoDate.nullable(),
  overdue: CatOverdue.nullable().describe('Set only when the data establishes that it is overdue'),
};

export const CatReportObligation = z
  .object({
    kind: z.literal('report'),
    reportNumber: z.number().int().describe('1 = initial report, 2 = second periodic…'),
    lastReportNumber: z.number().int(),
    procedure: z.enum(CAT_PROCEDURES).nullable(),
    procedureBasis: z.string().nullable(),
    procedureReason: CatProcedureReason.nullable().describe('`procedureBasis` as a code with its values'),
    ...ObligationCommon,
  })
  .meta({ id: 'CatReportObligation' });
export type CatReportObligation = z.infer<typeof CatReportObligation>;

export const CatFollowUpObligation = z
  .object({
    kind: z.literal('follow-up'),
    reportNumber: z.number().int().nullable(),
    lastReportNumber: z.number().int().nullable(),
    consideredWith: z.array(z.object(ReportRef)).describe('Reports considered together with this one, sharing its concluding observations'),
    concludingObservationsAdopted: CatDateSpan.nullable(),
    ...ObligationCommon,
  })
  .meta({ id: 'CatFollowUpObligation' });
export type CatFollowUpObligation = z.infer<typeof CatFollowUpObligation>;

export const CatObligation = z.discriminatedUnion('kind', [CatReportObligation, CatFollowUpObligation]);

const CompletenessCounts = z.object(
  Object.fromEntries(CAT_COMPLETENESS.map((c) => [c, z.number().int()])) as Record<(typeof CAT_COMPLETENESS)[number], z.ZodNumber>,
);
const SituationCounts = z.object(
  Object.fromEntries(CAT_SITUATIONS.map((s) => [s, z.number().int()])) as Record<(typeof CAT_SITUATIONS)[number], z.ZodNumber>,
);

export const CatReportingSummary = z
  .object({
    asOf: IsoDate,
    parties: z.number().int().describe('States parties (Convention in force) among the states shown'),
    completeness: CompletenessCounts.describe('States parties by how complete their recorded reporting history is'),
    situations: SituationCounts,
    establishedOverdueReports: z.number().int(),
    establishedOverdueFollowUps: z.number().int(),
  })
  .meta({ id: 'CatReportingSummary' });

/** Who the State is, for grouping and filtering: region, UN regional group, LDC, SIDS. */
const StateGroups = z.object({
  iso3: z.string(),
  name: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
  unRegionalGroup: z.enum(UN_REGIONAL_GROUPS).nullable(),
  ldc: z.boolean().describe('Least developed country now'),
  sids: z.boolean(),
});

export const CatReportingRow = StateGroups.extend({
  party: z.boolean(),
  entryIntoForce: z.object({ date: IsoDate, computed: z.boolean() }).nullable(),
  completeness: z.enum(CAT_COMPLETENESS),
  completenessBasis: z.string(),
  completenessBasisCode: z
    .enum(['recorded', 'no-history'])
    .describe("recorded: completenessBasis is the completeness record's own account; no-history: the State has no record"),
  historyAsOf: IsoDate.nullable().describe('The recorded history covers events up to this date'),
  situation: CatSituationName,
  situationBasis: z.string(),
  situationReason: CatSituationReason.describe('The facts behind the situation as a code with its values; `situationBasis` words them'),
  lastReportReceived: CatReportObligation.nullable(),
  nextReportDue: CatReportObligation.nullable().describe('null when the record does not identify the next report'),
  procedure: z.enum(CAT_PROCEDURES).nullable().describe('Procedure of the next report, where recorded'),
  latestFollowUp: CatFollowUpObligation.nullable(),
  establishedOverdue: z.array(CatObligation),
  daysOverdue: z.number().int().nullable().describe('The longest established delay, in days; null when nothing is established as overdue'),
  sourceIds: z.array(z.string()),
}).meta({ id: 'CatReportingRow' });
export type CatReportingRow = z.infer<typeof CatReportingRow>;

export const CatReportingFilters = StateFilters.pick({ region: true, group: true, ldc: true, sids: true, combine: true }).extend({
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only states with a report or follow-up established as overdue; false: the others'),
});
export type CatReportingFilters = z.infer<typeof CatReportingFilters>;

export const CatReportingQuery = CatReportingFilters.extend({
  asOf: IsoDate.optional().describe(
    'Situation on this date (default: today, UTC). Overdue days never count past the date the evidence covers.',
  ),
});

export const CatReportingListResponse = z
  .object({
    asOf: IsoDate,
    dataAsOf: IsoDate.describe('The latest date the reporting records cover'),
    rules: z.record(z.string(), z.string()).describe('The deadline rules applied to computed dates'),
    summary: CatReportingSummary,
    states: z.array(CatReportingRow),
    sources: z.array(SourceRef),
  })
  .meta({ id: 'CatReportingList' });
export type CatReportingListResponse = z.infer<typeof CatReportingListResponse>;

export const CatSessionActivityOut = z
  .object({
    session: z.number().int(),
    sessionStart: IsoDate.nullable(),
    sessionEnd: IsoDate.nullable(),
    activity: CatSessionRecord.shape.activities.element,
  })
  .meta({ id: 'CatSessionActivity' });

export const CatDeadlineOut = z
  .object({
    uid: z.string(),
    stateIso3: z.string(),
    kind: z.enum(['report', 'follow-up']),
    reportNumber: z.number().int().nullable().describe('The report, or for a follow-up the report followed up; null when not identified'),
    lastReportNumber: z.number().int().nullable(),
    label: z.string(),
    date: IsoDate,
    computed: z.boolean(),
    status: z.enum(['upcoming', 'overdue']),
    daysOverdue: z.number().int().nullable(),
    establishedAsOf: IsoDate.nullable(),
    procedure: z.enum(CAT_PROCEDURES).nullable(),
    sourceIds: z.array(z.string()),
  })
  .meta({ id: 'CatDeadline' });

export const CatReportingDetail = z
  .object({
    asOf: IsoDate,
    summary: CatReportingRow,
    reports: z.array(CatReportObligation).describe('Every report obligation, recorded or next due, in order'),
    followUps: z.array(CatFollowUpObligation),
    records: z.array(CatReportRecord.meta({ id: 'CatReportRecord' })).describe('The reporting history as the sources record it'),
    activities: z.array(CatSessionActivityOut).describe("The Committee's sessions that list the State"),
    deadlines: z.array(CatDeadlineOut),
    sources: z.array(SourceRef),
  })
  .meta({ id: 'CatReportingDetail' });
export type CatReportingDetail = z.infer<typeof CatReportingDetail>;

export const CatCalendarQuery = z.object({
  state: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as "NGA"')
    .transform((s) => s.toUpperCase())
    .optional()
    .describe('One state only (ISO 3166-1 alpha-3); all states parties when absent'),
});
