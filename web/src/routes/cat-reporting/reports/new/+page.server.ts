import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import type { EditableCatReport } from '@tracker/api/schemas';
import { catReportBody, catReportHref } from '$lib/cat-report-form';
import { formValues, requireSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async (event) => {
  const session = await requireSession(event);
  const query = event.url.searchParams;
  return { session, preset: { stateIso3: query.get('state'), number: query.get('number') } };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    await requireSession(event);
    const result = await submitToApi<Pick<EditableCatReport, 'id'>>(event, form, {
      method: 'POST',
      path: '/cat-reporting/reports',
      body: catReportBody(formValues(form)),
    });
    if (!('ok' in result)) return result;
    redirect(303, localizePath(catReportHref(result.data.id), event.locals.locale));
  },
};
