/**
 * The printable brief on one State and one instrument: the pure rules behind it, so that they can
 * be tested without rendering. The facts all come from the advocacy list's row for the State.
 */
import type { AdvocacyRecommendation, AdvocacyState, SourceRef } from '@tracker/api/schemas';

export interface CycleGroup {
  cycle: number;
  recommendations: AdvocacyRecommendation[];
}

/**
 * The recommendations by UPR cycle, the latest cycle first: a brief is read for the next review,
 * and the latest promises are what it will be asked about. Within a cycle, the API's order
 * (oldest session first) is kept.
 */
export function groupByCycle(recommendations: readonly AdvocacyRecommendation[]): CycleGroup[] {
  const groups = new Map<number, AdvocacyRecommendation[]>();
  for (const r of recommendations) {
    const group = groups.get(r.cycle);
    if (group) group.push(r);
    else groups.set(r.cycle, [r]);
  }
  return [...groups].sort(([a], [b]) => b - a).map(([cycle, list]) => ({ cycle, recommendations: list }));
}

/** How much wording a printed page holds beside the rest of the brief (A4 and Letter, compact type). */
export const PRINT_LIMITS = { items: 8, characters: 1600 } as const;

export interface PrintCut {
  /** Ids of the recommendations printed with their wording: the first ones in the brief's order. */
  printed: Set<string>;
  /** The others: on screen in full, in print only counted, with the permalink to read them. */
  more: { count: number; supported: number; noted: number };
}

/**
 * Which recommendations a printed brief shows in full so that it stays on one page: the first
 * ones, in the brief's order, while there are at most `items` of them and their wording and
 * recommending States come to at most `characters` (the first one always, however long: a
 * single recommendation fits a page). A recommendation is printed whole or not at all, and the
 * cut never skips one to print a later, shorter one, so "the first N" stays true.
 */
export function printCut(groups: readonly CycleGroup[], limits: { items: number; characters: number } = PRINT_LIMITS): PrintCut {
  const printed = new Set<string>();
  const more = { count: 0, supported: 0, noted: 0 };
  let characters = 0;
  let full = false;
  for (const r of groups.flatMap((g) => g.recommendations)) {
    const length = r.text.length + r.recommendingStates.join(', ').length;
    if (!full && (printed.size === 0 || (printed.size < limits.items && characters + length <= limits.characters))) {
      printed.add(r.id);
      characters += length;
      continue;
    }
    full = true;
    more.count++;
    if (r.response === 'supported') more.supported++;
    if (r.response === 'noted') more.noted++;
  }
  return { printed, more };
}

/**
 * The sources behind this State's row (its status, recommendations, reviews and next CAT
 * dialogue), in the order of the list's own source list, so the brief numbers only what it cites.
 */
export function briefSources(all: readonly SourceRef[], state: AdvocacyState): SourceRef[] {
  const cited = new Set<string>([
    ...state.sourceIds,
    ...(state.upr.recommendations ?? []).map((r) => r.sourceId),
    ...(state.upr.lastReview?.sourceIds ?? []),
    ...(state.upr.nextReview?.sourceIds ?? []),
    ...(state.cat?.nextDialogue ? [state.cat.nextDialogue.sourceId] : []),
  ]);
  return all.filter((s) => cited.has(s.id));
}

/** The brief's path with its date written out, so a printed or shared copy keeps meaning that date. */
export const briefPath = (instrumentId: string, iso3: string, asOf: string) =>
  `/advocacy/${encodeURIComponent(instrumentId)}/${encodeURIComponent(iso3)}?asOf=${encodeURIComponent(asOf)}`;
