/**
 * Group progress: how many of a group's members are States Parties to an instrument, and who they
 * are. The groups are the ones campaigns and reports name: the five UN regional groups, the five
 * M49 regions, the least developed countries and the small island developing States. Each group is
 * a state filter (state-groups.ts), so its members are exactly the states `GET /api/states` lists
 * with the same filter.
 *
 * Membership is the current one: the data records when an LDC graduated but not when any State
 * became an LDC, nor past changes of region or group, so a count over time is over today's members.
 */
import type { StateGroupFilters } from './state-groups.js';
import type { TimelinePoint } from './timeline.js';
import { STATUSES, type Status } from './types.js';
import { UN_REGIONAL_GROUPS, type UnRegionalGroup } from './vocabulary.js';

export const PROGRESS_GROUP_KINDS = ['un-group', 'region', 'ldc', 'sids'] as const;
export type ProgressGroupKind = (typeof PROGRESS_GROUP_KINDS)[number];

/** The five M49 regions (Africa, Americas, Asia, Europe, Oceania), in M49 code order. */
export const M49_REGIONS = ['002', '009', '019', '142', '150'] as const;

export interface ProgressGroup {
  id: string;
  kind: ProgressGroupKind;
  /** The English name; null for an M49 region, whose name the states data gives. */
  label: string | null;
  /** The filter that selects the members, as `GET /api/states` takes it. */
  filters: StateGroupFilters;
}

const UN_GROUP_NAMES: Record<UnRegionalGroup, string> = {
  african: 'African Group',
  'asia-pacific': 'Asia-Pacific Group',
  'eastern-european': 'Eastern European Group',
  'latin-american-caribbean': 'Latin American and Caribbean Group',
  'western-european-others': 'Western European and Others Group',
};

/** Every group, in the order pages show them: UN regional groups, M49 regions, LDCs, SIDS. */
export const PROGRESS_GROUPS: readonly ProgressGroup[] = [
  ...UN_REGIONAL_GROUPS.map((group): ProgressGroup => ({ id: group, kind: 'un-group', label: UN_GROUP_NAMES[group], filters: { group } })),
  ...M49_REGIONS.map((region): ProgressGroup => ({ id: `m49-${region}`, kind: 'region', label: null, filters: { region } })),
  { id: 'ldc', kind: 'ldc', label: 'Least developed countries', filters: { ldc: true } },
  { id: 'sids', kind: 'sids', label: 'Small island developing States', filters: { sids: true } },
];

/** The group filter as query parameters of `GET /api/states`. */
export const statesQueryOf = (filters: StateGroupFilters): Record<string, string> =>
  Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );

export interface MemberStatus {
  iso3: string;
  name: string;
  status: Status;
  uncertain: boolean;
}

/** Whether a status counts as a State Party, as the depositary counts: a pending withdrawal still binds. */
export const isStateParty = (status: Status) => status === 'party' || status === 'withdrawal-pending';

/**
 * The members' statuses on one date: how many are States Parties and signatories, and the members
 * under each status (in the order given). Every status appears, with an empty list when no member has it.
 */
export function groupStanding(members: readonly MemberStatus[]) {
  type Member = Omit<MemberStatus, 'status'>;
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, [] as Member[]])) as Record<Status, Member[]>;
  for (const { iso3, name, status, uncertain } of members) {
    const list = byStatus[status];
    if (!list) throw new TypeError(`Unknown status "${status}" for ${iso3}`);
    list.push({ iso3, name, uncertain });
  }
  return {
    members: members.length,
    statesParties: members.filter((m) => isStateParty(m.status)).length,
    signatories: byStatus.signatory.length,
    byStatus,
  };
}

/**
 * The chart's points from a timeline: its first point, then each date on which the number of States
 * Parties changes (a timeline also has points where only other statuses change, such as signatures).
 */
export function progressSeries(points: readonly Pick<TimelinePoint, 'date' | 'parties'>[]) {
  const series: { date: string; statesParties: number }[] = [];
  for (const { date, parties } of points) {
    if (series.at(-1)?.statesParties !== parties) series.push({ date, statesParties: parties });
  }
  return series;
}
