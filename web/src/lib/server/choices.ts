/**
 * The State and instrument choices of the list pages' forms (the change feed, the agenda, the
 * digest): instruments in the tracker's order, States by name in the page's language.
 */
import { getInstruments, getStates } from '$lib/api';
import type { Locale } from '$lib/i18n';
import { INSTRUMENT_IDS } from '$lib/status';

export async function loadChoices(fetch: typeof globalThis.fetch, locale: Locale) {
  const [{ instruments }, { states }] = await Promise.all([getInstruments(fetch), getStates(fetch)]);
  return {
    instruments: instruments
      .map((i) => ({ id: i.id, shortName: i.shortName, titleLanguage: i.titleLanguage }))
      .sort((a, b) => INSTRUMENT_IDS.indexOf(a.id) - INSTRUMENT_IDS.indexOf(b.id)),
    states: states.map((s) => ({ iso3: s.iso3, name: s.names[locale] ?? s.names.en })).sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}
