import { loadCompare } from '$lib/server/compare-data';
import type { PageServerLoad } from './$types';

// A table and a GET form: nothing here needs JavaScript, so none is sent.
export const csr = false;

export const load: PageServerLoad = ({ fetch, url, locals }) => loadCompare(fetch, url.searchParams, locals.locale);
