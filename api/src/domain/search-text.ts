/**
 * A user's search text for the UPR full-text index, read into FTS5 syntax, with limits that bound
 * what one search can cost.
 *
 * Each word becomes a term (stemmed by the porter tokenizer, so "ratif" also finds ratify,
 * ratified, ratification); "quoted phrases" stay phrases. Operators and punctuation are dropped,
 * never passed through, so no input can be an FTS5 syntax error.
 *
 * Why the limits: the index has no prefix index (it costs more to build than it saves on real
 * searches), so a prefix term scans every indexed word that starts with it. A one-letter prefix
 * ("a*") reads a large part of the index, and ninety of them in one query kept the server busy for
 * seconds. So a word of fewer than {@link MIN_PREFIX_LENGTH} characters is matched as a whole word
 * (no prefix expansion), and a search has at most {@link MAX_SEARCH_TERMS} terms.
 */

export const MAX_SEARCH_TERMS = 10;
export const MIN_PREFIX_LENGTH = 3;
/** A quoted phrase longer than this reads as several terms to a person; it is refused like them. */
export const MAX_PHRASE_WORDS = 12;

const TERM = /"([^"]*)"|([\p{L}\p{N}]+)/gu;
const WORD = /[\p{L}\p{N}]+/gu;

export type SearchText = { ok: true; match: string } | { ok: false; problem: string };

/** The FTS5 query for a search text, or what is wrong with it in words a person can act on. */
export function readSearchText(input: string): SearchText {
  const terms: string[] = [];
  for (const m of input.matchAll(TERM)) {
    if (m[1] !== undefined) {
      const words = m[1].match(WORD);
      if (!words?.length) continue;
      if (words.length > MAX_PHRASE_WORDS) return { ok: false, problem: `a quoted phrase may have at most ${MAX_PHRASE_WORDS} words` };
      terms.push(`"${words.join(' ')}"`);
    } else if (m[2]) {
      terms.push(m[2].length >= MIN_PREFIX_LENGTH ? `"${m[2]}"*` : `"${m[2]}"`);
    }
  }
  if (terms.length === 0) return { ok: false, problem: 'must contain at least one letter or digit' };
  if (terms.length > MAX_SEARCH_TERMS) {
    return { ok: false, problem: `has ${terms.length} words or phrases; search with at most ${MAX_SEARCH_TERMS}` };
  }
  return { ok: true, match: terms.join(' AND ') };
}
