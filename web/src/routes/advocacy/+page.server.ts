import { getAdvocacy, getInstruments, getStates } from '$lib/api';
import { INSTRUMENT_IDS } from '$lib/status';
import type { PageServerLoad } from './$types';

/** A page of links: nothing to operate, so no JavaScript is sent. */
export const csr = false;

/** Each instrument with how many states have not joined it today and how many of those promised to at the UPR. */
export const load: PageServerLoad = async ({ fetch }) => {
  const [{ instruments }, { states }] = await Promise.all([getInstruments(fetch), getStates(fetch)]);
  const ordered = [...instruments].sort((a, b) => INSTRUMENT_IDS.indexOf(a.id) - INSTRUMENT_IDS.indexOf(b.id));
  const lists = await Promise.all(ordered.map((i) => getAdvocacy(fetch, i.id)));
  return {
    asOf: lists[0]?.asOf ?? null,
    totalStates: states.length,
    instruments: ordered.map((instrument, n) => ({
      id: instrument.id,
      name: instrument.name,
      shortName: instrument.shortName,
      titleLanguage: instrument.titleLanguage,
      notJoined: lists[n]!.counts.notJoined,
      supported: lists[n]!.supportedNotJoined.length,
    })),
  };
};
