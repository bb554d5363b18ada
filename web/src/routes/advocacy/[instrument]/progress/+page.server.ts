import { getAdvocacyProgress, getInstrument, getStates } from '$lib/api';
import { buildGroupProgressChart } from '$lib/charts/group-progress';
import type { PageServerLoad } from './$types';

// Nothing on this page changes after it is drawn: the date is a plain GET form, no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  // Only the date: the page cache keys pages on the listed parameters (lib/server/page-variant.ts).
  const query = { asOf: url.searchParams.get('asOf') };
  const [progress, instrument, { states }] = await Promise.all([
    getAdvocacyProgress(fetch, params.instrument, query),
    getInstrument(fetch, params.instrument),
    getStates(fetch),
  ]);
  return {
    // The query as given, so the download links ask for the same answer the page shows.
    query,
    instrument: { id: instrument.id, name: instrument.name, shortName: instrument.shortName },
    progress: {
      asOf: progress.asOf,
      from: progress.from,
      to: progress.to,
      dataAsOf: progress.dataAsOf,
      sources: progress.sources,
    },
    groups: progress.groups.map(({ series, ...group }) => ({
      ...group,
      chart: buildGroupProgressChart({ series, members: group.members, from: progress.from, to: progress.to }),
    })),
    names: Object.fromEntries(states.map((s) => [s.iso3, s.names[locals.locale] ?? s.names.en])),
  };
};
