/**
 * The UPR search as it travels in the URL, and the small pieces of shaping its pages need.
 *
 * The page URL (`/upr?…`) and the API URL (`/api/upr/recommendations?…`) use the same parameter
 * names and values, so the CSV link of a view is its own filters plus `format=csv`. Values are not
 * validated here beyond what the page itself must know (page, page size, sort): the API answers a
 * bad one with a 400 that says what is wrong, and the page shows it as it is.
 */
import type { TFunction } from 'i18next';
import { isUprSort, UPR_RESPONSE_FILTERS, type UprSort } from '@tracker/api/domain';
import type { UprSearchQuery } from '@tracker/api/schemas';
import type { UprSearchParams } from '$lib/api';
import { downloadParams } from '$lib/downloads';
import { m49Name } from '$lib/groups';
import type { UprCalendarSession, UprFacets, UprRecommendation, UprReview, UprStateReviews } from '$lib/api-types';
import { toSearch } from '$lib/query';

/** Filters of the search, in the order the API documents them (and the URL writes them). */
export const UPR_FILTER_KEYS = [
  'q',
  'state',
  'stateGroup',
  'stateRegion',
  'stateLdc',
  'stateSids',
  'stateCombine',
  'recommendingState',
  'recommendingGroup',
  'cycle',
  'session',
  'response',
  'theme',
  'instrument',
  'action',
  'implementation',
] as const satisfies readonly (keyof UprSearchQuery)[];
export type UprFilterKey = (typeof UPR_FILTER_KEYS)[number];
export type UprFilters = Partial<Record<UprFilterKey, string>>;

/** The facets the API counts, in the order the page shows them. */
export const UPR_FACET_KEYS = [
  'response',
  'cycle',
  'instrument',
  'action',
  'recommendingGroup',
  'implementation',
  'theme',
] as const satisfies readonly (keyof UprFacets)[];
export type UprFacetKey = (typeof UPR_FACET_KEYS)[number];

/** 25 results: about 15 kB of HTML compressed, a few seconds on a 2G link. */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface UprQuery {
  filters: UprFilters;
  /** As chosen in the URL; null means the default (see `effectiveSort`). */
  sort: UprSort | null;
  page: number;
  pageSize: number;
}

const UPPERCASE = new Set<UprFilterKey>(['state', 'recommendingState']);

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!value || !/^\d+$/.test(value.trim())) return fallback;
  const n = Number(value);
  return n >= 1 && n <= max ? n : fallback;
}

