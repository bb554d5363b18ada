import { describe, expect, it } from 'vitest';
import { m49Name, regionOptions } from './groups';
import { english } from './test-helpers';

describe('regionOptions', () => {
  it('lists each M49 code once, regions first', () => {
    const states = [
      {
        region: { code: '002', name: 'Africa' },
        subRegion: { code: '202', name: 'Sub-Saharan Africa' },
        intermediateRegion: { code: '014', name: 'Eastern Africa' },
      },
      { region: { code: '002', name: 'Africa' }, subRegion: { code: '015', name: 'Northern Africa' }, intermediateRegion: null },
      { region: { code: '150', name: 'Europe' }, subRegion: { code: '155', name: 'Western Europe' }, intermediateRegion: null },
    ];
    expect(regionOptions(states).map((r) => `${r.level}:${r.code}`)).toEqual([
      'region:002',
      'region:150',
      'subRegion:202',
      'subRegion:015',
      'subRegion:155',
      'intermediateRegion:014',
    ]);
  });
});

describe('m49Name', () => {
  const { t } = english();
  it.each([
    ['029', 'Caribbean', 'Caribbean'],
    ['999', 'Somewhere new', 'Somewhere new'],
  ])('%s -> %s', (code, fallback, expected) => expect(m49Name(t, code, fallback)).toBe(expected));
});
