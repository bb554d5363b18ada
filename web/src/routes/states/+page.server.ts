import { getInstruments, getStates } from '$lib/api';
import { regionOptions } from '$lib/groups';
import { readViewQuery } from '$lib/query';
import { INSTRUMENT_IDS } from '$lib/status';
import type { PageServerLoad } from './$types';

export const csr = false;

/**
 * Every state, filtered like the map (groups, how they combine, and a status on one instrument on
 * a date), with links to the profiles.
 */
export const load: PageServerLoad = async ({ fetch, url, locals }) => {
  const { asOf, filters, status = [] } = readViewQuery(url.searchParams);
  const instrument = url.searchParams.get('instrument')?.trim() || null;
  // A status alone names no instrument: the API would answer 400, so the page asks without it and says why.
  const statusQuery = instrument ? { instrument, status, asOf } : {};
  const [{ states }, all, { instruments }] = await Promise.all([
    getStates(fetch, { ...filters, ...statusQuery }),
    getStates(fetch),
    getInstruments(fetch),
  ]);
  return {
    filters,
    instrument,
    status,
    asOf,
    statusIgnored: !instrument && status.length > 0,
    instruments: instruments
      .map(({ id, shortName, titleLanguage }) => ({ id, shortName, titleLanguage }))
      .sort((a, b) => INSTRUMENT_IDS.indexOf(a.id) - INSTRUMENT_IDS.indexOf(b.id)),
    regions: regionOptions(all.states),
    states: states.map((s) => ({
      iso3: s.iso3,
      name: s.names[locals.locale] ?? s.names.en,
      region: s.region,
      subRegion: s.subRegion,
      unRegionalGroup: s.unRegionalGroup,
      ldc: s.ldc.status,
      sids: s.sids,
      oda: s.oda.recipient,
    })),
  };
};
