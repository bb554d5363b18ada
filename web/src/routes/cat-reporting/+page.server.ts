import { apiGet } from '$lib/api';
import type { CatReportingListResponse, State } from '$lib/api-types';
import { catSearch, readCatQuery } from '$lib/cat-reporting';
import { regionOptions } from '$lib/groups';
import { worldGeometryFor } from '$lib/server/world-geometry';
import type { PageServerLoad } from './$types';

/**
 * The page is read, not operated: filters are a plain GET form and the map's tooltips are the
 * browser's own, so no JavaScript (and no copy of the data for it) is sent.
 */
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const query = readCatQuery(url.searchParams);
  const [{ states }, list] = await Promise.all([
    apiGet<{ states: State[] }>(fetch, '/states'),
    apiGet<CatReportingListResponse>(fetch, `/cat-reporting${catSearch(query)}`),
  ]);
  const { viewBox, shapes, territories } = worldGeometryFor(states);
  return {
    query,
    list,
    geometry: { viewBox, shapes, territories },
    names: Object.fromEntries(states.map((s) => [s.iso3, s.names[locals.locale] ?? s.names.en])),
    regions: regionOptions(states),
  };
};
