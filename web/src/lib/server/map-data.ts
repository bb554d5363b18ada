/**
 * Data for the map views (the maps pages and the home page), read through the public API and cut
 * down to what the page draws, so the browser receives only that.
 */
import { getInstrument, getInstrumentStatus, getInstrumentTimeline, getInstruments, getStates } from '$lib/api';
import { regionOptions } from '$lib/groups';
import { INSTRUMENT_IDS } from '$lib/status';
import type { Locale } from '$lib/i18n';
import type { ViewQuery } from '$lib/query';
import { toStatusRow } from '$lib/status-text';
import { worldGeometryFor } from './world-geometry';

type Fetch = typeof fetch;

/** Everything that does not change with the date or the filters: geometry, names, choices. */
export async function loadMapBase(fetch: Fetch, locale: Locale) {
  const [{ states }, { instruments }] = await Promise.all([getStates(fetch), getInstruments(fetch)]);
  const { width, height, viewBox, shapes, territories } = worldGeometryFor(states);
  return {
    geometry: { width, height, viewBox, shapes, territories },
    names: Object.fromEntries(states.map((s) => [s.iso3, s.names[locale] ?? s.names.en])),
    regions: regionOptions(states),
    instruments: instruments
      .map(({ id, shortName, titleLanguage, parentId }) => ({ id, shortName, titleLanguage, parentId }))
      .sort((a, b) => INSTRUMENT_IDS.indexOf(a.id) - INSTRUMENT_IDS.indexOf(b.id)),
  };
}

/** One instrument's status on the view's date for the view's filters, and the dates it spans. */
export async function loadMapStatus(fetch: Fetch, instrumentId: string, query: ViewQuery) {
  const [instrument, status, timeline] = await Promise.all([
    getInstrument(fetch, instrumentId),
    getInstrumentStatus(fetch, instrumentId, { asOf: query.asOf, ...query.filters, status: query.status }),
    getInstrumentTimeline(fetch, instrumentId),
  ]);
  return {
    instrument: {
      id: instrument.id,
      name: instrument.name,
      shortName: instrument.shortName,
      dataAsOf: instrument.dataAsOf,
      completenessNote: instrument.completenessNote,
    },
    status: {
      asOf: status.asOf,
      dataAsOf: status.dataAsOf,
      counts: status.counts,
      statesParties: { count: status.statesParties, pending: status.withdrawalPending.map((w) => w.iso3) },
      rows: status.states.map((row) => toStatusRow(row, status.sources)),
      sources: status.sources,
    },
    /** The slider's range: the instrument's adoption (or first event) to today. */
    range: { from: timeline.from, to: timeline.to },
  };
}
