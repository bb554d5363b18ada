import { error } from '@sveltejs/kit';
import { serverT } from '$lib/i18n/server';
import { getFollowUpPlan, getFollowUpPlans, getStates } from '$lib/api';
import type { PageServerLoad } from './$types';

export const csr = false;

/** A State's follow-up plans side by side (several organisations may keep one each), never merged. */
export const load: PageServerLoad = async ({ fetch, locals, params }) => {
  const iso3 = params.iso3.toUpperCase();
  if (!/^[A-Z]{3}$/.test(iso3)) error(404, serverT(locals.locale)('error.server.noState', { iso3: params.iso3 }));
  const [{ states }, { plans }] = await Promise.all([getStates(fetch), getFollowUpPlans(fetch, { state: iso3 })]);
  const state = states.find((s) => s.iso3 === iso3);
  if (!state) error(404, serverT(locals.locale)('error.server.noState', { iso3 }));
  return {
    iso3,
    stateName: state.names[locals.locale] ?? state.names.en,
    plans: await Promise.all(plans.map((p) => getFollowUpPlan(fetch, p.id))),
  };
};
