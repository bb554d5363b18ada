import type { StateNames } from './status-page-events.js';

/**
 * UNTC spellings that differ from the UNTERM short names in states.csv. Kept small and explicit:
 * an unknown name makes the import fail, so a new spelling is added here on purpose.
 */
export const UNTC_ALIASES: Record<string, string | null> = {
  'Bahamas (The)': 'BHS',
  'Czech Republic': 'CZE',
  'St. Kitts and Nevis': 'KNA',
  'St. Lucia': 'LCA',
  'St. Vincent and the Grenadines': 'VCT',
  'The former Yugoslav Republic of Macedonia': 'MKD',
  // Predecessor names that end notes use for the State that continues them on the page
  // (the Russian Federation row carries the USSR's declarations; Belarus and Ukraine their own).
  'Union of Soviet Socialist Republics': 'RUS',
  'Byelorussian Soviet Socialist Republic': 'BLR',
  'Ukrainian Soviet Socialist Republic': 'UKR',
  // Former States listed on some pages; they have no row in the registry.
  'Yugoslavia (former)': null,
  Czechoslovakia: null,
  'German Democratic Republic': null,
};

/** Name lookups over the registry's English short names plus the aliases above. */
export function stateNames(states: { iso3: string; nameEn: string }[], aliases: Record<string, string | null> = UNTC_ALIASES): StateNames {
  const byName = new Map<string, string | null>();
  for (const state of states) byName.set(state.nameEn, state.iso3);
  for (const [name, iso3] of Object.entries(aliases)) byName.set(name, iso3);
  const all = [...byName].flatMap(([name, iso3]) => (iso3 ? [{ name, iso3 }] : []));
  return {
    resolve: (name) => byName.get(name.trim()),
    namesOf: (iso3) => all.filter((entry) => entry.iso3 === iso3).map((entry) => entry.name),
    allNames: () => all,
  };
}
