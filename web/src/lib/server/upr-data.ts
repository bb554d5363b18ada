/**
 * Data for the UPR pages (search, reviews, the profile section), read through the public API and
 * cut down to what the pages show.
 */
import { getInstruments, getStates, getUprCalendar, getUprReviews, searchUprRecommendations } from '$lib/api';
import { regionOptions } from '$lib/groups';
import type { Locale } from '$lib/i18n';
import { INSTRUMENT_IDS } from '$lib/status';
import { apiSearchQuery, summariseCoverage, toResultItem, type UprProfile, type UprQuery } from '$lib/upr';

type Fetch = typeof fetch;

/** Instruments' short names by id, in the tracker's order. */
export async function loadInstrumentNames(fetch: Fetch) {
  const { instruments } = await getInstruments(fetch);
  return Object.fromEntries(
    [...instruments].sort((a, b) => INSTRUMENT_IDS.indexOf(a.id) - INSTRUMENT_IDS.indexOf(b.id)).map((i) => [i.id, i.shortName] as const),
  );
}

/** The calendar, cut to each session's number, cycle, year and how many recommendations it holds. */
async function calendar(fetch: Fetch) {
  const { sessions } = await getUprCalendar(fetch);
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

/** What every UPR page needs: names for codes, the M49 regions in use and what the data covers. */
export async function loadUprBase(fetch: Fetch, locale: Locale) {
  const [{ states }, instruments, { sessions, coverage }] = await Promise.all([
    getStates(fetch),
    loadInstrumentNames(fetch),
    calendar(fetch),
  ]);
  const collator = new Intl.Collator(locale);
  const stateOptions = states
    .map((s) => ({ iso3: s.iso3, name: s.names[locale] ?? s.names.en }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return { states: stateOptions, regions: regionOptions(states), instruments, sessions, coverage };
}

/** One page of search results, with the facet counts unless told otherwise. */
export async function loadUprSearch(fetch: Fetch, query: UprQuery, { facets = true } = {}) {
  const result = await searchUprRecommendations(fetch, apiSearchQuery(query, { facets }));
  return {
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    items: result.items.map(toResultItem),
    facets: result.facets ?? null,
  };
}

/**
 * The country profile's UPR section. A profile must not fail because its UPR part cannot be read,
 * so any error here gives null and the section says so.
 */
export async function loadUprProfile(fetch: Fetch, iso3: string): Promise<UprProfile | null> {
  try {
    const [reviews, search, instruments] = await Promise.all([
      getUprReviews(fetch, iso3),
      searchUprRecommendations(fetch, { state: iso3, facets: 'true', pageSize: 1 }),
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
