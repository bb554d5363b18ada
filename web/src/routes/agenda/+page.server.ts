import { todayUtc } from '@tracker/api/domain';
import { getAgenda, getInstruments, getStates } from '$lib/api';
import { agendaWindow, readAgendaQuery } from '$lib/agenda';
import { INSTRUMENT_IDS } from '$lib/status';
import type { PageServerLoad } from './$types';

/** A list to read and a GET form: no JavaScript is sent. */
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const query = readAgendaQuery(url.searchParams);
  const window = agendaWindow(query, todayUtc());
  const [agenda, { instruments }, { states }] = await Promise.all([
    getAgenda(fetch, { ...window, kind: query.kind, state: query.state, instrument: query.instrument, group: query.group }),
    getInstruments(fetch),
    getStates(fetch),
  ]);
  return {
    query,
    window,
    agenda,
    instruments: instruments
      .map((i) => ({ id: i.id, shortName: i.shortName, titleLanguage: i.titleLanguage }))
      .sort((a, b) => INSTRUMENT_IDS.indexOf(a.id) - INSTRUMENT_IDS.indexOf(b.id)),
    states: states
      .map((s) => ({ iso3: s.iso3, name: s.names[locals.locale] ?? s.names.en }))
      .sort((a, b) => a.name.localeCompare(b.name, locals.locale)),
  };
};
