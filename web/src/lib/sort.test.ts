import { describe, expect, it } from 'vitest';
import { readSort, sortRows, type SortDir, type SortKey } from './sort';
import type { StatusRow } from './status-text';

const row = (iso3: string, status: StatusRow['status'], consent: string | null = null): StatusRow => ({
  iso3,
  status,
  since: null,
  signature: null,
  consent: consent ? { date: consent, precision: 'day', kind: 'ratification' } : null,
  entryIntoForce: null,
  withdrawal: null,
  uncertain: false,
  sourceIds: [],
  unconfirmed: 0,
  sincePrecision: 'day',
  revokedWithdrawals: [],
  jurisdictionFrom: null,
  reports: [],
});
const names: Record<string, string> = { AAA: 'Åland test', BBB: 'Burundi', CCC: 'Chad', DDD: 'Austria' };
const rows = [
  row('BBB', 'withdrawn', '2004-09-21'),
  row('CCC', 'party', '2006-11-01'),
  row('DDD', 'party', '2000-12-28'),
  row('AAA', 'no-action'),
];

describe('sortRows', () => {
  it.each([
    // The page language's collation: "Åland" sorts with the A's, not after Z.
    { key: 'state', dir: 'asc', expected: ['AAA', 'DDD', 'BBB', 'CCC'] },
    { key: 'state', dir: 'desc', expected: ['CCC', 'BBB', 'DDD', 'AAA'] },
    // Status in legend order; ties in name order.
    { key: 'status', dir: 'asc', expected: ['DDD', 'CCC', 'BBB', 'AAA'] },
    // Missing dates go last in both directions.
    { key: 'consent', dir: 'asc', expected: ['DDD', 'BBB', 'CCC', 'AAA'] },
    { key: 'consent', dir: 'desc', expected: ['CCC', 'BBB', 'DDD', 'AAA'] },
    { key: 'signature', dir: 'asc', expected: ['AAA', 'DDD', 'BBB', 'CCC'] },
  ] as { key: SortKey; dir: SortDir; expected: string[] }[])('$key $dir', ({ key, dir, expected }) => {
    const sorted = sortRows(rows, { key, dir, nameOf: (iso3) => names[iso3] ?? iso3, locale: 'en' });
    expect(sorted.map((r) => r.iso3)).toEqual(expected);
  });

  it('does not change the rows it is given', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'status', dir: 'desc', nameOf: (i) => i, locale: 'en' });
    expect(rows).toEqual(copy);
  });
});

describe('readSort', () => {
  it.each([
    ['', { key: 'state', dir: 'asc' }],
    ['sort=consent&dir=desc', { key: 'consent', dir: 'desc' }],
    ['sort=nonsense&dir=sideways', { key: 'state', dir: 'asc' }],
  ])('?%s', (search, expected) => expect(readSort(new URLSearchParams(search))).toEqual(expected));
});
