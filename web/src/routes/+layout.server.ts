import { messagesFor } from '$lib/i18n/server';
import type { LayoutServerLoad } from './$types';

/** Only the catalogue of the page's language travels to the browser. */
export const load: LayoutServerLoad = ({ locals }) => ({
  locale: locals.locale,
  messages: messagesFor(locals.locale),
});
