import { loadBrief } from '$lib/server/brief-data';
import type { PageServerLoad } from './$types';

// A page to print: no JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const asOf = url.searchParams.get('asOf')?.trim() || null;
  return { brief: await loadBrief(fetch, params.iso3, asOf), requestedAsOf: asOf };
};
