/**
 * The last step of every recommendation parser: give each draft its stable id. The records are
 * validated against the dataset schemas once, where they are used: by the import service
 * (api/src/services/upr-import.ts, which refuses the file naming each record and its line) and by
 * the normaliser before it writes the seed (validating here too cost an import a tenth of its time).
 */
import type { UprPledgeRecord, UprRecommendationRecord } from '@tracker/api';
import { assignStableIds, type Rejection } from './common.js';

export type RecommendationDraft = Omit<UprRecommendationRecord, 'id'>;
export type PledgeDraft = Omit<UprPledgeRecord, 'id'>;

/** Source families, the first part of a recommendation id. */
export const ID_FAMILIES = {
  uprInfo: 'upr-info',
  uprInfoPledge: 'upr-info-pledge',
  ohchrThematicList: 'ohchr-tl',
  uhri: 'uhri',
} as const;

export function finishRecommendations(family: string, drafts: RecommendationDraft[]): UprRecommendationRecord[] {
  const ids = assignStableIds(drafts, (d) => ({
    family,
    session: d.session,
    iso3: d.stateUnderReviewIso3,
    parts: [d.text, ...d.recommendingStates.map((s) => s.nameAsRecorded)],
  }));
  return drafts.map((draft, i) => ({ id: ids[i]!, ...draft }));
}

export function finishPledges(family: string, drafts: PledgeDraft[]): UprPledgeRecord[] {
  const ids = assignStableIds(drafts, (d) => ({ family, session: d.session, iso3: d.stateIso3, parts: [d.text] }));
  return drafts.map((draft, i) => ({ id: ids[i]!, ...draft }));
}

/** Rejections in line order, as a reader of the raw file would look for them. */
export function byLine(rejected: Rejection[]): Rejection[] {
  return [...rejected].sort((a, b) => a.line - b.line);
}
