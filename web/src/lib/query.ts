/**
 * The choices a map or matrix view is made of, as they travel in its URL: the date (`asOf`), the
 * state filters of the API (`region`, `group`, `ldc`, `sids`, `oda`) and how they combine
 * (`combine`), and the statuses kept (`status`, several, repeated as a form's checkboxes send
 * them). The page URL and the API URL use the same names and values, so a view's download links
 * are its own query plus `format`. Values are not validated here: the API does that and answers a
 * bad one with a 400 that says what is wrong, which the page shows as it is.
 */
import { STATUSES } from '@tracker/api/domain';
import type { StateFilters } from '@tracker/api/schemas';

export const FILTER_KEYS = ['region', 'group', 'ldc', 'sids', 'oda', 'combine'] as const satisfies readonly (keyof StateFilters)[];
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** The view's choices; empty form fields ("any") count as absent. */
export interface ViewQuery {
  asOf: string | null;
  filters: Filters;
  /** The statuses kept, in the vocabulary's order; none: every status. */
  status?: string[];
}

/**
 * `status=signatory&status=no-action` or `status=signatory,no-action`, in the vocabulary's order
 * so that one choice has one URL. An unknown value is kept (last), for the API to name in its 400.
 */
export function readStatuses(params: URLSearchParams): string[] {
  const asked = new Set(
    params
      .getAll('status')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  );
  const known = STATUSES.filter((s) => asked.delete(s));
  return [...known, ...asked];
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
  return { asOf, filters, status: readStatuses(params) };
}

/**
 * A query string (with its leading "?", or "" when empty) in a fixed parameter order, so the same
 * view always has the same URL. `null`/`undefined`/"" values are left out.
 */
export function toSearch(params: Record<string, string | number | readonly string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    // A list is the parameter repeated, as a form's checkboxes send it.
    if (Array.isArray(value)) for (const v of value as readonly string[]) search.append(key, v);
    else if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The query of a view, in the order the API documents: date first, then filters, then statuses. */
export const viewSearch = ({ asOf, filters, status = [] }: ViewQuery, extra: Record<string, string | null | undefined> = {}) =>
  toSearch({ asOf, ...Object.fromEntries(FILTER_KEYS.map((k) => [k, filters[k]])), status, ...extra });

/** Whether a group filter is set (`combine` alone selects nothing). */
export const hasFilters = (filters: Filters) => FILTER_KEYS.some((k) => k !== 'combine' && !!filters[k]);

/** Whether the view shows only some states: a group filter or a status is set. */
export const isFiltered = ({ filters, status = [] }: ViewQuery) => hasFilters(filters) || status.length > 0;
