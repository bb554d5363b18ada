import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { InstrumentId } from '../domain/types.js';

/**
 * The UPR reads behind the advocacy lists: the recommendations that ask a State to join one
 * instrument (linked to it with the action `ratify-accede`), and every review with its session's
 * dates, so that the service can tell a State's last review from its next one on any date.
 */

/** A recommendation to join an instrument, with the dates of the review it was made at. */
export interface JoinRecommendationRow {
  id: string;
  reviewId: string;
  session: number;
  cycle: number;
  stateIso3: string;
  paragraph: string | null;
  text: string;
  /** JSON: [{ iso3, nameAsRecorded }, ...] as stored. */
  recommendingStates: string;
  response: string | null;
  responseAsRecorded: string | null;
  sourceId: string;
  reviewDate: string | null;
  sessionStart: string | null;
  sessionYear: number | null;
}

/** A review with its session's dates. */
export interface DatedReviewRow {
  id: string;
  stateIso3: string;
  session: number;
  cycle: number;
  status: string | null;
  reviewDate: string | null;
  sessionStart: string | null;
  sessionEnd: string | null;
  sessionYear: number | null;
  sourceIds: string;
  /** Recommendations of any kind the database holds from this review. */
  recommendationsRecorded: number;
}

export function createAdvocacyRepository(db: Kysely<Database>) {
  return {
    /** Every recommendation asking a State to ratify or accede to `instrumentId`, oldest session first. */
    joinRecommendations: (instrumentId: InstrumentId): Promise<JoinRecommendationRow[]> =>
      db
        .selectFrom('uprLink as l')
        .innerJoin('uprRecommendation as r', 'r.seq', 'l.recommendation')
        .innerJoin('uprSession as s', 's.session', 'r.session')
        .leftJoin('uprReview as v', 'v.id', 'r.reviewId')
        .where('l.instrumentId', '=', instrumentId)
        .where('l.action', '=', 'ratify-accede')
        .select([
          'r.id',
          'r.reviewId',
          'r.session',
          'r.cycle',
          'r.stateUnderReviewIso3 as stateIso3',
          'r.paragraph',
          'r.text',
          'r.recommendingStates',
          'r.response',
          'r.responseAsRecorded',
          'r.sourceId',
          'v.reviewDate',
          's.startDate as sessionStart',
          's.year as sessionYear',
        ])
        .orderBy('r.session')
        .orderBy('r.seq')
        .execute(),

    /**
     * Every UPR review (held, scheduled or postponed) with its session's dates and how many
     * recommendations the database holds from it, by session.
     */
    datedReviews: (): Promise<DatedReviewRow[]> =>
      db
        .selectFrom('uprReview as v')
        .innerJoin('uprSession as s', 's.session', 'v.session')
        .select((eb) => [
          eb
            .selectFrom('uprRecommendation as r')
            .whereRef('r.reviewId', '=', 'v.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('recommendationsRecorded'),
          'v.id',
          'v.stateIso3',
          'v.session',
          'v.cycle',
          'v.status',
          'v.reviewDate',
          's.startDate as sessionStart',
          's.endDate as sessionEnd',
          's.year as sessionYear',
          'v.sourceIds',
        ])
        .$narrowType<{ recommendationsRecorded: number }>()
        .orderBy('v.session')
        .execute(),
  };
}
