import { getAdvocacy, getStateDetail } from '$lib/api';
import { briefSources, groupByCycle, printCut } from '$lib/advocacy-brief';
import type { PageServerLoad } from './$types';

/** A brief is printed or read, not operated: no JavaScript is sent. */
export const csr = false;

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const asOf = url.searchParams.get('asOf')?.trim() || null;
  const iso3 = params.iso3.toUpperCase();
  // The list narrowed to this State, with the recommendations' wording (the whole list is computed
  // once per data version, instrument and date); the State's own record gives its name and, once
  // it has joined, its status. An unknown instrument, State or date is the API's 404 or 400.
  const [list, detail] = await Promise.all([
    getAdvocacy(fetch, params.instrument, { asOf, state: iso3, recommendations: 'true' }),
    getStateDetail(fetch, iso3, { asOf }),
  ]);
  const name = detail.state.names[locals.locale] ?? detail.state.names.en;
  const row = list.states.find((s) => s.iso3 === iso3);
  const head = {
    instrumentId: list.instrumentId,
    shortName: list.shortName,
    asOf: list.asOf,
    dataAsOf: list.dataAsOf,
    uprDataAsOf: list.uprDataAsOf,
    iso3,
    name,
  };
  if (!row) {
    // Not in the list: it has joined on that date. Its status, as the State's own record has it.
    const joined = detail.instruments.find((i) => i.instrumentId === list.instrumentId) ?? null;
    return { ...head, row: null, joined, related: list.related, sources: [], groups: [], cut: null };
  }
  const groups = groupByCycle(row.upr.recommendations ?? []);
  const { printed, more } = printCut(groups);
  return {
    ...head,
    row,
    joined: null,
    related: list.related,
    sources: briefSources(list.sources, row),
    groups,
    cut: { printed: [...printed], more },
  };
};
