/**
 * The change feed page (/changes): its choices as they travel in the URL, and the links built from
 * them. The page and the API (GET /api/changes) use the same names and values, so the page's CSV
 * and Atom links are its own filter plus `format`. Values are not validated here: the API does that
 * and answers a bad one with a 400 that says what is wrong, which the page shows as it is.
 */
import { toSearch } from '$lib/query';

/** The filters of the feed; `before` pages it (the previous page's `nextBefore`). */
export const CHANGE_FILTER_KEYS = ['instrument', 'state', 'kind'] as const;
export const CHANGE_QUERY_KEYS = [...CHANGE_FILTER_KEYS, 'before'] as const;

export interface ChangesQuery {
  instrument: string | null;
  state: string | null;
  kind: string | null;
  before: string | null;
}

/** Entries per page: enough to read, few enough for a phone. */
export const CHANGES_PAGE_SIZE = 50;

/** The page's choices from its URL; empty fields ("any") count as absent. */
export function readChangesQuery(params: URLSearchParams): ChangesQuery {
  const value = (name: string) => params.get(name)?.trim() || null;
  return {
    instrument: value('instrument'),
    // The API takes either case; one spelling keeps one URL (and one cached page) per State.
    state: value('state')?.toUpperCase() ?? null,
    kind: value('kind'),
    before: value('before'),
  };
}

type Filters = Pick<ChangesQuery, (typeof CHANGE_FILTER_KEYS)[number]>;
const filtersOf = ({ instrument, state, kind }: Filters): Filters => ({ instrument, state, kind });

/** The page with these filters (and, for the next page, `before`). */
export const changesPageHref = (query: Filters, before: number | string | null = null) =>
  `/changes${toSearch({ ...filtersOf(query), before })}`;

/**
 * The API's file of these filters: the newest entries, never a later page, so that a feed reader
 * subscribed to it sees what is new. A CSV asks for a byte order mark, as every download does.
 */
export const changesFeedHref = (query: Filters, format: 'atom' | 'csv') =>
  `/api/changes${toSearch({ ...filtersOf(query), format, bom: format === 'csv' ? 'true' : null })}`;

export interface Subscription {
  /** What the feed is about: everything, one instrument, or one State. */
  about: 'everything' | 'instrument' | 'state';
  /** The instrument's short name or the State's name, for the link's words. */
  name: string | null;
  href: string;
}

/**
 * Feeds a reader may subscribe to from this view: the view itself when it is filtered, then
 * "anything about" its instrument and "anything about" its State on their own (a campaign follows
 * one treaty, a country team one State), then everything. No two links are the same feed.
 */
export function subscriptions(query: Filters, names: { instrument: string | null; state: string | null }): Subscription[] {
  const out: Subscription[] = [];
  const seen = new Set<string>();
  const add = (about: Subscription['about'], name: string | null, filters: Filters) => {
    const href = changesFeedHref(filters, 'atom');
    if (seen.has(href)) return;
    seen.add(href);
    out.push({ about, name, href });
  };
  const none: Filters = { instrument: null, state: null, kind: null };
  if (query.instrument) add('instrument', names.instrument ?? query.instrument, { ...none, instrument: query.instrument });
  if (query.state) add('state', names.state ?? query.state, { ...none, state: query.state });
  add('everything', null, none);
  return out;
}

/** The day of a recorded time (`2026-12-04T20:05:34.014Z` → `2026-12-04`, UTC), for formatDate. */
export const changeDay = (at: string) => at.slice(0, 10);
