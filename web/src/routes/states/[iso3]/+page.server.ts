import { apiGet } from '$lib/api';
import type { CatReportingDetail, StateDetail } from '$lib/api-types';
import { toSearch } from '$lib/query';
import { loadUprProfile } from '$lib/server/upr-data';
import type { PageServerLoad } from './$types';

// A profile is read, not operated: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const asOf = url.searchParams.get('asOf')?.trim() || null;
  const iso3 = encodeURIComponent(params.iso3);
  const [detail, cat, upr] = await Promise.all([
    apiGet<StateDetail>(fetch, `/states/${iso3}${toSearch({ asOf })}`),
    apiGet<CatReportingDetail>(fetch, `/cat-reporting/${iso3}${toSearch({ asOf })}`),
    loadUprProfile(fetch, params.iso3),
  ]);
  return { detail, cat, upr, requestedAsOf: asOf };
};