/** The search's choices; empty form fields ("any") count as absent. */
export function readUprQuery(params: URLSearchParams): UprQuery {
  const filters: UprFilters = {};
  for (const key of UPR_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = UPPERCASE.has(key) ? value.toUpperCase() : value;
  }
  const sort = params.get('sort');
  return {
    filters,
    sort: sort !== null && isUprSort(sort) ? sort : null,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}

/** Best match first when there is a search text; otherwise the newest session first. */
export function effectiveSort({ filters, sort }: Pick<UprQuery, 'filters' | 'sort'>): UprSort {
  if (sort === 'relevance') return filters.q ? 'relevance' : 'session';
  return sort ?? (filters.q ? 'relevance' : 'session');
}

/** A query string from entries in their order; empty values are left out. */
const search = (entries: [string, string | number | null | undefined][]): string => toSearch(Object.fromEntries(entries));

const filterEntries = (filters: UprFilters) => UPR_FILTER_KEYS.map((key) => [key, filters[key]] as [string, string | undefined]);

export interface UprChange {
  filters?: Partial<Record<UprFilterKey, string | null>>;
  sort?: UprSort | null;
  page?: number;
}

/**
 * The page's own URL with some choices changed and every other one kept. A change of filters or
 * sort starts again at page 1; defaults (page 1, the default page size and sort) are left out so
 * one view has one URL.
 */
export function uprHref(query: UprQuery, change: UprChange = {}, path = '/upr'): string {
  const filters: UprFilters = { ...query.filters };
  for (const [key, value] of Object.entries(change.filters ?? {}) as [UprFilterKey, string | null][]) {
    if (value) filters[key] = value;
    else delete filters[key];
  }
  const sort = change.sort === undefined ? query.sort : change.sort;
  const reset = change.filters !== undefined || change.sort !== undefined;
  const page = change.page ?? (reset ? 1 : query.page);
  return `${path}${search([
    ...filterEntries(filters),
    ['sort', sort],
    ['page', page > 1 ? page : null],
    ['pageSize', query.pageSize !== DEFAULT_PAGE_SIZE ? query.pageSize : null],
  ])}`;
}

/** A facet value as a link that sets it, or clears it when it is the one already chosen. */
export const facetHref = (query: UprQuery, key: UprFacetKey, value: string): string =>
  uprHref(query, { filters: { [key]: query.filters[key] === value ? null : value } });

/** The API query of one page of results, with the facet counts unless told otherwise. */
export const apiSearchQuery = (query: UprQuery, { facets = true } = {}): UprSearchParams => ({
  ...query.filters,
  sort: effectiveSort(query),
  page: query.page,
  pageSize: query.pageSize,
  facets: facets ? 'true' : null,
});

/** Every recommendation of the view (not only this page), as the API streams them. */
export const downloadHref = (query: UprQuery, format: 'csv' | null = 'csv'): string =>
  `/api/upr/recommendations${search([...filterEntries(query.filters), ['sort', effectiveSort(query)], ...Object.entries(downloadParams(format))])}`;

/** What a result line shows of a recommendation. */
export function toResultItem(r: UprRecommendation) {
  return {
    id: r.id,
    session: r.session,
    cycle: r.cycle,
    stateUnderReview: r.stateUnderReview,
    paragraph: r.paragraph,
    text: r.text,
    recommendingStates: r.recommendingStates.map(({ iso3, name }) => ({ iso3, name })),
    response: r.response,
    responseAsRecorded: r.responseAsRecorded,
    responseSource: r.responseSource,
    documentSymbol: r.documentSymbol,
    links: r.links,
    implementation: r.implementation && {
      status: r.implementation.status,
      assessedOn: r.implementation.assessedOn,
      sourceTitle: r.implementation.sourceTitle,
      sourceUrl: r.implementation.sourceUrl,
    },
    source: r.source,
    sourceLine: r.sourceLine,
  };
}
export type UprResultItem = ReturnType<typeof toResultItem>;

// --- labels ---------------------------------------------------------------------------------------

export interface LabelContext {
  t: TFunction;
  /** Short names of the instruments by id. */
  instruments: Readonly<Record<string, string>>;
  /** State names by ISO3. */
  states?: Readonly<Record<string, string>>;
  /** M49 region names by code, in English: the fallback where the catalogue has none. */
  regions?: Readonly<Record<string, string>>;
}

/**
 * The words for a filter's value: catalogue entries for the API's codes, instrument short names,
 * state names. Themes are the source's own words and are shown as recorded.
 */
export function filterValueLabel(key: UprFilterKey, value: string, { t, instruments, states = {}, regions = {} }: LabelContext): string {
  switch (key) {
    case 'response':
      return t(`upr.response.${value}`, { defaultValue: value });
    case 'cycle':
      return t(`upr.cycle.${value}`, { defaultValue: value });
    case 'session':
      return /^\d+$/.test(value) ? t('upr.session', { ordinal: ordinal(t, Number(value)) }) : value;
    case 'instrument':
      return instruments[value] ?? value;
    case 'action':
      return t(`upr.action.${value}`, { defaultValue: value });
    case 'recommendingGroup':
    case 'stateGroup':
      return t(`unGroup.${value}`, { defaultValue: value });
    case 'stateRegion':
      return m49Name(t, value, regions[value] ?? value);
    case 'stateLdc':
    case 'stateSids':
      return value === 'true' ? t('filters.yes') : value === 'false' ? t('filters.no') : value;
    case 'stateCombine':
      return t(`upr.form.stateCombine.${value}`, { defaultValue: value });
    case 'implementation':
      return t(`upr.implementation.${value}`, { defaultValue: value });
    case 'state':
    case 'recommendingState':
      return states[value] ?? value;
    default:
      return value;
  }
}

export interface ActiveFilter {
  key: UprFilterKey;
  value: string;
  label: string;
  /** The same view without this filter. */
  removeHref: string;
}

/** The chosen filters, each with a link that removes it. */
export const activeFilters = (query: UprQuery, labels: LabelContext): ActiveFilter[] =>
  UPR_FILTER_KEYS.filter((key) => query.filters[key]).map((key) => {
    const value = query.filters[key]!;
    return { key, value, label: filterValueLabel(key, value, labels), removeHref: uprHref(query, { filters: { [key]: null } }) };
  });

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  href: string;
}

