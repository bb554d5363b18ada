/**
 * Which states a group filter selects: the M49 region, the UN regional group, least developed
 * countries, small island developing states and ODA recipients. One rule for every list that
 * filters states (the states list, the status of an instrument, the CAT reporting list, the
 * advocacy lists), so that "LDC or SIDS" means the same everywhere.
 *
 * By default every given filter must hold ("ldc=true&group=african": African LDCs). With
 * `combine: 'any'` one is enough ("ldc=true&sids=true&combine=any": LDCs and small island states
 * together), which is how campaigners name their target groups.
 */
import type { UnRegionalGroup } from './vocabulary.js';

export const GROUP_COMBINATIONS = ['all', 'any'] as const;
export type GroupCombination = (typeof GROUP_COMBINATIONS)[number];

/** The group facts of one state. */
export interface StateGroupFacts {
  /** Its M49 region, sub-region and intermediate region codes. */
  regionCodes: readonly string[];
  unRegionalGroup: UnRegionalGroup | null;
  /** A least developed country now (not graduated). */
  ldc: boolean;
  sids: boolean;
  /** On the ODA recipients list; null when not recorded (matches neither true nor false). */
  oda: boolean | null;
}

export interface StateGroupFilters {
  region?: string | undefined;
  group?: UnRegionalGroup | undefined;
  ldc?: boolean | undefined;
  sids?: boolean | undefined;
  oda?: boolean | undefined;
  combine?: GroupCombination | undefined;
}

/** The filters given, each as a test; an empty list when none is. */
function tests(filters: StateGroupFilters): ((facts: StateGroupFacts) => boolean)[] {
  const out: ((facts: StateGroupFacts) => boolean)[] = [];
  const { region, group, ldc, sids, oda } = filters;
  if (region !== undefined) out.push((f) => f.regionCodes.includes(region));
  if (group !== undefined) out.push((f) => f.unRegionalGroup === group);
  if (ldc !== undefined) out.push((f) => f.ldc === ldc);
  if (sids !== undefined) out.push((f) => f.sids === sids);
  if (oda !== undefined) out.push((f) => f.oda === oda);
  return out;
}

export const hasGroupFilters = (filters: StateGroupFilters) => tests(filters).length > 0;

/** Whether a state is selected: every filter holds (`combine: 'all'`, the default) or one does (`'any'`). */
export function matchesGroups(facts: StateGroupFacts, filters: StateGroupFilters): boolean {
  const checks = tests(filters);
  if (checks.length === 0) return true;
  return filters.combine === 'any' ? checks.some((t) => t(facts)) : checks.every((t) => t(facts));
}
