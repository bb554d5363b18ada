import { z } from 'zod';
import { CitationFields, citesASource, CITE_A_SOURCE } from './editing.js';
import {
  UN_REGIONAL_GROUPS,
  UPR_ASSESSMENT_SOURCES,
  UPR_IMPLEMENTATION_FILTERS,
  UPR_IMPLEMENTATION_STATUSES,
  UPR_RESPONSE_FILTERS,
  UPR_RESPONSES,
  UPR_REVIEW_STATUSES,
  UPR_SORTS,
} from '../domain/vocabulary.js';
import { MAX_SEARCH_TERMS, MIN_PREFIX_LENGTH, readSearchText } from '../domain/search-text.js';
import { UPR_LINK_ACTIONS } from '../domain/upr-links.js';
import { GROUP_COMBINATIONS } from '../domain/state-groups.js';
import { FormatQuery, IntParam, IsoDate, PlainText } from './common.js';
import { InstrumentId, SourceRef } from './participation.js';
import { BooleanParam, StateFilters } from './state.js';

/** API shapes of the UPR part. */

// Allowed values declared in domain/vocabulary.ts, kept in this public entry for its readers.
export { UPR_ASSESSMENT_SOURCES, UPR_IMPLEMENTATION_STATUSES };

const Iso3Param = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as "SVN"')
  .transform((s) => s.toUpperCase());

/** The search text: bounded in length and in terms, so that no one search can occupy the server. */
const SearchText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .superRefine((q, ctx) => {
    const read = readSearchText(q);
    if (!read.ok) ctx.addIssue({ code: 'custom', message: read.problem });
  });

export const UprSearchQuery = z.object({
  q: SearchText.optional().describe(
    `Full-text search; words match by stem and prefix ("ratif" finds ratify, ratification; words of fewer than ${MIN_PREFIX_LENGTH} letters match whole); "quoted phrases" match as phrases; at most ${MAX_SEARCH_TERMS} words or phrases`,
  ),
  state: Iso3Param.optional().describe('State under review (ISO3)'),
  // The State under review by its groups: the same rule (domain/state-groups.ts) as every list of States.
  stateGroup: z.enum(UN_REGIONAL_GROUPS).optional().describe("State under review's UN regional group"),
  stateRegion: StateFilters.shape.region.describe(
    "State under review's M49 region, sub-region or intermediate region code (3 digits, as listed by GET /api/states)",
  ),
  stateLdc: BooleanParam.describe('true: the State under review is a least developed country now; false: it is not'),
  stateSids: BooleanParam.describe('true: the State under review is a small island developing State; false: it is not'),
  stateCombine: z
    .enum(GROUP_COMBINATIONS)
    .optional()
    .describe(
      'How stateGroup, stateRegion, stateLdc and stateSids combine: all (default: each must hold) or any (one is enough: stateLdc=true&stateSids=true&stateCombine=any selects recommendations to LDCs and to small island developing States)',
    ),
  recommendingState: Iso3Param.optional().describe('Recommending State (ISO3)'),
  recommendingGroup: z.enum(UN_REGIONAL_GROUPS).optional().describe("Recommending State's UN regional group"),
  cycle: IntParam(1, 4).optional(),
  session: IntParam(1, 54).optional().describe('Working Group session'),
  response: z.enum(UPR_RESPONSE_FILTERS).optional(),
  theme: z.string().trim().min(1).max(200).optional().describe('A theme exactly as recorded (see the theme facet)'),
  instrument: InstrumentId.optional().describe('Linked instrument'),
  action: z.enum(UPR_LINK_ACTIONS).optional().describe('What the recommendation asks about a linked instrument'),
  implementation: z.enum(UPR_IMPLEMENTATION_FILTERS).optional().describe('Latest implementation assessment'),
  sort: z.enum(UPR_SORTS).default('session').describe('relevance needs q; session = newest first'),
  page: IntParam(1, 100_000).default(1),
  pageSize: IntParam(1, 200).default(50),
  facets: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Add counts per value of each filter, over the matching recommendations'),
  ...FormatQuery.shape,
});
export type UprSearchQuery = z.infer<typeof UprSearchQuery>;
/** The State-under-review group filters: the service resolves them to `statesUnderReview`. */
export type UprStateGroupQuery = Pick<UprSearchQuery, 'stateGroup' | 'stateRegion' | 'stateLdc' | 'stateSids' | 'stateCombine'>;
/**
 * The filters the column index and the CSV's SQL apply. The group filters reach them as the set of
 * States they select, worked out once, so that the JSON, its facets and the CSV cannot differ.
 */