/**
 * One facet's values as links. Counts are over the matching recommendations, so once a value is
 * chosen only it is left; a chosen value the data no longer holds is still listed (count 0), so it
 * can be cleared from where it was chosen.
 */
export function facetOptions(
  query: UprQuery,
  key: UprFacetKey,
  counts: { value: string; count: number }[],
  labels: LabelContext,
): FacetOption[] {
  const chosen = query.filters[key];
  const all = chosen && !counts.some((c) => c.value === chosen) ? [...counts, { value: chosen, count: 0 }] : counts;
  const ordered = orderFacet(key, all);
  return ordered.map(({ value, count }) => ({
    value,
    count,
    label: filterValueLabel(key, value, labels),
    selected: chosen === value,
    href: facetHref(query, key, value),
  }));
}

/** Codes with a natural order (cycles, responses) keep it; the rest come by count, as the API sends them. */
function orderFacet(key: UprFacetKey, counts: { value: string; count: number }[]) {
  if (key === 'cycle') return [...counts].sort((a, b) => Number(a.value) - Number(b.value));
  if (key === 'response') {
    const rank = (v: string) => (UPR_RESPONSE_FILTERS as readonly string[]).indexOf(v);
    return [...counts].sort((a, b) => rank(a.value) - rank(b.value));
  }
  return counts;
}

/**
 * The response for people: the normalised word, and the source's own when it says something else
 * ("Supported (recorded as “Accepted”)").
 */
export function responseText(rec: Pick<UprRecommendation, 'response' | 'responseAsRecorded'>, t: TFunction): string {
  const normalised = t(`upr.response.${rec.response ?? 'not-recorded'}`);
  const recorded = rec.responseAsRecorded?.trim();
  if (!recorded || recorded.toLowerCase() === (rec.response ?? '').toLowerCase()) return normalised;
  return t('upr.recordedAs', { response: normalised, recorded });
}

/** Counts by response in reading order, without the zeros. */
export const responseCounts = (byResponse: Readonly<Record<string, number>>): { response: string; count: number }[] =>
  [...UPR_RESPONSE_FILTERS, ...Object.keys(byResponse).filter((k) => !(UPR_RESPONSE_FILTERS as readonly string[]).includes(k))]
    .map((response) => ({ response, count: byResponse[response] ?? 0 }))
    .filter((r) => r.count > 0);

// --- what the bundled data covers ------------------------------------------------------------------

export interface SessionRange {
  from: number;
  to: number;
}

/** Consecutive numbers as ranges: [1,2,3,5] → 1–3, 5. */
export function toRanges(numbers: number[]): SessionRange[] {
  const ranges: SessionRange[] = [];
  for (const n of [...new Set(numbers)].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && n === last.to + 1) last.to = n;
    else ranges.push({ from: n, to: n });
  }
  return ranges;
}

export const rangesText = (ranges: SessionRange[]): string =>
  ranges.map(({ from, to }) => (from === to ? String(from) : `${from}–${to}`)).join(', ');

export interface CycleCoverage {
  cycle: number;
  firstSession: number;
  lastSession: number;
  firstYear: number | null;
  lastYear: number | null;
  /** Recommendations of the cycle in the database. */
  recommendations: number;
  /** Reviews of the cycle with at least one recommendation recorded. */
  reviews: number;
  /** The states of those reviews, when there are only a few (so the page can name them). */
  fewStates: string[] | null;
  sessionsWithData: SessionRange[];
  sessionsWithout: SessionRange[];
  /** Sessions whose calendar (the states reviewed) is in the data. */
  sessionsOnCalendar: SessionRange[];
  /** What the data says of a session it holds only in part (the calendar's `note`), by session. */
  sessionNotes: { session: number; note: string }[];
}

