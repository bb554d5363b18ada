import { readViewQuery } from '$lib/query';
import { loadMapStatus } from '$lib/server/map-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const query = readViewQuery(url.searchParams);
  return { query, ...(await loadMapStatus(fetch, params.instrument, query)) };
};
