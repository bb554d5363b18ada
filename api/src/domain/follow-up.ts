/**
 * Pure rules of UPR follow-up plans (docs: api/src/domain/README.md, "UPR follow-up plans").
 */
import type { ActionStatus, ClusterBasis, ProgressStatus } from './vocabulary.js';

/** A recommendation as clustering reads it: its facets as the UPR data records them (UHRI annotations). */
export interface ClusterableRecommendation {
  id: string;
  themes: readonly string[] | null;
  affectedPersons: readonly string[] | null;
  sdgs: readonly string[] | null;
}

/** The title of the cluster for recommendations the chosen facet does not classify. */
export const UNCLASSIFIED_CLUSTER = 'Not classified';

/**
 * Suggested clusters: each recommendation under its first theme (or affected group, or SDG) as the
 * data lists it, largest cluster first, then by title; those without one together last. With
 * `none`, one cluster of all. Only a suggestion: the organisation renames, merges and moves.
 */
export function suggestClusters(recommendations: readonly ClusterableRecommendation[], basis: ClusterBasis, allTitle: string) {
  if (basis === 'none') return recommendations.length ? [{ title: allTitle, recommendationIds: recommendations.map((r) => r.id) }] : [];
  const facet = (r: ClusterableRecommendation) =>
    (basis === 'theme' ? r.themes : basis === 'sdg' ? r.sdgs : r.affectedPersons)?.[0] ?? null;
  const groups = new Map<string, string[]>();
  const unclassified: string[] = [];
  for (const r of recommendations) {
    const title = facet(r);
    if (title === null) unclassified.push(r.id);
    else groups.set(title, [...(groups.get(title) ?? []), r.id]);
  }
  const clusters = [...groups]
    .map(([title, recommendationIds]) => ({ title, recommendationIds }))
    .sort((a, b) => b.recommendationIds.length - a.recommendationIds.length || a.title.localeCompare(b.title));
  if (unclassified.length) clusters.push({ title: UNCLASSIFIED_CLUSTER, recommendationIds: unclassified });
  return clusters;
}

export interface ProgressUpdate {
  id: number;
  itemId: string;
  status: ProgressStatus;
  date: string;
}

/**
 * Each recommendation's progress as of `asOf`: its latest update dated on or before it (of two on
 * the same date, the one recorded later). Recommendations with none are not in the map.
 */
export function progressAsOf<U extends ProgressUpdate>(updates: readonly U[], asOf: string): Map<string, U> {
  const latest = new Map<string, U>();
  for (const u of updates) {
    if (u.date > asOf) continue;
    const seen = latest.get(u.itemId);
    if (!seen || u.date > seen.date || (u.date === seen.date && u.id > seen.id)) latest.set(u.itemId, u);
  }
  return latest;
}

/** How many recommendations stand at each progress status, and how many have no update yet. */
export function progressCounts(itemIds: readonly string[], latest: ReadonlyMap<string, { status: ProgressStatus }>) {
  const counts: Record<ProgressStatus | 'no-update', number> = {
    implemented: 0,
    'partially-implemented': 0,
    'in-progress': 0,
    'not-started': 0,
    'no-longer-relevant': 0,
    'no-update': 0,
  };
  for (const id of itemIds) counts[latest.get(id)?.status ?? 'no-update']++;
  return counts;
}

/** An action is overdue when its target date has passed and it is neither completed nor cancelled. */
export const isOverdue = (action: { targetDate: string | null; status: ActionStatus }, today: string) =>
  action.targetDate !== null && action.targetDate < today && action.status !== 'completed' && action.status !== 'cancelled';
