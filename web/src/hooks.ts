import type { Reroute } from '@sveltejs/kit';
import { delocalizePath } from '$lib/i18n';

/** `/fr/maps`, `/es/maps` and `/ar/maps` are the `/maps` page in another language (see localizePath). */
export const reroute: Reroute = ({ url }) => delocalizePath(url.pathname);
