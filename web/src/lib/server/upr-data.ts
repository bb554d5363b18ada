/**
 * Data for the UPR pages (search, reviews, the profile section), read through the public API and
 * cut down to what the pages show.
 */
import { apiGet } from '$lib/api';
import type {
  Instrument,
  State,
  UprCalendarResponse,
  UprRecommendationDetail,
  UprSearchResponse,
  UprStateReviews,
} from '$lib/api-types';
import type { Locale } from '$lib/i18n';
import { INSTRUMENT_IDS } from '$lib/status';
import { apiSearchPath, summariseCoverage, toResultItem, type UprProfile, type UprQuery } from '$lib/upr';

type Fetch = typeof fetch;


/** Instruments' short names by id, in the tracker's order. */
export async function loadInstrumentNames(fetch: Fetch) {
  const { instruments } = await apiGet<{ instruments: Instrument[] }>(fetch, '/instruments');
  return Object.fromEntries(
    [...instruments]
      .sort((a, b) => INSTRUMENT_IDS.indexOf(a.id) - INSTRUMENT_IDS.indexOf(b.id))
      .map((i) => [i.id, i.shortName] as const),
  );
}

/** The calendar, cut to each session's number, cycle, year and how many recommendations it holds. */
async function calendar(fetch: Fetch) {
  const { sessions } = await apiGet<UprCalendarResponse>(fetch, '/upr/calendar');
  return {
    sessions: sessions.map(({ session, cycle, year, startDate, endDate, recommendationsRecorded }) => ({
      session,
      cycle,
      year,
      startDate,
      endDate,
      recommendationsRecorded,
    })),
    coverage: summariseCoverage(sessions),
  };
}

/** What every UPR page needs: names for codes and what the data covers. */
export async function loadUprBase(fetch: Fetch, locale: Locale) {
  const [{ states }, instruments, { sessions, coverage }] = await Promise.all([
    apiGet<{ states: State[] }>(fetch, '/states'),
    loadInstrumentNames(fetch),
    calendar(fetch),
  ]);
  const collator = new Intl.Collator(locale);
  const stateOptions = states
    .map((s) => ({ iso3: s.iso3, name: s.names[locale] ?? s.names.en }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return { states: stateOptions, instruments, sessions, coverage };
}

/** One page of search results, with the facet counts unless told otherwise. */
export async function loadUprSearch(fetch: Fetch, query: UprQuery, { facets = true } = {}) {
  const result = await apiGet<UprSearchResponse>(fetch, apiSearchPath(query, { facets }));
  return {
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    items: result.items.map(toResultItem),
    facets: result.facets ?? null,
  };
}

/** A state's reviews and pledges. */
export const loadUprReviews = (fetch: Fetch, iso3: string) =>
  apiGet<UprStateReviews>(fetch, `/upr/reviews/${encodeURIComponent(iso3)}`);

export const loadUprRecommendation = (fetch: Fetch, id: string) =>
  apiGet<UprRecommendationDetail>(fetch, `/upr/recommendations/${encodeURIComponent(id)}`);

/**
 * The country profile's UPR section. A profile must not fail because its UPR part cannot be read,
 * so any error here gives null and the section says so.
 */
export async function loadUprProfile(fetch: Fetch, iso3: string): Promise<UprProfile | null> {
  try {
    const [reviews, search, instruments] = await Promise.all([
      loadUprReviews(fetch, iso3),
      apiGet<UprSearchResponse>(fetch, `/upr/recommendations?state=${encodeURIComponent(iso3)}&facets=true&pageSize=1`),
      loadInstrumentNames(fetch),
    ]);
    return {
      reviews: reviews.reviews,
      nextReview: reviews.nextReview,
      pastScheduledReview: reviews.pastScheduledReview,
      pledges: reviews.pledges.length,
      total: search.total,
      facets: search.facets
        ? { instrument: search.facets.instrument, action: search.facets.action, implementation: search.facets.implementation }
        : null,
      instruments,
    };
  } catch {
    return null;
  }
}
