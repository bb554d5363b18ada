/**
 * The UPR part of the bundled dataset (data/seed/upr-*.json and upr-recommendations.ndjson): one
 * zod schema per record. The normaliser and the importers in scripts/ validate what they produce
 * with these; the database is built on them. Where a source gives no value the field is null,
 * never a guess (README.md: where the sources are silent, the tracker says "not recorded").
 */
import { z } from 'zod';
import { UPR_RESPONSES, UPR_REVIEW_STATUSES } from '../domain/vocabulary.js';
import { IsoDate } from './common.js';

const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code');
const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case slug');
const NonEmpty = z.string().trim().min(1);

// --- cycles and sessions ---------------------------------------------------------------------------

/**
 * The UPR cycles and the Working Group sessions of each. Fixed by the Human Rights Council, so a
 * constant rather than a data file; `endYear` is null while a cycle is running.
 */
export const UprCycleRecord = z.strictObject({
  cycle: z.number().int().positive(),
  firstSession: z.number().int().positive(),
  lastSession: z.number().int().positive(),
  startYear: z.number().int().min(2008),
  endYear: z.number().int().min(2008).nullable(),
  note: NonEmpty.nullable(),
});
export type UprCycleRecord = z.infer<typeof UprCycleRecord>;

export const UPR_CYCLES = [
  { cycle: 1, firstSession: 1, lastSession: 12, startYear: 2008, endYear: 2011, note: null },
  { cycle: 2, firstSession: 13, lastSession: 26, startYear: 2012, endYear: 2016, note: null },
  { cycle: 3, firstSession: 27, lastSession: 40, startYear: 2017, endYear: 2022, note: null },
  { cycle: 4, firstSession: 41, lastSession: 54, startYear: 2022, endYear: null, note: 'From the 41st session, November 2022.' },
] as const satisfies readonly UprCycleRecord[];

/** The cycle a Working Group session belongs to, or null for a session outside the known cycles. */
export function uprCycleOfSession(session: number): number | null {
  return UPR_CYCLES.find((c) => session >= c.firstSession && session <= c.lastSession)?.cycle ?? null;
}

/** A Working Group session number of a known cycle (1-54 today). */
export const UprSessionNumber = z
  .number()
  .int()
  .positive()
  .refine((s) => uprCycleOfSession(s) !== null, 'session is outside the known UPR cycles');

const sessionAndCycleAgree = (r: { session: number; cycle: number }) => uprCycleOfSession(r.session) === r.cycle;
const CYCLE_MESSAGE = { message: 'cycle does not match the session', path: ['cycle'] };

export const UprSessionRecord = z
  .strictObject({
    session: UprSessionNumber,
    cycle: z.number().int().positive(),
    /** From the session-year look-up; null where no source gives it. */
    year: z.number().int().min(2008).nullable(),
    startDate: IsoDate.nullable(),
    endDate: IsoDate.nullable(),
    sourceIds: z.array(Slug).min(1),
    /**
     * What the data holds of the session where it is incomplete, in words (e.g. session 26: the
     * reviews of 11 of its 14 States); absent or null when there is nothing to say.
     */
    note: z.string().min(1).nullable().optional(),
  })
  .refine(sessionAndCycleAgree, CYCLE_MESSAGE)
  .refine((s) => !s.startDate || !s.endDate || s.startDate <= s.endDate, {
    message: 'a session must not end before it starts',
    path: ['endDate'],
  })
  .refine((s) => !s.startDate || s.year === null || Number(s.startDate.slice(0, 4)) === s.year, {
    message: 'year does not match the start date',
    path: ['year'],
  });
export type UprSessionRecord = z.infer<typeof UprSessionRecord>;

// --- reviews -------------------------------------------------------------------------------------

// Where a review stands: domain/vocabulary.ts.
export { UPR_REVIEW_STATUSES, type UprReviewStatus } from '../domain/vocabulary.js';

export const UPR_DOCUMENT_KINDS = ['wg-report', 'wg-report-addendum'] as const;

/** A review's id: the State under review and the session, e.g. `SVN-48`. */
export const uprReviewId = (iso3: string, session: number): string => `${iso3}-${session}`;

export const UprReviewRecord = z
  .strictObject({
    /** `ISO3-session`, e.g. `SVN-34`. */
    id: z.string().regex(/^[A-Z]{3}-\d+$/),
    stateIso3: Iso3,
    session: UprSessionNumber,
    cycle: z.number().int().positive(),
    status: z.enum(UPR_REVIEW_STATUSES).nullable(),
    /** The source's own words for the status (the calendar's `status` column), when it has any. */
    statusAsRecorded: NonEmpty.nullable(),
    /** The day of the review in the Working Group, where a source gives it. */
    reviewDate: IsoDate.nullable(),
    /** Documents of the review known from the sources: the WG report and its addendum (the State's views). */
    documents: z.array(z.strictObject({ symbol: NonEmpty, kind: z.enum(UPR_DOCUMENT_KINDS) })),
    sourceIds: z.array(Slug).min(1),
    note: NonEmpty.nullable(),
  })
  .refine((r) => r.id === uprReviewId(r.stateIso3, r.session), { message: 'id must be stateIso3-session', path: ['id'] })
  .refine(sessionAndCycleAgree, CYCLE_MESSAGE)
  .refine((r) => r.status !== null || r.statusAsRecorded === null, {
    message: 'a recorded status needs a normalised status',
    path: ['status'],
  });
