import { loadMapBase, loadMapStatus } from '$lib/server/map-data';
import type { PageServerLoad } from './$types';

/** The home page leads with today's Rome Statute map. */
export const load: PageServerLoad = async ({ fetch, locals }) => {
  const [base, status] = await Promise.all([
    loadMapBase(fetch, locals.locale),
    loadMapStatus(fetch, 'rome-statute', { asOf: null, filters: {} }),
  ]);
  return { ...base, ...status };
};
