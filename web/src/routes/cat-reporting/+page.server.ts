import { getCatReporting, getStates } from '$lib/api';
import { readCatQuery } from '$lib/cat-reporting';
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
    getStates(fetch),
    getCatReporting(fetch, { asOf: query.asOf, ...query.filters, overdue: query.overdue }),
  ]);
  const { width, height, viewBox, shapes, territories } = worldGeometryFor(states);
  return {
    query,
    list,
    geometry: { width, height, viewBox, shapes, territories },
    names: Object.fromEntries(states.map((s) => [s.iso3, s.names[locals.locale] ?? s.names.en])),
    regions: regionOptions(states),
  };
};
