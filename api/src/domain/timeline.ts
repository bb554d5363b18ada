/**
 * Counts of states per status over time, for charts and the map's date slider.
 *
 * Efficient by construction: each state's history (status-engine.ts) already lists the dates on
 * which its status changes, including computed dates of effect, so the timeline only visits those
 * dates instead of every day between `from` and `to`.
 */
import type { IsoDate, ParticipationEvent, Status } from './types.js';
import { assertIsoDate } from './entry-into-force.js';
import { collectiveFor, emptyCounts, segmentAt, stateHistories, type Instrument, type ParentEvents } from './status-engine.js';

export interface TimelinePoint {
  date: IsoDate;
  /** Bound by the instrument: 'party' plus 'withdrawal-pending' (a pending withdrawal still binds). */
  parties: number;
  /** Consent deposited, not yet in force. */
  partiesNotInForce: number;
  /** Signed, not (yet) bound; a withdrawn signature is not counted. */
  signatories: number;
  /** Every status, so a chart can show any of them. */
  counts: Record<Status, number>;
  /** The states whose status changed on `date`, by ISO3. Empty on the first point (the baseline). */
  change: { iso3: string; from: Status; to: Status }[];
}

function point(date: IsoDate, counts: Record<Status, number>, change: TimelinePoint['change']): TimelinePoint {
  return {
    date,
    parties: counts.party + counts['withdrawal-pending'],
    partiesNotInForce: counts['party-not-in-force'],
    signatories: counts.signatory,
    counts: { ...counts },
    change,
  };
}

/**
 * The counts on `from` (first point, `change: []`), then one point per date in (`from`, `to`] on
 * which the count of some status changes. Two states swapping statuses on the same day leave every
 * count unchanged and give no point.
 * `parent`: required for art. 121(4) instruments, as in `instrumentStatus`.
 */
export function timeline(
  instrument: Instrument,
  events: readonly ParticipationEvent[],
  states: readonly string[],
  from: IsoDate,
  to: IsoDate,
  parent?: ParentEvents,
): TimelinePoint[] {
  assertIsoDate(from);
  assertIsoDate(to);
  if (to < from) throw new TypeError(`Expected "to" (${to}) on or after "from" (${from})`);
  for (const e of events) {
    if (e.instrumentId !== instrument.id) {
      throw new TypeError(`Expected events of instrument "${instrument.id}", got event ${e.id} of "${e.instrumentId}"`);
    }
  }
  // Unlike instrumentStatus, the collective date is used whenever it falls: the timeline looks
  // back from today, not from each of its dates.
  const collective = collectiveFor(instrument, events, parent);
  const histories = stateHistories(instrument, events, states, collective, parent);

  const counts = emptyCounts();
  const changesByDate = new Map<IsoDate, TimelinePoint['change']>();
  for (const [iso3, { history }] of histories) {
    counts[segmentAt(history, from).status]++;
    const { segments } = history;
    for (let i = 1; i < segments.length; i++) {
      const date = segments[i]!.from!;
      const before = segments[i - 1]!.status;
      const after = segments[i]!.status;
      if (date <= from || date > to || before === after) continue;
      const list = changesByDate.get(date) ?? [];
      list.push({ iso3, from: before, to: after });
      changesByDate.set(date, list);
    }
  }

  const points = [point(from, counts, [])];
  for (const date of [...changesByDate.keys()].sort()) {
    const change = changesByDate.get(date)!.sort((a, b) => a.iso3.localeCompare(b.iso3));
    for (const c of change) {
      counts[c.from]--;
      counts[c.to]++;
    }
    const previous = points[points.length - 1]!.counts;
    if (Object.entries(counts).some(([status, n]) => previous[status as Status] !== n)) {
      points.push(point(date, counts, change));
    }
  }
  return points;
}
