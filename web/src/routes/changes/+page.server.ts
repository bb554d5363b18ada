import { getChanges, getInstruments, getStates } from '$lib/api';
import { CHANGES_PAGE_SIZE, readChangesQuery } from '$lib/changes';
import type { PageServerLoad } from './$types';

/** A list to read and a GET form: no JavaScript is sent. */
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const query = readChangesQuery(url.searchParams);
  const [feed, { instruments }, { states }] = await Promise.all([
    getChanges(fetch, {
      instrument: query.instrument,
      state: query.state,
      kind: query.kind,
      before: query.before,
      limit: CHANGES_PAGE_SIZE,
    }),
    getInstruments(fetch),
    getStates(fetch),
  ]);
  return {
    query,
    feed,
    instruments: instruments.map((i) => ({ id: i.id, shortName: i.shortName, titleLanguage: i.titleLanguage })),
    states: states
      .map((s) => ({ iso3: s.iso3, name: s.names[locals.locale] ?? s.names.en }))
      .sort((a, b) => a.name.localeCompare(b.name, locals.locale)),
  };
};
