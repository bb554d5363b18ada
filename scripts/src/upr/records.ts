/**
 * The last step of every recommendation parser: give each draft its stable id and validate it
 * with the dataset schema, so a parser never returns a record the seed would refuse.
 */
import { UprPledgeRecord, UprRecommendationRecord } from '@tracker/api/schemas/upr-dataset';
import { assignStableIds, zodReason, type Rejection } from './common.js';

export type RecommendationDraft = Omit<UprRecommendationRecord, 'id'>;
export type PledgeDraft = Omit<UprPledgeRecord, 'id'>;

/** Source families, the first part of a recommendation id. */
export const ID_FAMILIES = {
  uprInfo: 'upr-info',
  uprInfoPledge: 'upr-info-pledge',
  ohchrThematicList: 'ohchr-tl',
  uhri: 'uhri',
} as const;

export function finishRecommendations(family: string, drafts: RecommendationDraft[], rejected: Rejection[]): UprRecommendationRecord[] {
  const ids = assignStableIds(drafts, (d) => ({
    family,
    session: d.session,
    iso3: d.stateUnderReviewIso3,
    parts: [d.text, ...d.recommendingStates.map((s) => s.nameAsRecorded)],
  }));
  const records: UprRecommendationRecord[] = [];
  drafts.forEach((draft, i) => {
    const result = UprRecommendationRecord.safeParse({ id: ids[i], ...draft });
    if (result.success) records.push(result.data);
    else rejected.push({ line: draft.sourceLine, reason: zodReason(result.error) });
  });
  return records;
}

export function finishPledges(family: string, drafts: PledgeDraft[], rejected: Rejection[]): UprPledgeRecord[] {
  const ids = assignStableIds(drafts, (d) => ({ family, session: d.session, iso3: d.stateIso3, parts: [d.text] }));
  const records: UprPledgeRecord[] = [];
  drafts.forEach((draft, i) => {
    const result = UprPledgeRecord.safeParse({ id: ids[i], ...draft });
    if (result.success) records.push(result.data);
    else rejected.push({ line: draft.sourceLine, reason: zodReason(result.error) });
  });
  return records;
}

/** Rejections in line order, as a reader of the raw file would look for them. */
export function byLine(rejected: Rejection[]): Rejection[] {
  return [...rejected].sort((a, b) => a.line - b.line);
}
