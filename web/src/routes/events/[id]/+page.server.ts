import { error, fail } from '@sveltejs/kit';
import { serverT } from '$lib/i18n/server';
import type { EditableEvent } from '@tracker/api/schemas';
import { field } from '$lib/editing-links';
import { citationBody, correctionBody } from '$lib/event-form';
import { formValues, readSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ fetch, params, locals }) => {
  const res = await fetch(`/api/events/${encodeURIComponent(params.id)}`, { headers: { accept: 'application/json' } });
  if (res.status === 404 || res.status === 400) error(404, serverT(locals.locale)('error.server.noEvent', { id: params.id }));
  if (!res.ok) error(res.status, `The API answered ${res.status}`);
  return { event: (await res.json()) as EditableEvent };
};

async function send(event: RequestEvent, formId: 'correct' | 'retract', body: (values: Record<string, string | null>) => unknown) {
  const form = await event.request.formData();
  // The API refuses a write without a signed-in editor; asking first gives the form a plain message.
  if (!(await readSession(event.fetch, event.cookies))) {
    const message = serverT(event.locals.locale)('error.server.signInEvents');
    return fail(401, { formId, message, details: [], values: formValues(form) });
  }
  const path = `/events/${encodeURIComponent(event.params.id)}${formId === 'retract' ? '/retract' : ''}`;
  const result = await submitToApi<EditableEvent>(event, form, {
    method: formId === 'retract' ? 'POST' : 'PUT',
    path,
    body: body(formValues(form)),
  });
  if (!('ok' in result)) return fail(result.status, { ...result.data, formId });
  return { formId, done: formId === 'retract' ? 'retracted' : 'corrected', reason: field(form, 'reason') };
}

export const actions: Actions = {
  correct: (event) => send(event, 'correct', correctionBody),
  retract: (event) => send(event, 'retract', citationBody),
};
