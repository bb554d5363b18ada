import { readViewQuery } from '$lib/query';
import { loadMapBase, loadMapStatus } from '$lib/server/map-data';
import type { PageServerLoad } from './$types';

// Shown inside other sites' pages: no JavaScript, nothing but the map and its key.
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const query = readViewQuery(url.searchParams);
  const [base, status] = await Promise.all([loadMapBase(fetch, locals.locale), loadMapStatus(fetch, params.instrument, query)]);
  return { query, geometry: base.geometry, names: base.names, ...status };
};
