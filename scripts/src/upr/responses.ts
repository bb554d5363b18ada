/**
 * How the words the sources use for a State's response map to the normalised response. One
 * table, on purpose: a word that is not here rejects the row, so a new wording is added by hand.
 *
 * UPR Info (2015) said "Accepted" / "Noted"; OHCHR says "Supported" / "Noted"; early UN documents
 * and some databases said "Rejected" for what OHCHR now records as noted. A State can support part
 * of a recommendation and note the rest: OHCHR and UHRI then record both, which is `split`.
 */
import type { UprResponse } from '@tracker/api';

export const RESPONSE_WORDS: Readonly<Record<string, UprResponse>> = {
  accepted: 'supported',
  supported: 'supported',
  noted: 'noted',
  rejected: 'noted',
  pending: 'pending',
  'partially accepted': 'split',
  'partially supported': 'split',
  'supported/noted': 'split',
  'supported / noted': 'split',
  'noted/supported': 'split',
  'noted / supported': 'split',
};

/**
 * The normalised response for one or more words as recorded (UHRI gives one word per line for a
 * split recommendation). No words means "not recorded" (null); words that disagree give `split`,
 * unless one of them is `pending`, which cannot be combined and is an error.
 */
export function normaliseResponse(words: string[]): { response: UprResponse | null; asRecorded: string | null } | { error: string } {
  const kept = words.map((w) => w.trim()).filter((w) => w !== '');
  if (kept.length === 0) return { response: null, asRecorded: null };
  const mapped: UprResponse[] = [];
  for (const word of kept) {
    const response = RESPONSE_WORDS[word.replace(/\s+/g, ' ').toLowerCase()];
    if (!response) return { error: `unknown response "${word}"` };
    mapped.push(response);
  }
  const distinct = [...new Set(mapped)];
  const asRecorded = kept.join(' / ');
  if (distinct.length === 1) return { response: distinct[0]!, asRecorded };
  if (distinct.includes('pending')) return { error: `response "${asRecorded}" mixes pending with a position` };
  return { response: 'split', asRecorded };
}
