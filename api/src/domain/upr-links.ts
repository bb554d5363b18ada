/**
 * The seam between the UPR store and the classifier (upr-linking.ts): what the database records
 * for each recommendation, one row per instrument and action asked.
 */
import type { UprLinkOut } from '../db/upr-store.js';

// Placeholder until the classifier lands: no links.
export function linkRecommendation(_text: string): UprLinkOut[] {
  return [];
}
