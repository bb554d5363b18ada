import { describe, expect, it } from 'vitest';
import type { TimelinePoint } from '$lib/api-types';
import { buildTimelineChart, countsOn, stepSeries, withdrawalEvents, yearlyCounts, yearStep } from './timeline';

const point = (
  date: string,
  parties: number,
  signatories: number,
  change: TimelinePoint['change'] = [],
  partiesNotInForce = 0,
): TimelinePoint => ({
  date,
  parties,
  partiesNotInForce,
  signatories,
  counts: {} as TimelinePoint['counts'],
  change,
});
// A small Rome-Statute-like history: signatures, a first party, Burundi notifying and leaving.
const points = [
  point('1998-07-17', 0, 11),
  point('2002-07-01', 1, 10, [{ iso3: 'FRA', from: 'signatory', to: 'party' }]),
  point('2016-10-27', 1, 10, [{ iso3: 'BDI', from: 'party', to: 'withdrawal-pending' }]),
  point('2017-10-27', 0, 10, [{ iso3: 'BDI', from: 'withdrawal-pending', to: 'withdrawn' }]),
];

describe('stepSeries', () => {
  it.each([
    { to: '2020-01-01', expected: [0, 1, 1, 0, 0], last: '2020-01-01' },
    { to: '2017-10-27', expected: [0, 1, 1, 0], last: '2017-10-27' },
  ])('holds the last value to $to', ({ to, expected, last }) => {
    const steps = stepSeries(points, 'parties', to);
    expect(steps.map((s) => s.value)).toEqual(expected);
    expect(steps.at(-1)?.date).toBe(last);
  });
  it('is empty without points', () => expect(stepSeries([], 'parties', '2020-01-01')).toEqual([]));
});

describe('countsOn', () => {
  it.each([
    ['1990-01-01', { parties: 0, partiesNotInForce: 0, signatories: 0 }],
    ['2017-10-26', { parties: 1, partiesNotInForce: 0, signatories: 10 }],
    ['2017-10-27', { parties: 0, partiesNotInForce: 0, signatories: 10 }],
  ] as const)('%s', (date, expected) => expect(countsOn(points, date)).toEqual(expected));
});

describe('yearlyCounts', () => {
  it('gives the counts at each year end, and at the last date for the last year', () => {
    const rows = yearlyCounts(points, '2015-03-01', '2017-11-01');
    expect(rows).toEqual([
      { year: 2015, date: '2015-12-31', parties: 1, partiesNotInForce: 0, signatories: 10 },
      { year: 2016, date: '2016-12-31', parties: 1, partiesNotInForce: 0, signatories: 10 },
      { year: 2017, date: '2017-11-01', parties: 0, partiesNotInForce: 0, signatories: 10 },
    ]);
  });
});

describe('withdrawalEvents', () => {
  it('finds notifications and withdrawals taking effect', () => {
    expect(withdrawalEvents(points)).toEqual([
      { iso3: 'BDI', date: '2016-10-27', kind: 'notified' },
      { iso3: 'BDI', date: '2017-10-27', kind: 'effective' },
    ]);
  });
});

describe('yearStep', () => {
  it.each([
    [5, 1],
    [9, 2],
    [29, 5],
    [42, 10],
  ])('%d years -> ticks every %d', (years, step) => expect(yearStep(years)).toBe(step));
});

describe('buildTimelineChart', () => {
  const chart = buildTimelineChart({
    points,
    from: '1998-07-17',
    to: '2020-01-01',
    generalEntryIntoForce: '2002-07-01',
    width: 720,
    height: 300,
  });

  it('draws the three series as step lines', () => {
    expect(chart.series.map((s) => s.key)).toEqual(['parties', 'partiesNotInForce', 'signatories']);
    expect(chart.series.every((s) => s.d.startsWith('M'))).toBe(true);
  });

  it('marks the entry into force and both withdrawal dates inside the plot', () => {
    expect(chart.entryIntoForce?.date).toBe('2002-07-01');
    expect(chart.withdrawals.map((w) => w.kind)).toEqual(['notified', 'effective']);
    for (const x of [chart.entryIntoForce?.x ?? -1, ...chart.withdrawals.map((w) => w.x)]) {
      expect(x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(x).toBeLessThanOrEqual(chart.plot.right);
    }
  });

  it('ticks whole years and a nice count axis', () => {
    expect(chart.xTicks.map((t) => t.year)).toEqual([2000, 2005, 2010, 2015, 2020]);
    expect(chart.yTicks.at(0)?.value).toBe(0);
    expect(chart.yTicks.at(-1)?.value).toBeGreaterThanOrEqual(11);
  });

  it('leaves out an entry into force outside the range', () => {
    expect(
      buildTimelineChart({ points, from: '2010-01-01', to: '2020-01-01', generalEntryIntoForce: '2002-07-01' }).entryIntoForce,
    ).toBeNull();
  });

  it('rejects a range that ends before it starts', () => {
    expect(() => buildTimelineChart({ points, from: '2020-01-01', to: '2010-01-01', generalEntryIntoForce: null })).toThrow(TypeError);
  });
});
