import { fail } from '@sveltejs/kit';
import { serverT } from '$lib/i18n/server';
import type { UprAssessment } from '@tracker/api/schemas';
import { getUprRecommendation } from '$lib/api';
import { field } from '$lib/editing-links';
import { formValues, readSession, submitToApi } from '$lib/server/editing';
import { loadInstrumentNames } from '$lib/server/upr-data';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ fetch, params }) => {
  const [recommendation, instruments] = await Promise.all([getUprRecommendation(fetch, params.id), loadInstrumentNames(fetch)]);
  return { recommendation, instruments };
};

/** The assessment fields of the form as the API's UprAssessmentInput takes them; empty ones null. */
function assessmentBody(values: Record<string, string | null>) {
  return {
    status: values.status,
    assessedOn: values.assessedOn,
    sourceKind: values.sourceKind,
    sourceTitle: values.sourceTitle,
    evidence: values.evidence,
    sourceUrl: values.sourceUrl,
    documentSymbol: values.documentSymbol,
    reason: values.reason,
  };
}

/** Which form failed ("add", or "correct-12" / "retract-12"), so the page shows the message next to it. */
type FormId = string;

async function send(
  event: RequestEvent,
  formId: (form: FormData) => FormId,
  request: (form: FormData) => { method: 'POST' | 'PUT'; path: string; body: unknown },
  done: string,
) {
  const form = await event.request.formData();
  const id = formId(form);
  // The API refuses a write without a signed-in editor; asking first gives the form a plain message.
  if (!(await readSession(event.fetch, event.cookies))) {
    const message = serverT(event.locals.locale)('error.server.signInAssessments');
    return fail(401, { formId: id, message, details: [], values: formValues(form) });
  }
  const result = await submitToApi<UprAssessment>(event, form, request(form));
  if (!('ok' in result)) return fail(result.status, { ...result.data, formId: id });
  return { formId: id, done, assessmentId: result.data.id };
}

const assessmentId = (form: FormData) => field(form, 'id').replace(/\D/g, '');

export const actions: Actions = {
  add: (event) =>
    send(
      event,
      () => 'add',
      (form) => ({
        method: 'POST',
        path: `/upr/recommendations/${encodeURIComponent(event.params.id)}/assessments`,
        body: assessmentBody(formValues(form)),
      }),
      'added',
    ),
  correct: (event) =>
    send(
      event,
      (form) => `correct-${assessmentId(form)}`,
      (form) => ({ method: 'PUT', path: `/upr/assessments/${assessmentId(form)}`, body: assessmentBody(formValues(form)) }),
      'corrected',
    ),
  retract: (event) =>
    send(
      event,
      (form) => `retract-${assessmentId(form)}`,
      (form) => {
        const v = formValues(form);
        return {
          method: 'POST',
          path: `/upr/assessments/${assessmentId(form)}/retract`,
          body: { sourceUrl: v.sourceUrl, documentSymbol: v.documentSymbol, reason: v.reason },
        };
      },
      'retracted',
    ),
};
