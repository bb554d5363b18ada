import { z } from 'zod';
import { NOT_JOINED_STATUSES } from '../domain/advocacy.js';
import { LDC_STATUSES, UN_REGIONAL_GROUPS, UPR_RESPONSES } from '../domain/vocabulary.js';
import { CAT_SITUATIONS } from '../domain/types.js';
import { FormatQuery, IntParam, IsoDate } from './common.js';
import { InstrumentId, SourceRef, StatusListParam } from './participation.js';
import { BooleanParam, StateFilters } from './state.js';

/** API shapes of the advocacy lists: who has not joined an instrument, what they said at the UPR, when they are next asked. */

export const AdvocacyQuery = StateFilters.extend({
  asOf: IsoDate.optional().describe(
    'Who has not joined on this date (default: today, UTC); recommendations and reviews after it are not counted',
  ),
  status: StatusListParam.refine((list) => list.every((s) => (NOT_JOINED_STATUSES as readonly string[]).includes(s)), {
    message: `the advocacy lists hold States that have not joined: status must be one or more of ${NOT_JOINED_STATUSES.join(', ')}`,
  })
    .optional()
    .describe(`Keep only these statuses (${NOT_JOINED_STATUSES.join(', ')}): comma-separated or repeated`),
  recommended: BooleanParam.describe(
    'true: only States that received a UPR recommendation to join this instrument; false: only those that received none',
  ),
  supported: BooleanParam.describe(
    'true: only States that supported at least one such recommendation; false: only those that supported none',
  ),
  reviewWithin: IntParam(1, 60)
    .optional()
    .describe(
      'Only States whose next UPR review (or, for UNCAT and OPCAT, next dialogue with the Committee against Torture) falls within this many months after asOf',
    ),
  state: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as "JAM"')
    .transform((v) => v.toUpperCase())
    .optional()
    .describe('Only this State (ISO3); the list is empty when it has joined'),
  recommendations: BooleanParam.default(false).describe(
    "true: include each State's recommendations to join, with their wording, recommending States, response and source (`upr.recommendations`); without it the list gives the counts only, which keeps the whole list small. Narrow with `state` for one State's",
  ),
  windowMonths: IntParam(1, 60).default(12).describe('The span of the advocacy windows list, in months after asOf (default 12)'),
}).extend(FormatQuery.shape);
export type AdvocacyQuery = z.infer<typeof AdvocacyQuery>;

const Dated = z.object({ date: IsoDate, precision: z.enum(['day', 'month', 'year']) });

export const AdvocacyReview = z
  .object({
    id: z.string(),
    session: z.number().int(),
    cycle: z.number().int(),
    status: z.string().nullable().describe('held, scheduled or postponed as the sources say; null when none says'),
    date: IsoDate.nullable().describe('The day of the review where recorded, else the first day of its session'),
    year: z.number().int().nullable(),
    sourceIds: z.array(z.string()),
  })
  .meta({ id: 'AdvocacyReview' });
export type AdvocacyReview = z.infer<typeof AdvocacyReview>;

export const AdvocacyRecommendation = z
  .object({
    id: z.string().describe('UPR recommendation id (GET /api/upr/recommendations/{id})'),
    cycle: z.number().int(),
    session: z.number().int(),
    reviewDate: IsoDate.nullable().describe(
      'The day of the review where recorded, else the first day of its session; null when only the year is',
    ),
    year: z.number().int().nullable(),
    paragraph: z.string().nullable(),
    text: z.string().describe('The wording as the source records it (English)'),
    recommendingStates: z.array(z.string()),
    response: z.enum(UPR_RESPONSES).nullable().describe('supported / noted (normalised); null when not recorded'),
    responseAsRecorded: z.string().nullable(),
    sourceId: z.string(),
  })
  .meta({ id: 'AdvocacyRecommendation' });
export type AdvocacyRecommendation = z.infer<typeof AdvocacyRecommendation>;

const FirstSupported = z
  .object({ session: z.number().int(), cycle: z.number().int(), date: IsoDate.nullable(), year: z.number().int().nullable() })
  .describe('The review at which the State first supported a recommendation to join');

