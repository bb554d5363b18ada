import { loadUprBase, loadUprSearch } from '$lib/server/upr-data';
import { readUprQuery } from '$lib/upr';
import type { PageServerLoad } from './$types';

// A search is read, not operated: forms and links do everything, so no JavaScript is sent.
export const csr = false;

export const load: PageServerLoad = async ({ fetch, url, locals }) => {
  const query = readUprQuery(url.searchParams);
  const [base, results] = await Promise.all([loadUprBase(fetch, locals.locale), loadUprSearch(fetch, query)]);
  return { query, ...base, results };
};
