import { getCatReportingDetail, getStateDetail } from '$lib/api';
import { loadUprProfile } from '$lib/server/upr-data';
import type { PageServerLoad } from './$types';

// A profile is read, not operated: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const asOf = url.searchParams.get('asOf')?.trim() || null;
  const [detail, cat, upr] = await Promise.all([
    getStateDetail(fetch, params.iso3, { asOf }),
    getCatReportingDetail(fetch, params.iso3, { asOf }),
    loadUprProfile(fetch, params.iso3),
  ]);
  return { detail, cat, upr, requestedAsOf: asOf };
};
