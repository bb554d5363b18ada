import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { getUprReviews } from '$lib/api';
import { loadUprBase, loadUprSearch } from '$lib/server/upr-data';
import { selectReview } from '$lib/upr';
import type { PageServerLoad } from './$types';

export const csr = false;

/** Recommendations of the chosen review listed per page: 50 is about 25 kB of HTML compressed. */
const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ fetch, params, url, locals }) => {
  const iso3 = params.iso3.toUpperCase();
  if (iso3 !== params.iso3) redirect(301, localizePath(`/upr/reviews/${iso3}${url.search}`, locals.locale));
  const [reviews, base] = await Promise.all([getUprReviews(fetch, iso3), loadUprBase(fetch, locals.locale)]);
  const cycle = url.searchParams.get('cycle');
  const selected = selectReview(reviews.reviews, cycle);
  const pageParam = Number(url.searchParams.get('page'));
  const page = Number.isInteger(pageParam) && pageParam > 1 ? pageParam : 1;
  const list =
    selected && selected.recommendations.total > 0
      ? await loadUprSearch(
          fetch,
          { filters: { state: iso3, session: String(selected.session) }, sort: 'session', page, pageSize: PAGE_SIZE },
          { facets: false },
        )
      : null;
  const name = base.states.find((s) => s.iso3 === iso3)?.name ?? reviews.state.name;
  return {
    name,
    reviews: reviews.reviews,
    nextReview: reviews.nextReview,
    pastScheduledReview: reviews.pastScheduledReview,
    pledges: reviews.pledges,
    cycle,
    selected: selected ? selected.id : null,
    list,
    states: base.states,
    instruments: base.instruments,
    sessions: base.sessions,
  };
};
