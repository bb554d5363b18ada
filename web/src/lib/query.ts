/**
 * The choices a map or matrix view is made of, as they travel in its URL: the date (`asOf`) and
 * the state filters of the API (`region`, `group`, `ldc`, `sids`, `oda`). The page URL and the
 * API URL use the same names and values, so a view's download links are its own query plus
 * `format`. Values are not validated here: the API does that and answers a bad one with a 400
 * that says what is wrong, which the page shows as it is.
 */
import type { StateFilters } from '@tracker/api/schemas';

export const FILTER_KEYS = ['region', 'group', 'ldc', 'sids', 'oda'] as const satisfies readonly (keyof StateFilters)[];
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The view's choices; empty form fields ("any") count as absent. */
export interface ViewQuery {
  asOf: string | null;
  filters: Filters;
}

/**
 * Reads only the view's own parameters, so a load function that calls this is not re-run when
 * another parameter (the table's sort order) changes.
 */
export function readViewQuery(params: URLSearchParams): ViewQuery {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const asOf = params.get('asOf')?.trim() || null;
  return { asOf, filters };
}

/**
 * A query string (with its leading "?", or "" when empty) in a fixed parameter order, so the same
 * view always has the same URL. `null`/`undefined`/"" values are left out.
 */
export function toSearch(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The query of a view, in the order the API documents: date first, then filters. */
export const viewSearch = ({ asOf, filters }: ViewQuery, extra: Record<string, string | null | undefined> = {}) =>
  toSearch({ asOf, ...Object.fromEntries(FILTER_KEYS.map((k) => [k, filters[k]])), ...extra });

export const hasFilters = (filters: Filters) => FILTER_KEYS.some((k) => !!filters[k]);
