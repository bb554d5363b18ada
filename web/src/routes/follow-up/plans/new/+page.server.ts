import { fail, redirect } from '@sveltejs/kit';
import { serverT } from '$lib/i18n/server';
import { localizePath } from '$lib/i18n';
import type { FollowUpPlan, UprSearchResponse } from '@tracker/api/schemas';
import { planBody, planHref, reviewSearch } from '$lib/follow-up';
import { toSearch } from '$lib/query';
import { formValues, requireSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async (event) => ({
  session: await requireSession(event),
  reviewId: event.url.searchParams.get('review'),
});

/** The ids of the review's recommendations that the UPR search finds for the form's words, theme and response. */
async function searchReview(fetch: typeof globalThis.fetch, values: Record<string, string | null>) {
  const review = reviewSearch(values.reviewId);
  if (!review) return { error: 'reviewId: a review is a State code and a session, such as SVN-48' };
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const query = { ...review, q: values.q, theme: values.theme, response: values.response, sort: 'session', page, pageSize: 200 };
    const res = await fetch(`/api/upr/recommendations${toSearch(query)}`, { headers: { accept: 'application/json' } });
    const body = (await res.json()) as UprSearchResponse & { message?: string };
    if (!res.ok) return { error: body.message ?? `The UPR search answered ${res.status}` };
    ids.push(...body.items.map((r) => r.id));
    if (ids.length >= body.total || body.items.length === 0) return { ids };
  }
}

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    await requireSession(event);
    const values = formValues(form);
    let found: string[] | null = null;
    if (values.scope === 'search') {
      const searched = await searchReview(event.fetch, values);
      if ('error' in searched) return fail(400, { message: searched.error, details: [], values });
      if (!searched.ids.length)
        return fail(400, {
          message: serverT(event.locals.locale)('error.server.noSearchMatch', { review: values.reviewId ?? '' }),
          details: [],
          values,
        });
      found = searched.ids;
    }
    const result = await submitToApi<Pick<FollowUpPlan, 'id'>>(event, form, {
      method: 'POST',
      path: '/follow-up/plans',
      body: planBody(values, found),
    });
    if (!('ok' in result)) return result;
    redirect(303, localizePath(planHref(result.data.id), event.locals.locale));
  },
};
