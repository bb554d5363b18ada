import { apiGet } from '$lib/api';
import type { StateDetail } from '$lib/api-types';
import { toSearch } from '$lib/query';
import type { PageServerLoad } from './$types';

// A profile is read, not operated: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const asOf = url.searchParams.get('asOf')?.trim() || null;
  const detail = await apiGet<StateDetail>(fetch, `/states/${encodeURIComponent(params.iso3)}${toSearch({ asOf })}`);
  return { detail, requestedAsOf: asOf };
};
