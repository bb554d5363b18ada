/**
 * The dashboard's client of the public API: one function per endpoint it reads, typed with the
 * API's own response types (inferred from its zod schemas, imported as types only, so zod never
 * reaches the browser), and one place that builds the path and the query string.
 */
import { error } from '@sveltejs/kit';
import type {
  AgendaQuery,
  AgendaResponse,
  AdvocacyProgressQuery,
  AdvocacyProgressResponse,
  AdvocacyQuery,
  AdvocacyResponse,
  AsOfQuery,
  CatReportingDetail,
  CatReportingFilters,
  CatReportingListResponse,
  ChangesQuery,
  ChangesResponse,
  ErrorBody,
  FollowUpPlan,
  PlanListQuery,
  PlanSummaryList,
  Instrument,
  InstrumentDetail,
  InstrumentStatusQuery,
  InstrumentStatusResponse,
  Source,
  State,
  StateDetail,
  StateFilters,
  TimelineResponse,
  UprCalendarResponse,
  UprRecommendationDetail,
  UprSearchQuery,
  UprSearchResponse,
  UprStateReviews,
} from '@tracker/api/schemas';
import { toSearch } from '$lib/query';

type Fetch = typeof fetch;

/**
 * A query as it travels in a URL: the parameter names the API's schema declares, each value as the
 * text (or number) to send. Values are not checked here: the API validates them and answers a bad
 * one with a 400 that the page shows as it is. Empty values are left out.
 */
export type ApiQuery<Q> = { [K in keyof Q]?: string | number | null };

/** The recommendation search as JSON: every parameter of the API's search except the file format. */
export type UprSearchParams = ApiQuery<Omit<UprSearchQuery, 'format' | 'bom'>>;

/**
 * GET a JSON resource from the public API. An API error becomes a SvelteKit error with the same
 * status, the API's own message and its per-field details, so a 404 from the API is a 404 page
 * here and a bad date in a page's query is a 400 page that says which parameter is wrong.
 */
async function apiGet<T>(fetch: Fetch, path: string, query: ApiQuery<Record<string, unknown>> = {}): Promise<T> {
  const resource = `${path}${toSearch(query)}`;
  const res = await fetch(`/api${resource}`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    const message = body?.message ?? `The API answered ${res.status} for ${resource}`;
    error(res.status, body?.details?.length ? { message, details: body.details } : { message });
  }
  return (await res.json()) as T;
}

/** A path segment taken from a URL or the data (an id, an ISO3 code), written so it stays one segment. */
const segment = encodeURIComponent;

// --- states ----------------------------------------------------------------------------------------

/** A status list's `status` parameter: several statuses, sent comma-separated. */
type StatusParam = { status?: readonly string[] | string | null };
const joinStatus = (status: StatusParam['status']) => (Array.isArray(status) ? status.join(',') : (status as string | null | undefined));

/** The states list; with `instrument`, `status` keeps the states with one of those statuses on it on `asOf`. */
export const getStates = (
  fetch: Fetch,
  { status, ...filters }: ApiQuery<StateFilters & { instrument: string; asOf: string }> & StatusParam = {},
) => apiGet<{ states: State[] }>(fetch, '/states', { ...filters, status: joinStatus(status) });

export const getStateDetail = (fetch: Fetch, iso3: string, query: ApiQuery<AsOfQuery> = {}) =>
  apiGet<StateDetail>(fetch, `/states/${segment(iso3)}`, query);

// --- instruments -----------------------------------------------------------------------------------

export const getInstruments = (fetch: Fetch) => apiGet<{ instruments: Instrument[] }>(fetch, '/instruments');

export const getInstrument = (fetch: Fetch, id: string) => apiGet<InstrumentDetail>(fetch, `/instruments/${segment(id)}`);

export const getInstrumentStatus = (
  fetch: Fetch,
  id: string,
  { status, ...query }: Omit<ApiQuery<InstrumentStatusQuery>, 'status'> & StatusParam = {},
) => apiGet<InstrumentStatusResponse>(fetch, `/instruments/${segment(id)}/status`, { ...query, status: joinStatus(status) });