export const AdvocacyState = z
  .object({
    iso3: z.string(),
    name: z.string(),
    status: z.enum(NOT_JOINED_STATUSES),
    since: z.string().nullable().describe('First day of the current status; null for a State that never acted'),
    sincePrecision: z.enum(['day', 'month', 'year']),
    signature: Dated.nullable().describe('Signature, for a signatory (or a withdrawn signature)'),
    withdrawal: z
      .object({ notified: IsoDate, effective: IsoDate.nullable() })
      .nullable()
      .describe('Withdrawal notified, and when it takes (took) effect'),
    region: z.object({ code: z.string(), name: z.string() }),
    subRegion: z.object({ code: z.string(), name: z.string() }),
    unRegionalGroup: z.enum(UN_REGIONAL_GROUPS).nullable(),
    ldc: z.enum(LDC_STATUSES),
    sids: z.boolean(),
    odaRecipient: z.boolean().nullable().describe('null when not recorded'),
    related: z
      .array(z.object({ instrumentId: InstrumentId, status: z.string() }))
      .describe("The State's status on the related instruments on the same date"),
    upr: z.object({
      received: z.number().int().describe('Recommendations to join this instrument received up to asOf'),
      supported: z.number().int(),
      noted: z.number().int(),
      other: z.number().int().describe('Partly supported, pending or response not recorded'),
      firstSupported: FirstSupported.nullable(),
      yearsSinceFirstSupported: z
        .number()
        .int()
        .nullable()
        .describe(
          'Whole years from the review of the first supported recommendation to asOf; where only its year is recorded, counted from 31 December of that year (so never more than have passed)',
        ),
      byCycle: z
        .array(z.object({ cycle: z.number().int(), received: z.number().int(), supported: z.number().int(), noted: z.number().int() }))
        .describe('The same counts per UPR cycle, cycles with a recommendation only'),
      recommendations: z
        .array(AdvocacyRecommendation)
        .nullable()
        .describe('Oldest session first; null unless the request asks `recommendations=true`'),
      reviewsNotRecorded: z
        .array(
          z.object({ session: z.number().int(), cycle: z.number().int(), date: IsoDate.nullable(), year: z.number().int().nullable() }),
        )
        .describe(
          'Reviews over before asOf from which the database holds no recommendation at all: what the State was recommended there (to join this instrument or not) is not recorded, so the counts above may be short',
        ),
      lastReview: AdvocacyReview.nullable().describe('The latest review over before asOf; null when none is recorded'),
      nextReview: AdvocacyReview.nullable().describe('The next review on the calendar from asOf; null when none is recorded'),
    }),
    cat: z
      .object({
        situation: z.enum(CAT_SITUATIONS).describe('CAT reporting situation on asOf (GET /api/cat-reporting/{iso3})'),
        nextDialogue: z
          .object({ session: z.number().int(), sessionStart: IsoDate, sourceId: z.string() })
          .nullable()
          .describe(
            'The next session of the Committee against Torture that lists the State for a dialogue; null when no recorded session does',
          ),
      })
      .nullable()
      .describe('UNCAT and OPCAT only; null for the other instruments'),
    window: z
      .object({ kind: z.enum(['upr-review', 'cat-dialogue']), date: IsoDate, session: z.number().int() })
      .nullable()
      .describe('The first of the next UPR review and (UNCAT, OPCAT) the next CAT dialogue, where a date is recorded'),
    sourceIds: z.array(z.string()).describe('Sources of the status, the recommendations and the reviews'),
  })
  .meta({ id: 'AdvocacyState' });
export type AdvocacyState = z.infer<typeof AdvocacyState>;

export const AdvocacySupportedNotJoined = z
  .object({
    iso3: z.string(),
    name: z.string(),
    status: z.enum(NOT_JOINED_STATUSES),
    firstSupported: FirstSupported,
    yearsSinceFirstSupported: z.number().int().nullable(),
    supported: z.number().int(),
    noted: z.number().int(),
  })
  .meta({ id: 'AdvocacySupportedNotJoined' });

export const AdvocacyResponse = z
  .object({
    instrumentId: InstrumentId,
    shortName: z.string(),
    asOf: IsoDate,
    dataAsOf: IsoDate.describe('The date the participation data for this instrument is as of'),
    uprDataAsOf: IsoDate.nullable().describe('The date the newest UPR source is as of'),
    completenessNote: z
      .string()
      .describe('What the participation data for this instrument is known to miss: a State it misses is listed here as not joined'),
    related: z.array(z.object({ instrumentId: InstrumentId, shortName: z.string(), relation: z.string() })),
    uprSessionsRecorded: z
      .array(z.number().int())
      .describe(
        'The UPR Working Group sessions from which the database holds recommendations; a review at another session has none recorded',
      ),
    counts: z.object({
      listed: z.number().int().describe('States in this answer (after the filters)'),
      byStatus: z.record(z.string(), z.number().int()),
      receivedRecommendation: z.number().int(),
      supportedRecommendation: z.number().int(),
      notJoined: z.number().int().describe('All States that have not joined on asOf, before the filters'),
    }),
    states: z.array(AdvocacyState).describe('By English name'),
    supportedNotJoined: z
      .array(AdvocacySupportedNotJoined)
      .describe('The States listed that supported a recommendation to join and have not joined, earliest promise first'),
    windows: z
      .object({
        months: z.number().int(),
        until: IsoDate,
        states: z.array(
          z.object({
            iso3: z.string(),
            name: z.string(),
            kind: z.enum(['upr-review', 'cat-dialogue']),
            date: IsoDate,
            session: z.number().int(),
          }),
        ),
      })
      .describe('The States listed whose next UPR review (or CAT dialogue) falls within `months` after asOf, by date'),
    sources: z.array(SourceRef),
  })
  .meta({ id: 'Advocacy' });
export type AdvocacyResponse = z.infer<typeof AdvocacyResponse>;
