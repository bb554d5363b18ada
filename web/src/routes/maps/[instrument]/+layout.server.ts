import { loadMapBase } from '$lib/server/map-data';
import type { LayoutServerLoad } from './$types';

/**
 * Geometry, names and filter choices do not depend on the instrument, the date or the filters:
 * loaded in a layout that reads none of them, they are sent once and not again when the slider,
 * a filter or the instrument changes.
 */
export const load: LayoutServerLoad = ({ fetch, locals }) => loadMapBase(fetch, locals.locale);
