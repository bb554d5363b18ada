import { messagesFor } from '$lib/i18n/server';
import { readSession } from '$lib/server/editing';
import type { LayoutServerLoad } from './$types';

/**
 * Only the catalogue of the page's language travels to the browser. `session` is null for every
 * reader without a session cookie, so their pages stay the same for all and can be cached.
 */
export const load: LayoutServerLoad = async ({ locals, fetch, cookies }) => ({
  locale: locals.locale,
  messages: messagesFor(locals.locale),
  session: await readSession(fetch, cookies),
});