export const getInstrumentTimeline = (fetch: Fetch, id: string) => apiGet<TimelineResponse>(fetch, `/instruments/${segment(id)}/timeline`);

export const getSources = (fetch: Fetch) => apiGet<{ sources: Source[] }>(fetch, '/sources');

// --- CAT reporting ---------------------------------------------------------------------------------

export const getCatReporting = (fetch: Fetch, query: ApiQuery<CatReportingFilters & AsOfQuery> = {}) =>
  apiGet<CatReportingListResponse>(fetch, '/cat-reporting', query);

export const getCatReportingDetail = (fetch: Fetch, iso3: string, query: ApiQuery<AsOfQuery> = {}) =>
  apiGet<CatReportingDetail>(fetch, `/cat-reporting/${segment(iso3)}`, query);

// --- UPR -------------------------------------------------------------------------------------------

export const searchUprRecommendations = (fetch: Fetch, query: UprSearchParams) =>
  apiGet<UprSearchResponse>(fetch, '/upr/recommendations', query);

export const getUprRecommendation = (fetch: Fetch, id: string) =>
  apiGet<UprRecommendationDetail>(fetch, `/upr/recommendations/${segment(id)}`);

export const getUprReviews = (fetch: Fetch, iso3: string) => apiGet<UprStateReviews>(fetch, `/upr/reviews/${segment(iso3)}`);

export const getUprCalendar = (fetch: Fetch) => apiGet<UprCalendarResponse>(fetch, '/upr/calendar');

// --- advocacy ----------------------------------------------------------------------------------------

/** The advocacy list as JSON: every parameter of the API except the file format; `status` may be several. */
export type AdvocacyParams = Omit<ApiQuery<Omit<AdvocacyQuery, 'format' | 'bom'>>, 'status'> & { status?: string[] | string | null };

export const getAdvocacy = (fetch: Fetch, instrumentId: string, { status, ...query }: AdvocacyParams = {}) =>
  apiGet<AdvocacyResponse>(fetch, `/advocacy/${segment(instrumentId)}`, {
    ...query,
    status: Array.isArray(status) ? status.join(',') : status,
  });

/** Group progress: how many members of each group are States Parties on `asOf`, and over time. */
export const getAdvocacyProgress = (
  fetch: Fetch,
  instrumentId: string,
  query: ApiQuery<Omit<AdvocacyProgressQuery, 'format' | 'bom'>> = {},
) => apiGet<AdvocacyProgressResponse>(fetch, `/advocacy/${segment(instrumentId)}/progress`, query);

// --- change feed -------------------------------------------------------------------------------------

/** A page of the public change feed as JSON (newest first; `before` pages it). */
export const getChanges = (fetch: Fetch, query: ApiQuery<Omit<ChangesQuery, 'format' | 'bom'>> = {}) =>
  apiGet<ChangesResponse>(fetch, '/changes', query);

// --- agenda ---------------------------------------------------------------------------------------

/** The agenda's events (kinds sent comma-separated, as the API also takes them). */
export const getAgenda = (
  fetch: Fetch,
  { kind, ...query }: ApiQuery<Omit<AgendaQuery, 'format' | 'bom' | 'kind'>> & { kind?: readonly string[] },
) => apiGet<AgendaResponse>(fetch, '/agenda', { ...query, kind: kind?.length ? kind.join(',') : null });

// --- UPR follow-up plans ------------------------------------------------------------------------------

/** Plans the reader may see: the published ones, and a signed-in organisation's own drafts. */
export const getFollowUpPlans = (fetch: Fetch, query: ApiQuery<Omit<PlanListQuery, 'format' | 'bom'>> = {}) =>
  apiGet<PlanSummaryList>(fetch, '/follow-up/plans', query);

/** One plan as the reader may see it (others' as last published), its progress as of `asOf`. */
export const getFollowUpPlan = (fetch: Fetch, id: string, query: ApiQuery<AsOfQuery> = {}) =>
  apiGet<FollowUpPlan>(fetch, `/follow-up/plans/${segment(id)}`, query);
