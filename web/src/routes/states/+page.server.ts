import { getStates } from '$lib/api';
import { regionOptions } from '$lib/groups';
import { readViewQuery } from '$lib/query';
import type { PageServerLoad } from './$types';

export const csr = false;

/** Every state, filtered like the map, with links to the profiles. */
export const load: PageServerLoad = async ({ fetch, url, locals }) => {
  const { filters } = readViewQuery(url.searchParams);
  const [{ states }, all] = await Promise.all([getStates(fetch, filters), getStates(fetch)]);
  return {
    filters,
    regions: regionOptions(all.states),
    states: states.map((s) => ({
      iso3: s.iso3,
      name: s.names[locals.locale] ?? s.names.en,
      region: s.region,
      subRegion: s.subRegion,
      unRegionalGroup: s.unRegionalGroup,
      ldc: s.ldc.status,
      sids: s.sids,
      oda: s.oda.recipient,
    })),
  };
};
