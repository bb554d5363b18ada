import { error } from '@sveltejs/kit';
import type { ErrorBody } from '@tracker/api/schemas';

type Fetch = typeof fetch;

/**
 * GET a JSON resource from the public API. An API error becomes a SvelteKit error with the same
 * status and the API's own message, so a 404 from the API is a 404 page here.
 */
export async function apiGet<T>(fetch: Fetch, path: string): Promise<T> {
  const res = await fetch(`/api${path}`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    error(res.status, body?.message ?? `The API answered ${res.status} for ${path}`);
  }
  return (await res.json()) as T;
}
