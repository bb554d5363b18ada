import { redirect } from '@sveltejs/kit';
import type { FollowUpPlan } from '@tracker/api/schemas';
import { planBody, planHref } from '$lib/follow-up';
import { formValues, requireSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async (event) => ({
  session: await requireSession(event),
  reviewId: event.url.searchParams.get('review'),
});

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    await requireSession(event);
    const result = await submitToApi<Pick<FollowUpPlan, 'id'>>(event, form, {
      method: 'POST',
      path: '/follow-up/plans',
      body: planBody(formValues(form)),
    });
    if (!('ok' in result)) return result;
    redirect(303, planHref(result.data.id));
  },
};
