import { describe, expect, it } from 'vitest';
import { hasFilters, readViewQuery, toSearch, viewSearch } from './query';

describe('readViewQuery', () => {
  it.each([
    { search: '', expected: { asOf: null, filters: {} } },
    // A submitted form without JavaScript sends every field, empty ones as "".
    { search: 'group=&region=&ldc=&sids=&oda=&asOf=', expected: { asOf: null, filters: {} } },
    {
      search: 'asOf=2017-10-26&group=african&ldc=true&sort=status',
      expected: { asOf: '2017-10-26', filters: { group: 'african', ldc: 'true' } },
    },
    // Not validated here: the API answers a bad value with a 400 saying what is wrong.
    { search: 'sids=maybe', expected: { asOf: null, filters: { sids: 'maybe' } } },
  ])('?$search', ({ search, expected }) => expect(readViewQuery(new URLSearchParams(search))).toEqual(expected));
});

describe('toSearch and viewSearch', () => {
  it.each([
    [{}, ''],
    [{ a: null, b: undefined, c: '' }, ''],
    [{ asOf: '2017-10-27', format: 'csv' }, '?asOf=2017-10-27&format=csv'],
  ])('toSearch(%j) = %j', (params, expected) => expect(toSearch(params)).toBe(expected));

  it('writes the date first, then filters in the API order, then extras', () => {
    expect(viewSearch({ asOf: '2017-10-27', filters: { oda: 'false', group: 'african', region: '002' } }, { format: 'csv' })).toBe(
      '?asOf=2017-10-27&region=002&group=african&oda=false&format=csv',
    );
  });

  it('knows when a filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ sids: 'true' })).toBe(true);
  });
});
