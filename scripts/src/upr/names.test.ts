import { describe, expect, it } from 'vitest';
import { createStateNameResolver, UPR_NAME_ALIASES } from './names.js';
import { registry, states } from './test-support.js';

describe('createStateNameResolver', () => {
  it.each([
    ['Iran (Islamic Republic of)', 'IRN'],
    ['Islamic Republic of Iran', 'IRN'],
    ['Iran', 'IRN'],
    ["Côte d'Ivoire", 'CIV'],
    ['Côte d’Ivoire', 'CIV'],
    ["Cote d'Ivoire", 'CIV'],
    ["Democratic People's Republic of Korea", 'PRK'],
    ['DPR Korea', 'PRK'],
    ['Bolivia', 'BOL'],
    ['Bolivia (Plurinational State of)', 'BOL'],
    ['Venezuela', 'VEN'],
    ['Venezuela (Bolivarian Republic of)', 'VEN'],
    ['Russian Federation', 'RUS'],
    ['United Kingdom', 'GBR'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
    ['United States', 'USA'],
    ['United States of America', 'USA'],
    ['USA', 'USA'],
    ['Czech Republic', 'CZE'],
    ['Libyan Arab Jamahiriya', 'LBY'],
    ['The Former Yugoslav Republic of Macedonia', 'MKD'],
    ['St Vincent & the Grenadines', 'VCT'],
    ['Palestine', 'PSE'],
    ['Holy See', 'VAT'],
    ['  lao people’s democratic republic ', 'LAO'],
    ['Côte d’Ivoire', 'CIV'],
    ['Allemagne', 'DEU'],
    ['Alemania', 'DEU'],
  ])('%s -> %s', (name, iso3) => {
    expect(states.resolve(name)).toBe(iso3);
  });

  it('gives null for a name it does not know, rather than a near match', () => {
    expect(states.resolve('(Unknown)')).toBeNull();
    expect(states.resolve('Atlantis')).toBeNull();
    expect(states.resolve('Congo, Republic')).toBeNull();
  });

  it('only has aliases to States of the registry, and refuses one that is not', () => {
    const iso3s = new Set(registry.map((s) => s.iso3));
    expect(Object.values(UPR_NAME_ALIASES).filter((iso3) => !iso3s.has(iso3))).toEqual([]);
    expect(() => createStateNameResolver(registry, { Ruritania: 'RUR' })).toThrow('UPR name alias "Ruritania" points at RUR');
  });
});
