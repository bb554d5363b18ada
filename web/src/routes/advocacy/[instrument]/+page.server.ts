import { getAdvocacy, getStates } from '$lib/api';
import { readAdvocacyView } from '$lib/advocacy';
import { regionOptions } from '$lib/groups';
import type { PageServerLoad } from './$types';

/**
 * The page is read, not operated: filters are a plain GET form, so it works the same without
 * JavaScript and none is sent.
 */
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const view = readAdvocacyView(url.searchParams);
  const [list, { states }] = await Promise.all([
    getAdvocacy(fetch, params.instrument, { ...view.params, status: view.status }),
    getStates(fetch),
  ]);
  return {
    view,
    list,
    regions: regionOptions(states),
    names: Object.fromEntries(states.map((s) => [s.iso3, s.names[locals.locale] ?? s.names.en])),
  };
};
