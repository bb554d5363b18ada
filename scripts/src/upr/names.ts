/**
 * State names as the UPR files spell them, to ISO3. A name is looked up among the registry's
 * names (data/seed/states.json: UNTERM short names in English, French, Spanish and Arabic, and the
 * formal English name without its article), then in the alias table below. Matching ignores case,
 * repeated spaces and typographic apostrophes, nothing more: every other spelling is listed here on
 * purpose, after a scan of all the files in data/raw/upr/.
 */
import type { StateRecord } from '@tracker/api';

export const UPR_NAME_ALIASES: Readonly<Record<string, string>> = {
  // UPR Info database export (2015): short or older names, "&" and "St" abbreviations.
  'Antigua & Barbuda': 'ATG',
  Bolivia: 'BOL',
  'Bosnia & Herzegovina': 'BIH',
  'Cape Verde': 'CPV',
  "Cote d'Ivoire": 'CIV',
  'DPR Korea': 'PRK',
  'Democratic Republic of Congo': 'COD',
  'Guinea Bissau': 'GNB',
  Iran: 'IRN',
  Laos: 'LAO',
  'Macedonia FYR': 'MKD',
  Micronesia: 'FSM',
  Moldova: 'MDA',
  Palestine: 'PSE',
  'Republic of Congo': 'COG',
  'Sao Tome & Principe': 'STP',
  'St Kitts & Nevis': 'KNA',
  'St Lucia': 'LCA',
  'St Vincent & the Grenadines': 'VCT',
  Swaziland: 'SWZ',
  Syria: 'SYR',
  Tanzania: 'TZA',
  'Trinidad & Tobago': 'TTO',
  Turkey: 'TUR',
  'United Kingdom': 'GBR',
  'United States': 'USA',
  Venezuela: 'VEN',
  // Review-years table (2015): names of the time.
  'Libyan Arab Jamahiriya': 'LBY',
  'The former Yugoslav Republic of Macedonia': 'MKD',
  'Timor Leste': 'TLS',
  // OHCHR thematic lists (Slovenia): the Netherlands without "(Kingdom of the)".
  Netherlands: 'NLD',
  // Common abbreviations, for importers of other exports.
  USA: 'USA',
  UK: 'GBR',
};

/** Looks up a State by any of its recorded names; `resolve` gives null for an unknown name. */
export interface StateNameResolver {
  resolve(name: string): string | null;
}

export type StateNames = Pick<StateRecord, 'iso3' | 'names' | 'formalNameEn'>;

const key = (name: string): string =>
  name
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * Builds the resolver. English names win; a French, Spanish or Arabic name that would point at two
 * States is left out rather than guessed. The aliases are checked against the registry: an alias
 * to an unknown ISO3 is a programming error and throws.
 */
export function createStateNameResolver(
  states: StateNames[],
  aliases: Readonly<Record<string, string>> = UPR_NAME_ALIASES,
): StateNameResolver {
  const iso3s = new Set(states.map((s) => s.iso3));
  const byKey = new Map<string, string>();
  const ambiguous = new Set<string>();
  const strongKeys = new Set<string>();
  const add = (name: string | null, iso3: string, strong: boolean): void => {
    if (!name) return;
    const k = key(name);
    const existing = byKey.get(k);
    if (strong) strongKeys.add(k);
    if (existing === undefined) byKey.set(k, iso3);
    else if (existing !== iso3 && !strongKeys.has(k)) ambiguous.add(k);
  };
  for (const s of states) add(s.names.en, s.iso3, true);
  for (const s of states) add(s.formalNameEn?.replace(/^the /i, '') ?? null, s.iso3, true);
  for (const s of states) for (const name of [s.names.fr, s.names.es, s.names.ar]) add(name, s.iso3, false);
  for (const [alias, iso3] of Object.entries(aliases)) {
    if (!iso3s.has(iso3)) throw new Error(`UPR name alias "${alias}" points at ${iso3}, which is not in the states registry`);
    byKey.set(key(alias), iso3);
    ambiguous.delete(key(alias));
  }
  // A file names the same few hundred States tens of thousands of times: each spelling is keyed once.
  const resolved = new Map<string, string | null>();
  return {
    resolve: (name) => {
      let iso3 = resolved.get(name);
      if (iso3 === undefined) {
        const k = key(name);
        iso3 = ambiguous.has(k) ? null : (byKey.get(k) ?? null);
        resolved.set(name, iso3);
      }
      return iso3;
    },
  };
}