export type UprFilters = Omit<UprSearchQuery, 'sort' | 'page' | 'pageSize' | 'facets' | 'format' | 'bom' | keyof UprStateGroupQuery> & {
  /** ISO3 codes of the States under review the group filters select; undefined when none is given. */
  statesUnderReview?: readonly string[] | undefined;
};

export const UprLink = z.object({ instrumentId: z.string(), action: z.enum(UPR_LINK_ACTIONS).nullable() }).meta({ id: 'UprLink' });

export const UprAssessment = z
  .object({
    id: z.number().int(),
    recommendationId: z.string(),
    status: z.enum(UPR_IMPLEMENTATION_STATUSES),
    assessedOn: IsoDate,
    sourceKind: z.enum(UPR_ASSESSMENT_SOURCES),
    sourceTitle: z.string(),
    sourceUrl: z.string().nullable(),
    evidence: z.string().nullable(),
    documentSymbol: z.string().nullable(),
    recordedBy: z.string().describe('The person who recorded it'),
    organisation: z
      .string()
      .nullable()
      .describe('The organisation whose assessment it is; null for those recorded before accounts existed'),
    recordedAt: z.string(),
    retractedAt: z.string().nullable().describe('Set when retracted: kept in the history, no longer counted'),
  })
  .meta({ id: 'UprAssessment' });
export type UprAssessment = z.infer<typeof UprAssessment>;

export const UprRecommendation = z
  .object({
    id: z.string(),
    reviewId: z.string(),
    session: z.number().int(),
    cycle: z.number().int(),
    stateUnderReview: z.object({ iso3: z.string(), name: z.string() }),
    paragraph: z.string().nullable(),
    text: z.string(),
    recommendingStates: z.array(
      z.object({
        iso3: z.string().nullable(),
        name: z.string(),
        nameAsRecorded: z.string(),
        unRegionalGroup: z.enum(UN_REGIONAL_GROUPS).nullable(),
      }),
    ),
    response: z
      .enum(UPR_RESPONSES)
      .nullable()
      .describe('Normalised: supported / noted (the older "accepted" is supported, "rejected" noted); null when not recorded'),
    responseAsRecorded: z.string().nullable().describe("The source's own word"),
    responseSource: z.string().nullable(),
    actionCategory: z.number().int().nullable().describe('UPR Info action category, 1 (minimal) to 5 (specific action)'),
    themes: z.array(z.string()).nullable(),
    sdgs: z.array(z.string()).nullable(),
    affectedPersons: z.array(z.string()).nullable(),
    documentSymbol: z.string().nullable(),
    links: z.array(UprLink),
    implementation: UprAssessment.nullable().describe('The latest implementation assessment; null when none is recorded'),
    source: SourceRef,
    sourceLine: z.number().int(),
  })
  .meta({ id: 'UprRecommendation' });
export type UprRecommendation = z.infer<typeof UprRecommendation>;

const FacetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const UprFacets = z
  .object({
    response: FacetCounts,
    cycle: FacetCounts,
    instrument: FacetCounts,
    action: FacetCounts,
    recommendingGroup: FacetCounts,
    implementation: FacetCounts,
    theme: FacetCounts.describe('The 30 most frequent'),
  })
  .meta({ id: 'UprFacets' });
export type UprFacets = z.infer<typeof UprFacets>;

export const UprSearchResponse = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(UprRecommendation),
    facets: UprFacets.optional(),
  })
  .meta({ id: 'UprSearch' });
export type UprSearchResponse = z.infer<typeof UprSearchResponse>;

export const UprRecommendationDetail = UprRecommendation.extend({
  assessments: z.array(UprAssessment).describe('Every assessment, oldest first: the history is kept, never overwritten'),
}).meta({ id: 'UprRecommendationDetail' });
export type UprRecommendationDetail = z.infer<typeof UprRecommendationDetail>;

