import { error } from '@sveltejs/kit';
import { todayUtc } from '@tracker/api/domain';
import { getAgenda, getChanges, getInstrumentStatus, getStateDetail } from '$lib/api';
import { digestSince, readDigestQuery, statusChanges } from '$lib/digest';
import { serverT } from '$lib/i18n/server';
import { loadChoices } from '$lib/server/choices';
import type { PageServerLoad } from './$types';

/** A page to read and a GET form: no JavaScript. */
export const csr = false;

/** Recorded changes listed on the page; the change feed has the rest. */
const CHANGES_SHOWN = 20;

/** The statuses on a date of what the digest covers: one State's on every instrument, or every State's on one. */
async function statusesOn(fetch: typeof globalThis.fetch, scope: { state: string | null; instrument: string | null }, asOf: string) {
  if (scope.state) {
    const detail = await getStateDetail(fetch, scope.state, { asOf });
    return detail.instruments
      .filter((i) => !scope.instrument || i.instrumentId === scope.instrument)
      .map((i) => ({ iso3: scope.state!, instrumentId: i.instrumentId, status: i.status }));
  }
  const status = await getInstrumentStatus(fetch, scope.instrument!, { asOf });
  return status.states.map((s) => ({ iso3: s.iso3, instrumentId: scope.instrument!, status: s.status }));
}

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  const query = readDigestQuery(url.searchParams);
  const today = todayUtc();
  const since = digestSince(query, today);
  const choices = await loadChoices(fetch, locals.locale);
  if (!query.state && !query.instrument) return { query, since, today, choices, digest: null };
  if (since > today) error(400, { message: serverT(locals.locale)('digest.sinceInFuture', { since, today }) });
  const scope = { state: query.state, instrument: query.instrument };
  const [before, after, agenda, changes] = await Promise.all([
    statusesOn(fetch, scope, since),
    statusesOn(fetch, scope, today),
    getAgenda(fetch, { from: since, to: today, state: query.state, instrument: query.instrument }),
    getChanges(fetch, { state: query.state, instrument: query.instrument, since, limit: CHANGES_SHOWN }),
  ]);
  return {
    query,
    since,
    today,
    choices,
    digest: {
      statusChanges: statusChanges(before, after),
      events: agenda.events.map((e) => ({ uid: e.uid, date: e.date, title: e.title, link: e.link, kind: e.kind, status: e.status })),
      changes: changes.changes.map((c) => ({ id: c.id, at: c.at, summary: c.summary, organisation: c.organisation, actor: c.actor })),
      changesTotal: changes.total,
    },
  };
};
