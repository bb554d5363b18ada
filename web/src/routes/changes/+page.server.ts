import { getChanges } from '$lib/api';
import { loadChoices } from '$lib/server/choices';
import { CHANGES_PAGE_SIZE, readChangesQuery } from '$lib/changes';
import type { PageServerLoad } from './$types';

/** A list to read and a GET form: no JavaScript is sent. */
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const query = readChangesQuery(url.searchParams);
  const [feed, choices] = await Promise.all([
    getChanges(fetch, {
      instrument: query.instrument,
      state: query.state,
      kind: query.kind,
      before: query.before,
      limit: CHANGES_PAGE_SIZE,
    }),
    loadChoices(fetch, locals.locale),
  ]);
  return {
    query,
    feed,
    ...choices,
  };
};
