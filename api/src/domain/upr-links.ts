/**
 * The seam between the UPR store and the classifier (upr-linking.ts): what the database records
 * for each recommendation, one row per instrument and action asked.
 */
import type { UprLinkOut } from '../db/upr-store.js';

/** What a recommendation asks of a State about one of our instruments (public ids). */
export const UPR_LINK_ACTIONS = [
  'ratify-accede',
  'withdraw-reservations-declarations',
  'implement-national-law',
  'cooperate-with-court',
  'report-to-committee',
] as const;
export type UprLinkAction = (typeof UPR_LINK_ACTIONS)[number];

// Placeholder until the classifier lands: no links.
export function linkRecommendation(_text: string): UprLinkOut[] {
  return [];
}
