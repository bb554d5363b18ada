/**
 * The bundled dataset (data/seed/*.json): one zod schema per record. The normalisers in scripts/
 * validate what they write with these, and the seed validates what it reads.
 */
import { z } from 'zod';
import { ATTESTATIONS, EVENT_KINDS, INSTRUMENT_IDS } from '../domain/types.js';
import type { ParticipationEvent } from '../domain/types.js';

export const IsoDate = z.iso.date();
const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case slug');
const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code');
const NonEmpty = z.string().trim().min(1);

export const SourceRecord = z.strictObject({
  id: Slug,
  title: NonEmpty,
  publisher: NonEmpty.nullable(),
  url: z.url().nullable(),
  asOf: IsoDate.nullable(),
  rawFile: z.string().startsWith('data/raw/').nullable(),
  note: NonEmpty.nullable(),
});
export type SourceRecord = z.infer<typeof SourceRecord>;

const CodeName = z.strictObject({ code: z.string().regex(/^\d{3}$/), name: NonEmpty });

export const StateRecord = z.strictObject({
  iso3: Iso3,
  iso2: z.string().regex(/^[A-Z]{2}$/),
  isoNumeric: z.string().regex(/^\d{3}$/),
  m49Code: z.string().regex(/^\d{3}$/),
  membership: z.enum(['un-member', 'observer-state', 'non-member']),
  names: z.strictObject({ en: NonEmpty, fr: NonEmpty, es: NonEmpty, ar: NonEmpty }),
  formalNameEn: NonEmpty.nullable(),
  region: CodeName,
  subRegion: CodeName,
  intermediateRegion: CodeName.nullable(),
  unRegionalGroup: z
    .enum(['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-others'])
    .nullable(),
  unRegionalGroupRole: NonEmpty.nullable(),
  /** Special cases (Israel, Türkiye, United States, Kiribati, observers) as the source words them. */
  unRegionalGroupNote: NonEmpty.nullable(),
  ldc: z.strictObject({
    status: z.enum(['ldc', 'graduated', 'never']),
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
  z.strictObject({ kind: z.literal('one-year-after-deposit'), activatedOn: IsoDate.nullable() }),
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
  sourceUrl: z.url().nullable(),
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
