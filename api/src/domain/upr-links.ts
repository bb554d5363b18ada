/**
 * What the UPR store records for each recommendation: one row per linked instrument and action
 * (action null when the text names the instrument but asks none of the tracked actions). The
 * classifier and its measured precision and recall are in upr-linking.ts.
 */
export { linkRecommendationPairs as linkRecommendation, UPR_LINK_ACTIONS, type UprLinkAction } from './upr-linking.js';
