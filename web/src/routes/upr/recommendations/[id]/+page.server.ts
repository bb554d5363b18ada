import { getUprRecommendation } from '$lib/api';
import { loadInstrumentNames } from '$lib/server/upr-data';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ fetch, params }) => {
  const [recommendation, instruments] = await Promise.all([getUprRecommendation(fetch, params.id), loadInstrumentNames(fetch)]);
  return { recommendation, instruments };
};
