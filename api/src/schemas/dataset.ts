/**
 * The bundled dataset (data/seed/*.json): one zod schema per record. The normalisers in scripts/
 * validate what they write with these, and the seed validates what it reads.
 */
import { z } from 'zod';
import { ATTESTATIONS, EVENT_KINDS, INSTRUMENT_IDS } from '../domain/types.js';
import type { ParticipationEvent } from '../domain/types.js';
import { CAT_ACTIVITY_KINDS, CAT_COMPLETENESS, CAT_PROCEDURES } from '../domain/cat-reporting.js';
import type { CatFollowUpList, CatReport, CatReportingState, CatSession } from '../domain/cat-reporting.js';
import { LDC_STATUSES, UN_MEMBERSHIPS, UN_REGIONAL_GROUPS } from '../domain/vocabulary.js';

/** A calendar date; validated as a real date, not just its shape (2026-02-30 is rejected). */
export const IsoDate = z.iso.date({ error: 'must be a real calendar date written YYYY-MM-DD, such as 2002-07-01' });
const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case slug');
const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code');
const NonEmpty = z.string().trim().min(1);
/**
 * A web address that may become a link: http or https only. A `javascript:` or `data:` address
 * would run or show content of the sender's choosing when a reader clicks it.
 */
export const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).max(2000);

export const SourceRecord = z.strictObject({
  id: Slug,
  title: NonEmpty,
  publisher: NonEmpty.nullable(),
  url: HttpUrl.nullable(),
  asOf: IsoDate.nullable().describe('Date the source data is as of; null when the source gives none'),
  rawFile: z.string().startsWith('data/raw/').nullable().describe('The unchanged copy under data/raw/, when bundled'),
  note: NonEmpty.nullable(),
});
export type SourceRecord = z.infer<typeof SourceRecord>;

const CodeName = z.strictObject({ code: z.string().regex(/^\d{3}$/), name: NonEmpty });

export const StateRecord = z.strictObject({
  iso3: Iso3,
  iso2: z.string().regex(/^[A-Z]{2}$/),
  isoNumeric: z.string().regex(/^\d{3}$/),
  m49Code: z.string().regex(/^\d{3}$/),
  membership: z.enum(UN_MEMBERSHIPS),
  names: z.strictObject({ en: NonEmpty, fr: NonEmpty, es: NonEmpty, ar: NonEmpty }),
  formalNameEn: NonEmpty.nullable(),
  region: CodeName,
  subRegion: CodeName,
  intermediateRegion: CodeName.nullable(),
  unRegionalGroup: z.enum(UN_REGIONAL_GROUPS).nullable(),
  unRegionalGroupRole: NonEmpty.nullable(),
  /** Special cases (Israel, Türkiye, United States, Kiribati, observers) as the source words them. */
  unRegionalGroupNote: NonEmpty.nullable(),
  ldc: z.strictObject({
    status: z.enum(LDC_STATUSES),
    graduatedOn: IsoDate.nullable(),
    /** The source gives some graduations to the month only; graduatedOn is then the 1st. */
    graduatedOnPrecision: z.enum(['day', 'month']).nullable(),
    scheduledGraduation: IsoDate.nullable(),
    note: NonEmpty.nullable(),
  }),
  sids: z.boolean(),
  oda: z.strictObject({
    recipient: z.boolean().nullable(),
    incomeGroup: NonEmpty.nullable(),
    listYears: z.literal('2022-2023'),
  }),
  map: z.strictObject({
    polygon110m: z.boolean(),
    marker: z.strictObject({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).nullable(),
    /** How the marker was derived, or why there is none. */
    note: NonEmpty.nullable(),
  }),
  sourceIds: z.array(Slug).min(1),
});
export type StateRecord = z.infer<typeof StateRecord>;

const InstrumentId = z.enum(INSTRUMENT_IDS);

const EntryIntoForceRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('first-of-month-after-days'), days: z.number().int().positive(), generalEntryIntoForce: IsoDate }),
  z.strictObject({ kind: z.literal('days-after-deposit'), days: z.number().int().positive(), generalEntryIntoForce: IsoDate }),
  z.strictObject({
    kind: z.literal('one-year-after-deposit'),
    activatedOn: IsoDate.nullable(),
    activationSourceId: z.string().nullable().optional().describe('The source of `activatedOn`'),
  }),
  z.strictObject({ kind: z.literal('seven-eighths-of-parent-parties'), parent: InstrumentId }),
]);
const WithdrawalRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('one-year-after-notification') }),
  z.strictObject({ kind: z.literal('none') }),
]);

