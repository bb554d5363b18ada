/**
 * Pure helpers of the follow-up pages: the list's filters, progress as chart segments, the
 * actions that are overdue, who may edit, and form fields as the API's write bodies (the API
 * validates them and answers a 400 naming the field at fault).
 */
import type { FollowUpPlan, SessionInfo } from '@tracker/api/schemas';

/** Query parameters of /follow-up (the API's names). */
export const FOLLOW_UP_KEYS = ['state', 'cycle', 'organisation'] as const;
export type FollowUpQuery = Record<(typeof FOLLOW_UP_KEYS)[number], string | null>;

export function readFollowUpQuery(params: URLSearchParams): FollowUpQuery {
  const value = (key: string) => params.get(key)?.trim() || null;
  return { state: value('state')?.toUpperCase() ?? null, cycle: value('cycle'), organisation: value('organisation') };
}

/** Progress statuses from done to not begun, then those without an update: the order of chart segments and legends. */
export const PROGRESS_ORDER = [
  'implemented',
  'partially-implemented',
  'in-progress',
  'not-started',
  'no-longer-relevant',
  'no-update',
] as const;
export type ProgressKey = (typeof PROGRESS_ORDER)[number];

/** A cluster's or plan's counts as chart segments (shares of the whole, in per cent), the empty ones left out. */
export function progressSegments(counts: Partial<Record<ProgressKey, number>>) {
  const total = PROGRESS_ORDER.reduce((n, k) => n + (counts[k] ?? 0), 0);
  return PROGRESS_ORDER.filter((k) => (counts[k] ?? 0) > 0).map((status) => ({
    status,
    count: counts[status]!,
    share: total ? (100 * counts[status]!) / total : 0,
  }));
}

/** Actions past their target date and not completed or cancelled, soonest first, with their recommendation. */
export function overdueActions(plan: FollowUpPlan) {
  return plan.clusters
    .flatMap((c) =>
      c.recommendations.flatMap((r) => r.actions.filter((a) => a.overdue).map((a) => ({ ...a, recommendation: r, cluster: c.title }))),
    )
    .sort((a, b) => (a.targetDate ?? '').localeCompare(b.targetDate ?? ''));
}

/** Whether the signed-in reader (every account is an editor or an admin) may change the plan: one of the organisation that owns it. */
export const mayEditPlan = (plan: Pick<FollowUpPlan, 'organisation'>, session: SessionInfo | null) =>
  !!session?.user && session.user.organisation === plan.organisation;

type Values = Record<string, string | null>;

/**
 * The new-plan form: all of a review's recommendations, the ids listed (separated by spaces,
 * commas or lines), or those a search found (`found`, the ids the UPR search gave for the form's
 * words, theme and response within the review).
 */
export function planBody(v: Values, found: string[] | null = null) {
  const ids = (v.recommendationIds ?? '').split(/[\s,]+/).filter(Boolean);
  return {
    reviewId: v.reviewId?.trim().toUpperCase() ?? '',
    title: v.title ?? '',
    description: v.description,
    clusterBy: v.clusterBy ?? 'theme',
    recommendations: v.scope === 'search' ? (found ?? []) : v.scope === 'chosen' ? ids : 'all',
  };
}

/** A review id ("SVN-48") as the UPR search's State and session, or null when it is not one. */
export function reviewSearch(reviewId: string | null | undefined) {
  const m = /^([A-Za-z]{3})-(\d{1,2})$/.exec(reviewId?.trim() ?? '');
  return m ? { state: m[1]!.toUpperCase(), session: m[2]! } : null;
}

export const actionBody = (itemId: string, v: Values) => ({
  itemId,
  description: v.description ?? '',
  responsibleBody: v.responsibleBody,
  targetDate: v.targetDate,
  status: v.status ?? 'planned',
});

export const updateBody = (itemId: string, v: Values) => ({
  itemId,
  status: v.status ?? '',
  date: v.date ?? '',
  narrative: v.narrative ?? '',
  sourceUrl: v.sourceUrl,
  documentSymbol: v.documentSymbol,
});

export const indicatorBody = (itemId: string, v: Values) => ({
  itemId,
  description: v.description ?? '',
  baseline: v.baseline,
  target: v.target,
});

export const otherRecommendationBody = (v: Values) => ({
  mechanism: v.mechanism ?? '',
  documentSymbol: v.documentSymbol ?? '',
  paragraph: v.paragraph,
  text: v.text ?? '',
  clusterId: v.clusterId ?? '',
});

/** The plan's address; with a date, as of that date. */
export const planHref = (id: string, asOf?: string | null) => `/follow-up/plans/${encodeURIComponent(id)}${asOf ? `?asOf=${asOf}` : ''}`;
