import { getFollowUpPlans, getStates } from '$lib/api';
import { readFollowUpQuery } from '$lib/follow-up';
import type { PageServerLoad } from './$types';

/** A list and a GET form: no JavaScript is sent. */
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const query = readFollowUpQuery(url.searchParams);
  const [{ plans }, { states }] = await Promise.all([getFollowUpPlans(fetch, query), getStates(fetch)]);
  const names = new Map(states.map((s) => [s.iso3, s.names[locals.locale] ?? s.names.en]));
  return {
    query,
    plans: plans.map((p) => ({ ...p, stateName: names.get(p.stateIso3) ?? p.stateIso3 })),
    states: states.map((s) => ({ iso3: s.iso3, name: names.get(s.iso3)! })).sort((a, b) => a.name.localeCompare(b.name, locals.locale)),
  };
};