/** What the coverage needs of a calendar session (GET /api/upr/calendar). */
export type CoverageSession = Pick<UprCalendarSession, 'session' | 'cycle' | 'year' | 'recommendationsRecorded'> & {
  reviews: Pick<UprCalendarSession['reviews'][number], 'name' | 'recommendationsRecorded'>[];
  note?: string | null;
};

/** At most this many states are named; beyond it the page gives a count. */
const FEW = 3;

/**
 * Which cycles and sessions the database holds recommendations for, from the calendar's
 * `recommendationsRecorded`: what a reader needs to know before reading "no results" as "none made".
 */
export function summariseCoverage(sessions: CoverageSession[]): CycleCoverage[] {
  const byCycle = new Map<number, typeof sessions>();
  for (const s of sessions) byCycle.set(s.cycle, [...(byCycle.get(s.cycle) ?? []), s]);
  return [...byCycle.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cycle, list]) => {
      const numbers = list.map((s) => s.session);
      const years = list.map((s) => s.year).filter((y): y is number => y !== null);
      const withData = list.filter((s) => s.recommendationsRecorded > 0);
      const reviewed = list.flatMap((s) => s.reviews.filter((r) => r.recommendationsRecorded > 0));
      const states = [...new Set(reviewed.map((r) => r.name))];
      return {
        cycle,
        firstSession: Math.min(...numbers),
        lastSession: Math.max(...numbers),
        firstYear: years.length ? Math.min(...years) : null,
        lastYear: years.length ? Math.max(...years) : null,
        recommendations: withData.reduce((sum, s) => sum + s.recommendationsRecorded, 0),
        reviews: reviewed.length,
        fewStates: states.length > 0 && states.length <= FEW ? states : null,
        sessionsWithData: toRanges(withData.map((s) => s.session)),
        sessionsWithout: toRanges(list.filter((s) => s.recommendationsRecorded === 0).map((s) => s.session)),
        sessionsOnCalendar: toRanges(list.filter((s) => s.reviews.length > 0).map((s) => s.session)),
        sessionNotes: list.flatMap((s) => (s.note ? [{ session: s.session, note: s.note }] : [])),
      };
    });
}

/** English ordinal suffixes live in the catalogue (`upr.ordinal_*`), picked by i18next's ordinal plural rules. */
export const ordinal = (t: TFunction, n: number): string => t('upr.ordinal', { count: n, ordinal: true });

// --- a state's reviews ------------------------------------------------------------------------------

/**
 * The review whose recommendations a state's review page lists: the latest of the cycle asked for
 * (`?cycle=`), or else the latest review that has recommendations in the data. Null when there is
 * none (an unknown cycle, or no recommendations at all).
 */
export function selectReview<R extends { cycle: number; session: number; recommendations: { total: number } }>(
  reviews: R[],
  cycle: string | null,
): R | null {
  const bySession = [...reviews].sort((a, b) => a.session - b.session);
  if (cycle) return bySession.filter((r) => String(r.cycle) === cycle.trim()).at(-1) ?? null;
  return bySession.filter((r) => r.recommendations.total > 0).at(-1) ?? null;
}

/** The latest as-of date of the sources a review cites (null when none gives one). */
export function sourcesAsOf(review: Pick<UprReview, 'sources'>): string | null {
  const dates = review.sources.map((s) => s.asOf).filter((d): d is string => d !== null);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

/** What the country profile's UPR section shows (see UprProfileSection.svelte). */
export interface UprProfile {
  reviews: UprStateReviews['reviews'];
  nextReview: UprStateReviews['nextReview'];
  pastScheduledReview: UprStateReviews['pastScheduledReview'];
  pledges: number;
  /** Recommendations to the state in the data. */
  total: number;
  facets: Pick<UprFacets, 'instrument' | 'action' | 'implementation'> | null;
  /** Short names of the instruments by id. */
  instruments: Record<string, string>;
}
