import { describe, expect, it } from 'vitest';
import { buildGroupProgressChart, progressSteps } from './group-progress';

// Made-up counts for the geometry alone; the real series are checked by the API's tests.
const series = [
  { date: '2000-01-01', statesParties: 0 },
  { date: '2005-01-01', statesParties: 3 },
  { date: '2010-01-01', statesParties: 2 },
];

describe('progressSteps', () => {
  it('holds the last count to the end of the range', () => {
    expect(progressSteps(series, '2020-01-01').at(-1)).toEqual({ date: '2020-01-01', statesParties: 2 });
    expect(progressSteps(series, '2010-01-01')).toHaveLength(3);
    expect(progressSteps([], '2020-01-01')).toEqual([]);
  });
});

describe('buildGroupProgressChart', () => {
  const chart = buildGroupProgressChart({ series, members: 4, from: '2000-01-01', to: '2020-01-01', width: 320, height: 120 });

  it('scales the y axis from 0 to the number of members, with a tick at each', () => {
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 4]);
    expect(chart.yTicks[0]!.y).toBe(chart.plot.bottom);
    expect(chart.membersY).toBe(chart.plot.top);
  });

  it('draws a step line from the left edge to the right edge, ending on the last count', () => {
    expect(chart.d.startsWith(`M${chart.plot.left},${chart.plot.bottom}`)).toBe(true);
    // The last count, 2 of 4, is half-way up the plot.
    const halfway = (chart.plot.top + chart.plot.bottom) / 2;
    expect(chart.d.endsWith(`${chart.plot.right},${halfway}`)).toBe(true);
  });

  it('puts at most a few year ticks inside the range', () => {
    expect(chart.xTicks.length).toBeGreaterThan(1);
    expect(chart.xTicks.length).toBeLessThanOrEqual(5);
    for (const tick of chart.xTicks) expect(tick.x).toBeGreaterThanOrEqual(chart.plot.left);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => buildGroupProgressChart({ series, members: 4, from: '2020-01-01', to: '2000-01-01' })).toThrow(TypeError);
  });
});
