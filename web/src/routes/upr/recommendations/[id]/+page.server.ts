import { loadInstrumentNames, loadUprRecommendation } from '$lib/upr-data.server';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ fetch, params }) => {
  const [recommendation, instruments] = await Promise.all([loadUprRecommendation(fetch, params.id), loadInstrumentNames(fetch)]);
  return { recommendation, instruments };
};
