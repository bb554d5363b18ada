import { getFollowUpPlan, getStates } from '$lib/api';
import type { PageServerLoad } from './$types';

export const csr = false;

/** The mid-term report: the plan as of a date, laid out to print on A4 or Letter. */
export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const asOf = url.searchParams.get('asOf') || null;
  const [plan, { states }] = await Promise.all([getFollowUpPlan(fetch, params.id, { asOf }), getStates(fetch)]);
  const state = states.find((s) => s.iso3 === plan.stateIso3);
  return { plan, asOf, stateName: state ? (state.names[locals.locale] ?? state.names.en) : plan.stateIso3 };
};
