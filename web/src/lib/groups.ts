/**
 * The groups states are filtered by: M49 regions (region, sub-region, intermediate region) and
 * UN regional groups. Names come from the message catalogue (`m49.<code>`, `unGroup.<id>`); an
 * M49 code missing from it falls back to the English name the API gives.
 */
import type { TFunction } from 'i18next';
import type { State } from '$lib/api-types';

export interface RegionOption {
  code: string;
  /** English name from the API, the fallback label. */
  name: string;
  level: 'region' | 'subRegion' | 'intermediateRegion';
}

/** Every M49 code used by at least one state, each once, regions first. */
export function regionOptions(states: Pick<State, 'region' | 'subRegion' | 'intermediateRegion'>[]): RegionOption[] {
  const seen = new Map<string, RegionOption>();
  for (const level of ['region', 'subRegion', 'intermediateRegion'] as const) {
    for (const state of states) {
      const value = state[level];
      if (value && !seen.has(value.code)) seen.set(value.code, { code: value.code, name: value.name, level });
    }
  }
  return [...seen.values()];
}

export const m49Name = (t: TFunction, code: string, fallback: string): string => t(`m49.${code}`, { defaultValue: fallback });
