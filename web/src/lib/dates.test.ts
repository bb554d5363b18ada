import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, formatList, isIsoDate, isoToUtc, playDates, todayIso } from './dates';

describe('isoToUtc', () => {
  it.each([
    ['1970-01-01', 0],
    ['2017-10-27', Date.UTC(2017, 9, 27)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
  ])('%s -> %d', (iso, expected) => expect(isoToUtc(iso)).toBe(expected));

  it.each(['2017-10-32', '2023-02-29', '27/10/2017', '2017-10-27T00:00:00Z', ''])('rejects %j with a TypeError', (bad) => {
    expect(() => isoToUtc(bad)).toThrow(TypeError);
    expect(isIsoDate(bad)).toBe(false);
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2017-10-26', 1, '2017-10-27'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-01-01', -1, '2024-12-31'],
    ['1998-07-17', 0, '1998-07-17'],
  ])('%s + %d days = %s, and back', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('formatDate', () => {
  it.each([
    ['2017-10-27', 'day', '27 Oct 2017'],
    ['2017-10-01', 'month', 'October 2017'],
    ['2002-01-01', 'year', '2002'],
  ] as const)('%s at %s precision in English is %s (day-month-year, never shifted by time zone)', (iso, precision, expected) => {
    expect(formatDate(iso, 'en', precision)).toBe(expected);
  });
});

describe('formatList', () => {
  it.each([
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('%j -> %s', (items, expected) => expect(formatList(items, 'en')).toBe(expected));
});

describe('todayIso', () => {
  it('is the UTC date', () => expect(todayIso(new Date('2026-11-23T23:30:00-05:00'))).toBe('2026-11-24'));
});

describe('playDates', () => {
  it.each([
    {
      name: 'from the last date, starts again at the first',
      input: { from: '2015-11-26', to: '2019-03-04', current: '2019-03-04' },
      expected: ['2015-11-26', '2015-12-31', '2016-12-31', '2017-12-31', '2018-12-31', '2019-03-04'],
    },
    {
      name: 'from a date in the middle, goes on from there',
      input: { from: '2015-11-26', to: '2019-03-04', current: '2017-06-01' },
      expected: ['2017-12-31', '2018-12-31', '2019-03-04'],
    },
    {
      name: 'a year end that is the current date is not repeated',
      input: { from: '2015-11-26', to: '2019-03-04', current: '2017-12-31' },
      expected: ['2018-12-31', '2019-03-04'],
    },
    {
      name: 'the last date on a year end is given once',
      input: { from: '2017-01-05', to: '2018-12-31', current: '2017-01-05' },
      expected: ['2017-12-31', '2018-12-31'],
    },
  ])('$name', ({ input, expected }) => expect(playDates(input)).toEqual(expected));
});
