import { fail } from '@sveltejs/kit';
import type { ErrorBody } from '@tracker/api/schemas';
import { pageSubject, safeNext } from '$lib/editing-links';
import { formValues } from '$lib/server/editing';
import type { Actions, PageServerLoad } from './$types';

// A plain form page: no JavaScript, so nothing typed before hydration can be reset by it.
export const csr = false;

/** Only a page of this site can be reported; anything else is read as the home page. */
const reportedPage = (value: string | null) => safeNext(value);

export const load: PageServerLoad = ({ url }) => {
  const page = reportedPage(url.searchParams.get('page'));
  return { page, ...pageSubject(page) };
};

export const actions: Actions = {
  // Anonymous: no account and no CSRF token; SvelteKit's origin check guards the form post and the
  // API limits reports per address.
  default: async ({ request, fetch }) => {
    const form = await request.formData();
    const values = formValues(form);
    const page = reportedPage(values.page ?? null);
    const subject = pageSubject(page);
    const res = await fetch('/api/flags', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        pageUrl: page,
        message: values.message ?? '',
        ...(values.contact && { contact: values.contact }),
        ...(subject.instrumentId && { instrumentId: subject.instrumentId }),
        ...(subject.stateIso3 && { stateIso3: subject.stateIso3 }),
      }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as ErrorBody | null;
      return fail(res.status, { message: body?.message ?? `The API answered ${res.status}`, details: body?.details ?? [], values });
    }
    return { sent: true as const };
  },
};
