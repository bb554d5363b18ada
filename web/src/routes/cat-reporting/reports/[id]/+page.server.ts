import { error, fail } from '@sveltejs/kit';
import { serverT } from '$lib/i18n/server';
import type { EditableCatReport } from '@tracker/api/schemas';
import { catReportCitationBody, catReportCorrectionBody } from '$lib/cat-report-form';
import { field } from '$lib/editing-links';
import { formValues, readSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ fetch, params, locals }) => {
  const res = await fetch(`/api/cat-reporting/reports/${encodeURIComponent(params.id)}`, { headers: { accept: 'application/json' } });
  if (res.status === 404 || res.status === 400) error(404, serverT(locals.locale)('error.server.noCatRecord', { id: params.id }));
  if (!res.ok) error(res.status, `The API answered ${res.status}`);
  return { report: (await res.json()) as EditableCatReport };
};

async function send(event: RequestEvent, formId: 'correct' | 'retract') {
  const form = await event.request.formData();
  // The API refuses a write without a signed-in editor; asking first gives the form a plain message.
  if (!(await readSession(event.fetch, event.cookies))) {
    const message = serverT(event.locals.locale)('error.server.signInCatRecords');
    return fail(401, { formId, message, details: [], values: formValues(form) });
  }
  const values = formValues(form);
  const id = encodeURIComponent(event.params.id);
  const result = await submitToApi<Omit<EditableCatReport, 'source' | 'retractedAt' | 'history'>>(
    event,
    form,
    formId === 'retract'
      ? { method: 'POST', path: `/cat-reporting/reports/${id}/retract`, body: catReportCitationBody(values) }
      : { method: 'PUT', path: `/cat-reporting/reports/${id}`, body: catReportCorrectionBody(values) },
  );
  if (!('ok' in result)) return fail(result.status, { ...result.data, formId });
  return { formId, done: formId === 'retract' ? 'retracted' : 'corrected', reason: field(form, 'reason') };
}

export const actions: Actions = {
  correct: (event) => send(event, 'correct'),
  retract: (event) => send(event, 'retract'),
};
