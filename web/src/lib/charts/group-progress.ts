/**
 * The small chart of one group's progress: how many of its members are States Parties over time,
 * as a step line (a count holds until the next change) under a line at the number of members, so
 * the distance to "all members" shows without any colour. Computed on the server; the page gets
 * finished paths and ticks and sends no d3 code to the browser.
 */
import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { isoToUtc } from '$lib/dates';
import { yearStep } from './timeline';

export interface ProgressPoint {
  date: string;
  statesParties: number;
}

export interface GroupProgressChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The step line of States Parties, from `from` to `to`. */
  d: string;
  /** The line at the number of members. */
  membersY: number;
  xTicks: { x: number; year: number }[];
  yTicks: { y: number; value: number }[];
}

/** The points as steps from the first to `to`, the last count held to the end. */
export function progressSteps(series: readonly ProgressPoint[], to: string): ProgressPoint[] {
  const steps = [...series];
  const last = steps.at(-1);
  if (last && last.date < to) steps.push({ date: to, statesParties: last.statesParties });
  return steps;
}

/**
 * The chart's geometry. The y axis runs from 0 to the number of members, so every group's chart
 * reads as a share of its own members. Throws a TypeError when `from` is after `to`.
 */
export function buildGroupProgressChart({
  series,
  members,
  from,
  to,
  width = 320,
  height = 120,
}: {
  series: readonly ProgressPoint[];
  members: number;
  from: string;
  to: string;
  width?: number;
  height?: number;
}): GroupProgressChart {
  if (from > to) throw new TypeError(`Expected "from" (${from}) not after "to" (${to})`);
  const plot = { left: 30, right: width - 8, top: 8, bottom: height - 20 };
  const x = scaleLinear()
    .domain([isoToUtc(from), Math.max(isoToUtc(to), isoToUtc(from) + 1)])
    .range([plot.left, plot.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, members)])
    .range([plot.bottom, plot.top]);
  const round = (n: number) => Math.round(n * 10) / 10;
  const path = line<ProgressPoint>()
    .x((p) => x(isoToUtc(p.date)))
    .y((p) => y(p.statesParties))
    .curve(curveStepAfter)
    .digits(1);

  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  const step = yearStep(lastYear - firstYear + 1, 4);
  const xTicks: GroupProgressChart['xTicks'] = [];
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
    const date = `${year}-01-01`;
    if (date >= from) xTicks.push({ x: round(x(isoToUtc(date))), year });
  }
  // 0 and the number of members: the two values the chart is read against.
  const yTicks = [...new Set([0, members])].map((value) => ({ y: round(y(value)), value }));
  return {
    width,
    height,
    plot,
    d: path(progressSteps(series, to)) ?? '',
    membersY: round(y(members)),
    xTicks,
    yTicks,
  };
}
