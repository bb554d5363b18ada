import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { loadUprBase } from '$lib/server/upr-data';
import type { PageServerLoad } from './$types';

export const csr = false;

/** The list of states, each a link to its reviews; `?state=` (the form without JavaScript) goes straight there. */
export const load: PageServerLoad = async ({ fetch, url, locals }) => {
  const state = url.searchParams.get('state')?.trim();
  if (state && /^[A-Za-z]{3}$/.test(state)) redirect(303, localizePath(`/upr/reviews/${state.toUpperCase()}`, locals.locale));
  const { states, coverage } = await loadUprBase(fetch, locals.locale);
  return { states, coverage };
};
