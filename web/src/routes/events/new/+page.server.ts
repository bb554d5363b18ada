import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import type { EditableEvent } from '@tracker/api/schemas';
import { getInstruments } from '$lib/api';
import { eventBody, eventHref } from '$lib/event-form';
import { formValues, requireSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async (event) => {
  const session = await requireSession(event);
  const { instruments } = await getInstruments(event.fetch);
  return {
    session,
    instruments: instruments.map((i) => ({ id: i.id, name: i.shortName })),
    preset: { instrumentId: event.url.searchParams.get('instrument'), stateIso3: event.url.searchParams.get('state') },
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    await requireSession(event);
    const result = await submitToApi<EditableEvent>(event, form, { method: 'POST', path: '/events', body: eventBody(formValues(form)) });
    if (!('ok' in result)) return result;
    redirect(303, localizePath(eventHref(result.data.id), event.locals.locale));
  },
};
