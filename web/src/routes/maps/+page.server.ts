import { getInstrument, getInstruments } from '$lib/api';
import { INSTRUMENT_IDS } from '$lib/status';
import type { PageServerLoad } from './$types';

/** Every instrument with today's number of parties, as the index of the maps. */
export const load: PageServerLoad = async ({ fetch }) => {
  const { instruments } = await getInstruments(fetch);
  const ordered = [...instruments].sort((a, b) => INSTRUMENT_IDS.indexOf(a.id) - INSTRUMENT_IDS.indexOf(b.id));
  const details = await Promise.all(ordered.map((i) => getInstrument(fetch, i.id)));
  return {
    instruments: details.map((d) => ({
      id: d.id,
      name: d.name,
      shortName: d.shortName,
      untcReference: d.untcReference,
      parentId: d.parentId,
      dataAsOf: d.dataAsOf,
      statesParties: d.statesParties,
    })),
  };
};
