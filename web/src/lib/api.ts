import { error } from '@sveltejs/kit';
import type { ErrorBody } from '@tracker/api/schemas';

type Fetch = typeof fetch;

/**
 * GET a JSON resource from the public API. An API error becomes a SvelteKit error with the same
 * status, the API's own message and its per-field details, so a 404 from the API is a 404 page
 * here and a bad date in a page's query is a 400 page that says which parameter is wrong.
 */
export async function apiGet<T>(fetch: Fetch, path: string): Promise<T> {
  const res = await fetch(`/api${path}`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    const message = body?.message ?? `The API answered ${res.status} for ${path}`;
    error(res.status, body?.details?.length ? { message, details: body.details } : { message });
  }
  return (await res.json()) as T;
}
