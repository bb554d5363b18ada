import { z } from 'zod';
import { CAT_COMPLETENESS, CAT_OBLIGATION_STATUSES, CAT_PROCEDURES, CAT_SITUATIONS } from '../domain/cat-reporting.js';
import { UN_REGIONAL_GROUPS } from '../db/database.js';
import { IsoDate } from './common.js';
import { CatDateSpan, CatDueDate, CatReportRecord, CatSessionRecord } from './dataset.js';
import { SourceRef } from './participation.js';
import { StateFilters } from './state.js';

/** The API shapes of CAT reporting; the meaning of each field is in domain/cat-reporting.ts. */

export const CatSituationName = z.enum(CAT_SITUATIONS);

const CatOverdue = z
  .object({
    establishedBy: z.enum(['complete-history', 'committee-follow-up-list']),
    establishedAsOf: IsoDate.describe('The date the evidence covers; days overdue are counted to it, not beyond'),
    daysOverdue: z.number().int().nullable().describe('null when the due date itself is not recorded'),
    sourceIds: z.array(z.string()),
    basis: z.string().describe('The evidence, in one sentence'),
  })
  .meta({ id: 'CatOverdue' });

const ObligationCommon = {
  label: z.string(),
  recordId: z.string().nullable().describe('The recorded report (ISO3:n), or null when no source records it yet'),
  due: CatDueDate.meta({ id: 'CatDueDate' }),
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
    ...ObligationCommon,
  })
  .meta({ id: 'CatReportObligation' });

export const CatFollowUpObligation = z
  .object({
    kind: z.literal('follow-up'),
    reportNumber: z.number().int().nullable(),
    lastReportNumber: z.number().int().nullable(),
    concludingObservationsAdopted: CatDateSpan.nullable(),
    ...ObligationCommon,
  })
  .meta({ id: 'CatFollowUpObligation' });

export const CatObligation = z.discriminatedUnion('kind', [CatReportObligation, CatFollowUpObligation]);

const CompletenessCounts = z.object(Object.fromEntries(CAT_COMPLETENESS.map((c) => [c, z.number().int()])) as Record<(typeof CAT_COMPLETENESS)[number], z.ZodNumber>);
const SituationCounts = z.object(Object.fromEntries(CAT_SITUATIONS.map((s) => [s, z.number().int()])) as Record<(typeof CAT_SITUATIONS)[number], z.ZodNumber>);

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
  historyAsOf: IsoDate.nullable().describe('The recorded history covers events up to this date'),
  situation: CatSituationName,
  situationBasis: z.string(),
  lastReportReceived: CatReportObligation.nullable(),
  nextReportDue: CatReportObligation.nullable().describe('null when the record does not identify the next report'),
  procedure: z.enum(CAT_PROCEDURES).nullable().describe('Procedure of the next report, where recorded'),
  latestFollowUp: CatFollowUpObligation.nullable(),
  establishedOverdue: z.array(CatObligation),
  daysOverdue: z.number().int().nullable().describe('The longest established delay, in days; null when nothing is established as overdue'),
  sourceIds: z.array(z.string()),
}).meta({ id: 'CatReportingRow' });
export type CatReportingRow = z.infer<typeof CatReportingRow>;

export const CatReportingFilters = StateFilters.pick({ region: true, group: true, ldc: true, sids: true }).extend({
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only states with a report or follow-up established as overdue; false: the others'),
});
export type CatReportingFilters = z.infer<typeof CatReportingFilters>;

export const CatReportingQuery = CatReportingFilters.extend({
  asOf: IsoDate.optional().describe('Situation on this date (default: today, UTC). Overdue days never count past the date the evidence covers.'),
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
