import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import type { ErrorBody } from '@tracker/api/schemas';
import { field, safeNext } from '$lib/editing-links';
import { readSession } from '$lib/server/editing';
import type { Actions, PageServerLoad } from './$types';

// A plain form page: no JavaScript, so nothing typed before hydration can be reset by it.
export const csr = false;

export const load: PageServerLoad = async ({ fetch, cookies, url, locals }) => {
  const next = localizePath(safeNext(url.searchParams.get('next')), locals.locale);
  // Already signed in: nothing to do here.
  if (await readSession(fetch, cookies)) redirect(303, next);
  return { next };
};

export const actions: Actions = {
  // The API sets the session cookie; the hooks pass its Set-Cookie on to the browser.
  default: async ({ request, fetch, url, locals }) => {
    const form = await request.formData();
    const email = field(form, 'email').trim();
    const password = field(form, 'password');
    const next = localizePath(safeNext(field(form, 'next') || url.searchParams.get('next')), locals.locale);
    const res = await fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as ErrorBody | null;
      // The password is never sent back to the page.
      return fail(res.status, { message: body?.message ?? `The API answered ${res.status}`, email });
    }
    redirect(303, next);
  },
};