export const InstrumentRecord = z.strictObject({
  id: InstrumentId,
  parentId: InstrumentId.nullable(),
  untcReference: z.string().regex(/^[IVXL]+-\d+(-[a-z])?$/),
  name: NonEmpty,
  shortName: NonEmpty,
  adoptedOn: IsoDate.nullable(),
  adoptedAt: NonEmpty.nullable(),
  generalEntryIntoForce: IsoDate.nullable(),
  entryIntoForceRule: EntryIntoForceRule,
  /** null where no source states the rule (OPCAT's denunciation article is not in the sources). */
  withdrawalRule: WithdrawalRule.nullable(),
  rulesNote: NonEmpty,
  dataAsOf: IsoDate,
  completenessNote: NonEmpty,
  sourceIds: z.array(Slug).min(1),
});
export type InstrumentRecord = z.infer<typeof InstrumentRecord>;

export const EventRecord = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+:[A-Z]{3}:[a-z-]+:(\d{4}-\d{2}-\d{2}|undated)(:[a-z0-9()-]+)*$/),
  instrumentId: InstrumentId,
  stateIso3: Iso3,
  kind: z.enum(EVENT_KINDS),
  date: IsoDate.nullable(),
  datePrecision: z.enum(['day', 'month', 'year']),
  effectiveDate: IsoDate.nullable(),
  article: NonEmpty.nullable(),
  attestation: z.enum(ATTESTATIONS),
  sourceId: Slug,
  sourceUrl: HttpUrl.nullable(),
  notificationSymbol: NonEmpty.nullable(),
  note: NonEmpty.nullable(),
}) satisfies z.ZodType<ParticipationEvent>;

export const CountRecord = z.strictObject({
  id: z.string().min(1),
  instrumentId: InstrumentId,
  measure: z.enum(['parties', 'signatories']),
  value: z.number().int().nonnegative(),
  asOf: IsoDate.nullable(),
  sourceId: Slug,
  note: NonEmpty.nullable(),
});
export type CountRecord = z.infer<typeof CountRecord>;

// --- CAT reporting: see api/src/domain/cat-reporting.ts for the meaning of each field ---

export const CatDatePrecision = z.enum(['day', 'month', 'year']);
export const CatDate = z.strictObject({ date: IsoDate, precision: CatDatePrecision });
export const CatDateSpan = z
  .strictObject({ from: IsoDate, to: IsoDate, precision: CatDatePrecision })
  .refine((s) => s.from <= s.to, 'a span must not end before it starts');

export const CatDueDate = z
  .strictObject({
    date: IsoDate.nullable(),
    precision: z.enum(['day', 'year']).nullable(),
    notBefore: IsoDate.nullable(),
    basis: z.enum(['recorded', 'computed']).nullable(),
    sourceId: Slug.nullable(),
    rule: NonEmpty.nullable(),
    asStated: NonEmpty.nullable(),
    note: NonEmpty.nullable(),
  })
  .superRefine((d, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    if ((d.date === null) !== (d.precision === null)) fail('date and precision go together');
    if (d.basis === 'recorded' && (d.date === null || d.sourceId === null)) fail('a recorded due date needs a date and a source');
    if (d.basis === 'computed' && (d.rule === null || (d.date === null && d.notBefore === null)))
      fail('a computed due date needs its rule and a date or a lower bound');
    if (d.basis === null && (d.date !== null || d.notBefore !== null)) fail('a date without a basis');
    if (d.date === null && d.note === null) fail('say why there is no date ("not recorded")');
  });

