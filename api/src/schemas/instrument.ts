import { z } from 'zod';
import { LANGUAGES } from '../domain/languages.js';
import { STATUSES } from '../domain/types.js';
import { IsoDate } from './common.js';
import { InstrumentId, SourceRef, StatusCounts, StatusDetail, StatusListParam } from './participation.js';
import { StateFilters } from './state.js';

const EntryIntoForceRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first-of-month-after-days'), days: z.number(), generalEntryIntoForce: z.string() }),
  z.object({ kind: z.literal('days-after-deposit'), days: z.number(), generalEntryIntoForce: z.string() }),
  z.object({
    kind: z.literal('one-year-after-deposit'),
    activatedOn: z.string().nullable().describe("Aggression amendments: the Court's jurisdiction activated from this date"),
    activationSourceId: z.string().nullable().optional().describe('The source of `activatedOn`'),
  }),
  z.object({ kind: z.literal('seven-eighths-of-parent-parties'), parent: InstrumentId }),
]);
const WithdrawalRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('one-year-after-notification') }),
  z.object({ kind: z.literal('none') }),
]);

export const Instrument = z
  .object({
    id: InstrumentId,
    parentId: InstrumentId.nullable(),
    untcReference: z.string().describe('UN Treaty Collection (MTDSG) reference, e.g. "XVIII-10"'),
    name: z.string().describe('Official title, in the language asked for where one is recorded (see titleLanguage)'),
    shortName: z.string(),
    titleLanguage: z
      .enum(LANGUAGES)
      .describe('Language of name and shortName: the one asked for where an official title in it is recorded, else en'),
    adoptedOn: z.string().nullable(),
    adoptedAt: z.string().nullable(),
    generalEntryIntoForce: z.string().nullable(),
    entryIntoForceRule: EntryIntoForceRule,
    withdrawalRule: WithdrawalRule.nullable().describe('null where no bundled source states the rule'),
    rulesNote: z.string(),
    dataAsOf: z.string().describe('Date the newest source for this instrument is as of'),
    completenessNote: z.string().describe('What the bundled data is known to miss'),
    sources: z.array(SourceRef),
  })
  .meta({ id: 'Instrument' });
export type Instrument = z.infer<typeof Instrument>;

export const InstrumentDetail = Instrument.extend({
  counts: StatusCounts.describe('States per status today'),
  statesParties: z.number().int().describe('States Parties today as the depositary counts them: `party` plus `withdrawal-pending`'),
  publishedCounts: z.array(
    z.object({
      measure: z.enum(['parties', 'signatories']),
      value: z.number().int(),
      asOf: z.string().nullable(),
      source: SourceRef,
      note: z.string().nullable(),
    }),
  ),
}).meta({ id: 'InstrumentDetail' });

export const AsOfQuery = z.object({
  asOf: IsoDate.optional().describe('Status on this date (default: today, UTC)'),
});

export type AsOfQuery = z.infer<typeof AsOfQuery>;

export const InstrumentStatusQuery = StateFilters.extend(AsOfQuery.shape).extend({
  status: StatusListParam.optional().describe(
    `Keep only the states with one of these statuses on asOf (${STATUSES.join(', ')}): comma-separated (status=signatory,no-action) or repeated (status=signatory&status=no-action); rows and counts are over the states kept`,
  ),
});
export type InstrumentStatusQuery = z.infer<typeof InstrumentStatusQuery>;

export const InstrumentStatusRow = StatusDetail.extend({
  iso3: z.string(),
  name: z.string(),
}).meta({ id: 'InstrumentStatusRow' });

export const InstrumentStatusResponse = z
  .object({
    instrumentId: InstrumentId,
    asOf: z.string(),
    dataAsOf: z.string().describe('The data is complete only up to this date: later events may be missing'),
    collectiveEntryIntoForce: z.string().nullable().describe('Art. 121(4) amendments: in force for all from this date'),
    counts: StatusCounts,
    statesParties: z
      .number()
      .int()
      .describe('States Parties as the depositary counts them: `party` plus `withdrawal-pending` (a pending withdrawal still binds)'),
    withdrawalPending: z
      .array(z.object({ iso3: z.string(), name: z.string(), effective: z.string().nullable() }))
      .describe('The States Parties counted in `statesParties` whose withdrawal is pending, with its date of effect'),
    states: z.array(InstrumentStatusRow),
    sources: z.array(SourceRef).describe('Every source cited by the rows, their unconfirmed reports and activation dates included'),
  })
  .meta({ id: 'InstrumentStatus' });
export type InstrumentStatusResponse = z.infer<typeof InstrumentStatusResponse>;

export const TimelinePoint = z
  .object({
    date: z.string(),
    parties: z.number().int().describe('Bound: party, or withdrawal pending'),
    partiesNotInForce: z.number().int(),
    signatories: z.number().int(),
    counts: StatusCounts,
    change: z.array(z.object({ iso3: z.string(), from: z.string(), to: z.string() })),
  })
  .meta({ id: 'TimelinePoint' });

export const TimelineResponse = z.object({
  instrumentId: InstrumentId,
  from: z.string(),
  to: z.string(),
  dataAsOf: z.string(),
  jurisdictionActivation: z
    .object({ date: z.string(), source: SourceRef.nullable() })
    .nullable()
    .describe(
      "Aggression amendments: the date the Court's jurisdiction was activated (ICC-ASP/16/Res.5), a fact of its own that changes no count; null for other instruments",
    ),
  points: z.array(TimelinePoint),
});

export type InstrumentDetail = z.infer<typeof InstrumentDetail>;
export type InstrumentStatusRow = z.infer<typeof InstrumentStatusRow>;
export type TimelinePoint = z.infer<typeof TimelinePoint>;
export type TimelineResponse = z.infer<typeof TimelineResponse>;
