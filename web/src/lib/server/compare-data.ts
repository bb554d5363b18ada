/** The comparison matrix's data, read through the API: shared by the page and its downloads. */
import { serverT } from '$lib/i18n/server';
import { error } from '@sveltejs/kit';
import { getInstrumentStatus, getInstruments, getStates } from '$lib/api';
import type { SourceRef } from '$lib/api-types';
import { buildMatrix, FAMILY_COLUMNS, instrumentsOf, isFamily, type Family } from '$lib/compare';
import { regionOptions } from '$lib/groups';
import type { Locale } from '$lib/i18n';
import { readViewQuery } from '$lib/query';

type Fetch = typeof fetch;

export function readFamily(params: URLSearchParams, locale: Locale = 'en'): Family {
  const family = params.get('family');
  if (family === null || family === '') return 'rome';
  if (!isFamily(family)) error(400, serverT(locale)('error.server.unknownFamily', { family }));
  return family;
}

export async function loadCompare(fetch: Fetch, params: URLSearchParams, locale: Locale) {
  const family = readFamily(params, locale);
  const query = readViewQuery(params);
  const columns = FAMILY_COLUMNS[family];
  const ids = instrumentsOf(columns);
  const [responses, { states }, { instruments }] = await Promise.all([
    Promise.all(ids.map((id) => getInstrumentStatus(fetch, id, { asOf: query.asOf, ...query.filters }))),
    getStates(fetch),
    getInstruments(fetch),
  ]);
  const rows = buildMatrix(columns, Object.fromEntries(responses.map((r) => [r.instrumentId, r.states])));
  const sources = new Map<string, SourceRef>();
  for (const response of responses) for (const source of response.sources) sources.set(source.id, source);
  const shortNames = new Map(instruments.map((i) => [i.id, i.shortName]));
  return {
    family,
    query,
    columns: columns.map((c) => ({ ...c, shortName: c.kind === 'status' ? (shortNames.get(c.id) ?? c.id) : null })),
    rows,
    asOf: responses[0]?.asOf ?? '',
    dataAsOf: responses.map((r) => ({ instrumentId: r.instrumentId, dataAsOf: r.dataAsOf })),
    sources: [...sources.values()],
    names: Object.fromEntries(states.map((s) => [s.iso3, s.names[locale] ?? s.names.en])),
    regions: regionOptions(states),
  };
}