export const CatReportRecord = z.strictObject({
  id: z.string().regex(/^[A-Z]{3}:\d+(-\d+)?$/),
  stateIso3: Iso3,
  number: z.number().int().positive(),
  lastNumber: z.number().int().positive(),
  label: NonEmpty,
  procedure: z.enum(CAT_PROCEDURES).nullable(),
  procedureAsStated: NonEmpty.nullable(),
  consideredWithoutReport: z.boolean(),
  documentSymbol: NonEmpty.nullable(),
  listOfIssuesSymbol: NonEmpty.nullable(),
  dueRecorded: CatDate.nullable(),
  dueAsStated: NonEmpty.nullable(),
  due: CatDueDate,
  receivedOn: CatDate.nullable(),
  receivedAsStated: NonEmpty.nullable(),
  distributedOn: IsoDate.nullable(),
  dialogueSession: z.number().int().positive().nullable(),
  dialogueSessionNote: NonEmpty.nullable(),
  dialogueDates: CatDateSpan.nullable(),
  concludingObservationsSymbol: NonEmpty.nullable(),
  concludingObservationsAdopted: CatDateSpan.nullable(),
  followUpDueRecorded: IsoDate.nullable(),
  followUpDue: CatDueDate,
  followUpReceived: z.strictObject({ on: IsoDate.nullable(), by: IsoDate, asStated: NonEmpty }).nullable(),
  latenessAsStatedByCommittee: NonEmpty.nullable(),
  otherEvents: NonEmpty.nullable(),
  documents: NonEmpty,
  sourceId: Slug,
  asOf: IsoDate,
}) satisfies z.ZodType<CatReport>;
export type CatReportRecord = z.infer<typeof CatReportRecord>;

export const CatFollowUpListRecord = z.strictObject({
  id: z.string().regex(/^cat-follow-up-list-\d+$/),
  session: z.number().int().positive(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  sessionStart: IsoDate,
  sessionEnd: IsoDate,
  states: z.array(z.strictObject({ iso3: Iso3, nameAsInSource: NonEmpty, position: z.number().int().positive() })).min(1),
  listLength: z.number().int().positive(),
  sourceId: Slug,
  asOf: IsoDate,
  note: NonEmpty.nullable(),
}) satisfies z.ZodType<CatFollowUpList>;
export type CatFollowUpListRecord = z.infer<typeof CatFollowUpListRecord>;

export const CatSessionRecord = z.strictObject({
  id: z.string().regex(/^cat-session-\d+$/),
  session: z.number().int().positive(),
  start: IsoDate.nullable(),
  end: IsoDate.nullable(),
  activities: z.array(
    z.strictObject({
      stateIso3: Iso3,
      stateAsNamed: NonEmpty,
      territory: NonEmpty.nullable(),
      kind: z.enum(CAT_ACTIVITY_KINDS),
      planned: z.boolean(),
      activityAsStated: NonEmpty,
      dialogueDates: CatDateSpan.nullable(),
      note: NonEmpty.nullable(),
      sourceId: Slug,
    }),
  ),
  note: NonEmpty.nullable(),
  sourceIds: z.array(Slug).min(1),
  asOf: IsoDate.nullable(),
}) satisfies z.ZodType<CatSession>;
export type CatSessionRecord = z.infer<typeof CatSessionRecord>;

export const CatReportingStateRecord = z.strictObject({
  stateIso3: Iso3,
  completeness: z.enum(CAT_COMPLETENESS),
  basis: NonEmpty,
  reportNumbersRecorded: z.array(z.number().int().positive()),
  sessionsRecorded: z.array(z.number().int().positive()),
  followUpListsNaming: z.array(z.number().int().positive()),
  asOf: IsoDate,
  sourceIds: z.array(Slug).min(1),
}) satisfies z.ZodType<CatReportingState>;
export type CatReportingStateRecord = z.infer<typeof CatReportingStateRecord>;

/** The published totals of an annual report of the Committee (A/nn/44); null where not found. */
export const CatAnnualReportRecord = z.strictObject({
  symbol: z.string().regex(/^A\/\d+\/44$/),
  sessionsCovered: NonEmpty,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  statesParties: z.number().int().positive().nullable(),
  reportsConsidered: z.number().int().nonnegative().nullable(),
  statesWithOverdueInitialReports: z.number().int().nonnegative().nullable(),
  statesWithOverduePeriodicReports: z.number().int().nonnegative().nullable(),
  sourceId: Slug,
  asOf: IsoDate,
  note: NonEmpty.nullable(),
});
export type CatAnnualReportRecord = z.infer<typeof CatAnnualReportRecord>;
