import { apiGet } from '$lib/api';
import type { Source } from '@tracker/api/schemas';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => apiGet<{ sources: Source[] }>(fetch, '/sources');
