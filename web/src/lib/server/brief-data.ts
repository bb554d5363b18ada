/**
 * The country brief (/states/{iso3}/brief): one printed page per State across every instrument,
 * read through the public API and cut down to what the page prints.
 */
import { todayUtc } from '@tracker/api/domain';
import {
  getAgenda,
  getCatReportingDetail,
  getFollowUpPlan,
  getFollowUpPlans,
  getStateDetail,
  getUprReviews,
  searchUprRecommendations,
} from '$lib/api';
import { inInstrumentOrder } from '$lib/state-profile';
import { INSTRUMENT_IDS, type InstrumentId } from '$lib/status';

type Fetch = typeof fetch;

/** Upcoming dates printed: a page holds about this many lines. */
export const BRIEF_NEXT_DATES = 6;
/** Published follow-up plans printed, newest review first. */
export const BRIEF_PLANS = 2;

export async function loadBrief(fetch: Fetch, iso3: string, asOf: string | null) {
  const today = todayUtc();
  const [detail, cat, reviews, uprAll, agenda, plans] = await Promise.all([
    getStateDetail(fetch, iso3, { asOf }),
    getCatReportingDetail(fetch, iso3, { asOf }),
    getUprReviews(fetch, iso3),
    searchUprRecommendations(fetch, { state: iso3, facets: 'true', pageSize: 1 }),
    getAgenda(fetch, { state: iso3, from: asOf ?? today }),
    getFollowUpPlans(fetch, { state: iso3 }),
  ]);
  // Responses per tracked instrument: one search per instrument the recommendations are linked to.
  const linked = (uprAll.facets?.instrument ?? []).filter((f) => f.count > 0);
  const byInstrument = await Promise.all(
    linked.map(async ({ value, count }) => {
      const search = await searchUprRecommendations(fetch, { state: iso3, instrument: value, facets: 'true', pageSize: 1 });
      return { instrumentId: value, count, responses: search.facets?.response ?? [] };
    }),
  );
  // Only what is public: a signed-in editor's own drafts never reach a brief.
  const published = plans.plans.filter((p) => p.visibility === 'published').slice(0, BRIEF_PLANS);
  const progress = await Promise.all(
    published.map(async (p) => {
      const plan = await getFollowUpPlan(fetch, p.id, { asOf });
      return {
        id: p.id,
        title: plan.title,
        organisation: plan.organisation,
        session: p.session,
        publishedAt: p.publishedAt,
        progress: plan.progress,
      };
    }),
  );
  return {
    asOf: detail.asOf,
    state: { iso3: detail.state.iso3, names: detail.state.names },
    instruments: inInstrumentOrder(detail.instruments).map((i) => ({
      instrumentId: i.instrumentId,
      shortName: i.shortName,
      titleLanguage: i.titleLanguage,
      status: i.status,
      since: i.since,
      sincePrecision: i.sincePrecision,
      consent: i.consent,
      entryIntoForce: i.entryIntoForce,
      withdrawal: i.withdrawal,
      dataAsOf: i.dataAsOf,
    })),
    cat: cat.summary,
    catDataAsOf: cat.summary.historyAsOf,
    upr: {
      total: uprAll.total,
      responses: uprAll.facets?.response ?? [],
      byInstrument: byInstrument.sort(
        (a, b) => INSTRUMENT_IDS.indexOf(a.instrumentId as InstrumentId) - INSTRUMENT_IDS.indexOf(b.instrumentId as InstrumentId),
      ),
      lastReview: reviews.reviews.filter((r) => r.status === 'held').at(-1) ?? null,
      nextReview: reviews.nextReview,
    },
    plans: progress,
    next: agenda.events
      .slice(0, BRIEF_NEXT_DATES)
      .map((e) => ({ uid: e.uid, date: e.date, endDate: e.endDate, title: e.title, computed: e.computed, kind: e.kind, status: e.status })),
    nextTotal: agenda.total,
  };
}
