import { getFollowUpPlan } from '$lib/api';
import type { PageServerLoad } from './$types';

export const csr = false;

/** The mid-term report: the plan as of a date, laid out to print on A4 or Letter. */
export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const asOf = url.searchParams.get('asOf') || null;
  return { plan: await getFollowUpPlan(fetch, params.id, { asOf }), asOf };
};
