import { todayUtc } from '@tracker/api/domain';
import { getAgenda } from '$lib/api';
import { agendaWindow, readAgendaQuery } from '$lib/agenda';
import { loadChoices } from '$lib/server/choices';
import type { PageServerLoad } from './$types';

/** A list to read and a GET form: no JavaScript is sent. */
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const query = readAgendaQuery(url.searchParams);
  const window = agendaWindow(query, todayUtc());
  const [agenda, choices] = await Promise.all([
    getAgenda(fetch, { ...window, kind: query.kind, state: query.state, instrument: query.instrument, group: query.group }),
    loadChoices(fetch, locals.locale),
  ]);
  return {
    query,
    window,
    agenda,
    ...choices,
  };
};
