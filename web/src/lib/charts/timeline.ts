/**
 * The instrument timeline chart: number of parties, parties not yet bound and signatories over
 * time, as step lines (a count holds until the next change), with the general entry into force
 * and each withdrawal marked. Computed on the server; the page receives finished paths and ticks,
 * so no d3 code is sent to the browser for a chart that never changes there.
 */
import { scaleLinear } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import type { TimelinePoint } from '$lib/api-types';
import { isoToUtc } from '$lib/dates';

export const SERIES = ['parties', 'partiesNotInForce', 'signatories'] as const;
export type SeriesKey = (typeof SERIES)[number];

export interface Step {
  date: string;
  value: number;
}

/** A count over time as steps from the first point to `to` (its value held to the end). */
export function stepSeries(points: TimelinePoint[], key: SeriesKey, to: string): Step[] {
  const steps = points.map((p) => ({ date: p.date, value: p[key] }));
  const last = steps[steps.length - 1];
  if (last && last.date < to) steps.push({ date: to, value: last.value });
  return steps;
}

/** The counts in force on a date: the last point on or before it (zeros before the first). */
export function countsOn(points: TimelinePoint[], date: string): Record<SeriesKey, number> {
  let found: TimelinePoint | undefined;
  for (const point of points) {
    if (point.date > date) break;
    found = point;
  }
  return { parties: found?.parties ?? 0, partiesNotInForce: found?.partiesNotInForce ?? 0, signatories: found?.signatories ?? 0 };
}

/** The counts at the end of each year from `from` to `to` (the last year at `to`): the chart's table. */
export function yearlyCounts(points: TimelinePoint[], from: string, to: string) {
  const rows: ({ year: number; date: string } & Record<SeriesKey, number>)[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const date = `${year}-12-31` < to ? `${year}-12-31` : to;
    rows.push({ year, date, ...countsOn(points, date) });
  }
  return rows;
}

export interface WithdrawalMark {
  iso3: string;
  date: string;
  /** 'notified': the notification arrived (still bound); 'effective': the state left. */
  kind: 'notified' | 'effective';
  x: number;
  y: number;
}

/** Each withdrawal notification and each withdrawal taking effect, from the timeline's changes. */
export function withdrawalEvents(points: TimelinePoint[]): Omit<WithdrawalMark, 'x' | 'y'>[] {
  const kindOf = { 'withdrawal-pending': 'notified', withdrawn: 'effective' } as const;
  return points.flatMap((point) =>
    point.change.flatMap((c) => {
      const kind = kindOf[c.to as keyof typeof kindOf];
      return kind ? [{ iso3: c.iso3, date: point.date, kind }] : [];
    }),
  );
}

/** Whole-year tick step so that there are at most `max` ticks. */
export function yearStep(years: number, max = 8): number {
  return [1, 2, 5, 10, 20, 50].find((step) => years / step <= max) ?? 100;
}

export interface TimelineChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  series: { key: SeriesKey; d: string }[];
  xTicks: { x: number; year: number }[];
  yTicks: { y: number; value: number }[];
  entryIntoForce: { x: number; date: string } | null;
  withdrawals: WithdrawalMark[];
}

/**
 * The chart's geometry. Throws a TypeError when `from` is after `to`, so a wrong range is a clear
 * error rather than an empty chart.
 */
export function buildTimelineChart({
  points,
  from,
  to,
  generalEntryIntoForce,
  width = 720,
  height = 300,
}: {
  points: TimelinePoint[];
  from: string;
  to: string;
  generalEntryIntoForce: string | null;
  width?: number;
  height?: number;
}): TimelineChart {
  if (from > to) throw new TypeError(`Expected "from" (${from}) not after "to" (${to})`);
  const plot = { left: 44, right: width - 12, top: 12, bottom: height - 28 };
  const x = scaleLinear()
    .domain([isoToUtc(from), Math.max(isoToUtc(to), isoToUtc(from) + 1)])
    .range([plot.left, plot.right]);
  const maxValue = Math.max(1, ...points.flatMap((p) => SERIES.map((key) => p[key])));
  const y = scaleLinear().domain([0, maxValue]).nice(5).range([plot.bottom, plot.top]);
  const round = (n: number) => Math.round(n * 10) / 10;

  const path = line<Step>()
    .x((s) => x(isoToUtc(s.date)))
    .y((s) => y(s.value))
    .curve(curveStepAfter)
    .digits(1);
  const series = SERIES.map((key) => ({ key, d: path(stepSeries(points, key, to)) ?? '' }));

  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  const step = yearStep(lastYear - firstYear + 1);
  const xTicks: TimelineChart['xTicks'] = [];
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
    const date = `${year}-01-01`;
    if (date >= from) xTicks.push({ x: round(x(isoToUtc(date))), year });
  }
  const yTicks = y.ticks(5).map((value) => ({ y: round(y(value)), value }));

  const inRange = (date: string) => date >= from && date <= to;
  const entryIntoForce =
    generalEntryIntoForce && inRange(generalEntryIntoForce)
      ? { x: round(x(isoToUtc(generalEntryIntoForce))), date: generalEntryIntoForce }
      : null;
  const withdrawals = withdrawalEvents(points)
    .filter((w) => inRange(w.date))
    .map((w) => ({ ...w, x: round(x(isoToUtc(w.date))), y: round(y(countsOn(points, w.date).parties)) }));

  return { width, height, plot, series, xTicks, yTicks, entryIntoForce, withdrawals };
}