export type UprReviewRecord = z.infer<typeof UprReviewRecord>;

/**
 * The review a recommendation implies (a State reviewed at a session), before any source says more
 * about it: its id is `ISO3-session`, and its status, date and documents are not recorded.
 */
export const impliedUprReview = (iso3: string, session: number, cycle: number): UprReviewRecord => ({
  id: uprReviewId(iso3, session),
  stateIso3: iso3,
  session,
  cycle,
  status: null,
  statusAsRecorded: null,
  reviewDate: null,
  documents: [],
  sourceIds: [],
  note: null,
});

// --- recommendations -----------------------------------------------------------------------------

// The normalised response of the State under review: domain/vocabulary.ts.
export { UPR_RESPONSES, type UprResponse } from '../domain/vocabulary.js';

export const UprRecommendingState = z.strictObject({
  /** null when the name is not a State of the registry (reported by the normaliser). */
  iso3: Iso3.nullable(),
  nameAsRecorded: NonEmpty,
});
export type UprRecommendingState = z.infer<typeof UprRecommendingState>;

/**
 * `family:session:ISO3:hash`, plus `-2`, `-3` for exact duplicates in file order. The hash covers
 * the normalised text and the recommending State names, so a re-import of the same file gives the
 * same ids.
 */
export const UprRecommendationId = z.string().regex(/^[a-z]+(-[a-z]+)*:\d+:[A-Z]{3}:[0-9a-f]{10}(-\d+)?$/);

const NameList = z.array(NonEmpty).nullable();

export const UprRecommendationRecord = z
  .strictObject({
    id: UprRecommendationId,
    reviewId: z.string().regex(/^[A-Z]{3}-\d+$/),
    session: UprSessionNumber,
    cycle: z.number().int().positive(),
    stateUnderReviewIso3: Iso3,
    /** Paragraph in the WG report, e.g. "115.3"; null when the source does not give it. */
    paragraph: z
      .string()
      .regex(/^\d+\.\d+$/)
      .nullable(),
    text: NonEmpty,
    /**
     * One or more. The UPR Info export has one row per recommending State and cannot tell a joint
     * recommendation from identical separate ones, so each of its rows is one recommendation with
     * one State; OHCHR lists name all States of a recommendation.
     */
    recommendingStates: z.array(UprRecommendingState).min(1),
    response: z.enum(UPR_RESPONSES).nullable(),
    /** The source's exact word(s), e.g. "Accepted", "Noted", "Supported"; null when not recorded. */
    responseAsRecorded: NonEmpty.nullable(),
    /** Where the State gave its position, as the source cites it, e.g. "A/HRC/28/15/Add.1 - Para. 3". */
    responseSource: NonEmpty.nullable(),
    /** UPR Info action category, 1 (minimal action) to 5 (specific action); null outside UPR Info. */
    actionCategory: z.number().int().min(1).max(5).nullable(),
    /** As recorded by the source; null when the source does not record the field at all. */
    themes: NameList,
    sdgs: NameList,
    affectedPersons: NameList,
    /** The WG report, e.g. A/HRC/43/15; null when unknown. */
    documentSymbol: NonEmpty.nullable(),
    /** Publication date of that document, where the source gives it (UHRI). */
    documentDate: IsoDate.nullable(),
    /** The source's own id of the recommendation (UHRI annotation id), when it has one. */
    externalId: NonEmpty.nullable(),
    sourceId: Slug,
    /** Line in the raw file where the row starts. */
    sourceLine: z.number().int().positive(),
  })
  .refine((r) => r.reviewId === uprReviewId(r.stateUnderReviewIso3, r.session), {
    message: 'reviewId must be stateUnderReviewIso3-session',
    path: ['reviewId'],
  })
  .refine(sessionAndCycleAgree, CYCLE_MESSAGE)
  .refine((r) => (r.response === null) === (r.responseAsRecorded === null), {
    message: 'response and responseAsRecorded go together',
    path: ['response'],
  });
export type UprRecommendationRecord = z.infer<typeof UprRecommendationRecord>;

// --- voluntary pledges ---------------------------------------------------------------------------

export const UprPledgeRecord = z
  .strictObject({
    id: z.string().regex(/^[a-z]+(-[a-z]+)*:\d+:[A-Z]{3}:[0-9a-f]{10}(-\d+)?$/),
    reviewId: z.string().regex(/^[A-Z]{3}-\d+$/),
    stateIso3: Iso3,
    session: UprSessionNumber,
    cycle: z.number().int().positive(),
    text: NonEmpty,
    actionCategory: z.number().int().min(1).max(5).nullable(),
    themes: NameList,
    sourceId: Slug,
    sourceLine: z.number().int().positive(),
  })
  .refine((r) => r.reviewId === uprReviewId(r.stateIso3, r.session), { message: 'reviewId must be stateIso3-session', path: ['reviewId'] })
  .refine(sessionAndCycleAgree, CYCLE_MESSAGE);
export type UprPledgeRecord = z.infer<typeof UprPledgeRecord>;
