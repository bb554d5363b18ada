import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n';
import { field } from '$lib/editing-links';
import { CSRF_FIELD } from '$lib/server/editing';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST only (the header's form); a link here goes home.
export const load: PageServerLoad = ({ locals }) => redirect(303, localizePath('/', locals.locale));

export const actions: Actions = {
  default: async ({ request, fetch, locals }) => {
    const form = await request.formData();
    // The API ends the session and clears its cookie (passed on by the hooks). An already ended
    // session answers 401: the reader is signed out either way.
    await fetch('/api/auth/sign-out', {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': field(form, CSRF_FIELD) },
    });
    redirect(303, localizePath('/', locals.locale));
  },
};
