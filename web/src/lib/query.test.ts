import { describe, expect, it } from 'vitest';
import { hasFilters, isFiltered, readViewQuery, toSearch, viewSearch } from './query';

describe('readViewQuery', () => {
  it.each([
    { search: '', expected: { asOf: null, filters: {}, status: [] } },
    // A submitted form without JavaScript sends every field, empty ones as "".
    { search: 'group=&region=&ldc=&sids=&oda=&combine=&asOf=', expected: { asOf: null, filters: {}, status: [] } },
    {
      search: 'asOf=2017-10-26&group=african&ldc=true&sort=status',
      expected: { asOf: '2017-10-26', filters: { group: 'african', ldc: 'true' }, status: [] },
    },
    // Checkboxes repeat the parameter; the API's comma form reads the same; the vocabulary's order.
    {
      search: 'status=no-action&status=signatory&ldc=true&sids=true&combine=any',
      expected: { asOf: null, filters: { ldc: 'true', sids: 'true', combine: 'any' }, status: ['signatory', 'no-action'] },
    },
    { search: 'status=no-action,signatory&status=signatory', expected: { asOf: null, filters: {}, status: ['signatory', 'no-action'] } },
    // Not validated here: the API answers a bad value with a 400 saying what is wrong.
    { search: 'sids=maybe', expected: { asOf: null, filters: { sids: 'maybe' }, status: [] } },
    { search: 'status=ratified&status=party', expected: { asOf: null, filters: {}, status: ['party', 'ratified'] } },
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

  it('repeats the statuses after the filters, as checkboxes send them', () => {
    expect(
      viewSearch(
        { asOf: '2026-02-03', filters: { combine: 'any', sids: 'true', ldc: 'true' }, status: ['signatory', 'no-action'] },
        { format: 'csv' },
      ),
    ).toBe('?asOf=2026-02-03&ldc=true&sids=true&combine=any&status=signatory&status=no-action&format=csv');
    expect(toSearch({ status: [] })).toBe('');
  });

  it('reads back the URL it writes', () => {
    const view = { asOf: '2026-02-03', filters: { ldc: 'true', sids: 'true', combine: 'any' }, status: ['signatory', 'withdrawn'] };
    expect(readViewQuery(new URLSearchParams(viewSearch(view)))).toEqual(view);
  });

  it('knows when a filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ sids: 'true' })).toBe(true);
    // "any of" alone selects nothing.
    expect(hasFilters({ combine: 'any' })).toBe(false);
    expect(isFiltered({ asOf: null, filters: {}, status: ['party'] })).toBe(true);
    expect(isFiltered({ asOf: null, filters: { combine: 'any' }, status: [] })).toBe(false);
  });
});