export const UprReview = z
  .object({
    id: z.string(),
    stateIso3: z.string(),
    session: z.number().int(),
    cycle: z.number().int(),
    sessionStart: IsoDate.nullable(),
    sessionEnd: IsoDate.nullable(),
    year: z.number().int().nullable(),
    status: z.enum(UPR_REVIEW_STATUSES).nullable(),
    statusAsRecorded: z.string().nullable(),
    reviewDate: IsoDate.nullable(),
    documents: z.array(z.object({ symbol: z.string(), kind: z.string() })),
    note: z.string().nullable(),
    recommendations: z.object({
      total: z.number().int(),
      byResponse: z.record(z.string(), z.number().int()).describe('Counts by normalised response; "not-recorded" where none is'),
      linked: z.number().int().describe('Recommendations linked to one of the tracked instruments'),
      assessed: z.number().int().describe('Recommendations with an implementation assessment'),
    }),
    sources: z.array(SourceRef),
  })
  .meta({ id: 'UprReview' });
export type UprReview = z.infer<typeof UprReview>;

export const UprStateReviews = z
  .object({
    state: z.object({ iso3: z.string(), name: z.string() }),
    reviews: z.array(UprReview),
    nextReview: UprReview.nullable().describe('The next review on the calendar after today; null when none is scheduled in the data'),
    pastScheduledReview: UprReview.nullable().describe(
      'The latest review the calendar lists as scheduled on a date now past, with nothing recording that it was held (or postponed); null when there is none',
    ),
    pledges: z.array(z.object({ id: z.string(), session: z.number().int(), text: z.string(), source: SourceRef })),
  })
  .meta({ id: 'UprStateReviews' });
export type UprStateReviews = z.infer<typeof UprStateReviews>;

export const UprCalendarQuery = z.object({ cycle: IntParam(1, 4).optional(), session: IntParam(1, 54).optional() });

export const UprCalendarSession = z
  .object({
    session: z.number().int(),
    cycle: z.number().int(),
    year: z.number().int().nullable(),
    startDate: IsoDate.nullable(),
    endDate: IsoDate.nullable(),
    recommendationsRecorded: z.number().int().describe('Recommendations of this session in the database'),
    note: z
      .string()
      .nullable()
      .describe(
        'What the data holds of the session where it is incomplete, in words (e.g. the 26th: the reviews of 11 of its 14 States); null when there is nothing to say',
      ),
    reviews: z.array(
      z.object({
        id: z.string(),
        stateIso3: z.string(),
        name: z.string(),
        status: z.enum(UPR_REVIEW_STATUSES).nullable(),
        reviewDate: IsoDate.nullable(),
        note: z.string().nullable(),
        recommendationsRecorded: z.number().int(),
      }),
    ),
    sources: z.array(SourceRef),
  })
  .meta({ id: 'UprCalendarSession' });
export type UprCalendarSession = z.infer<typeof UprCalendarSession>;
export const UprCalendarResponse = z.object({ sessions: z.array(UprCalendarSession) }).meta({ id: 'UprCalendar' });
export type UprCalendarResponse = z.infer<typeof UprCalendarResponse>;

/**
 * The first UPR Working Group session opened on 7 April 2008: an assessment of how a UPR
 * recommendation was implemented cannot speak for an earlier date.
 */
export const FIRST_UPR_SESSION_START = '2008-04-07';

/**
 * An assessment as an editor records or corrects it. Who records it and for which organisation
 * come from the account, not the body; the source and the reason are required of every edit.
 */
export const UprAssessmentInput = z
  .strictObject({
    status: z.enum(UPR_IMPLEMENTATION_STATUSES),
    assessedOn: IsoDate.refine(
      (d) => d >= FIRST_UPR_SESSION_START,
      `must not be before the first UPR session (${FIRST_UPR_SESSION_START})`,
    ).describe('The date the assessment speaks for (e.g. the mid-term report date); not in the future'),
    sourceKind: z.enum(UPR_ASSESSMENT_SOURCES),
    sourceTitle: PlainText(3, 500),
    evidence: PlainText(1, 10_000).nullable().default(null),
    ...CitationFields,
  })
  .refine(citesASource, CITE_A_SOURCE);
export type UprAssessmentInput = z.infer<typeof UprAssessmentInput>;

export const UprAssessmentParams = z.object({ id: IntParam(1, 999_999_999).describe('Assessment id') });

export const UprRecommendationParams = z.object({
  id: z.string().min(1).max(200).describe('Recommendation id, e.g. "ohchr-thematic-list:48:SVN:0123456789"'),
});
