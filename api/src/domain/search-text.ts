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

/**
 * A search read into both engines' syntax: `match` for SQLite's FTS5, `tsquery` for PostgreSQL's
 * to_tsquery. The same terms either way: every term required (AND / &), a word of at least
 * MIN_PREFIX_LENGTH characters a prefix (`"word"*` / `word:*`), a quoted phrase its words in order
 * (`"a b"` / `a <-> b`).
 */
export type SearchText = { ok: true; match: string; tsquery: string } | { ok: false; problem: string };

interface Term {
  words: string[];
  prefix: boolean;
}

/** The full-text queries for a search text, or what is wrong with it in words a person can act on. */
export function readSearchText(input: string): SearchText {
  const terms: Term[] = [];
  for (const m of input.matchAll(TERM)) {
    if (m[1] !== undefined) {
      const words = m[1].match(WORD);
      if (!words?.length) continue;
      if (words.length > MAX_PHRASE_WORDS) return { ok: false, problem: `a quoted phrase may have at most ${MAX_PHRASE_WORDS} words` };
      terms.push({ words, prefix: false });
    } else if (m[2]) {
      terms.push({ words: [m[2]], prefix: m[2].length >= MIN_PREFIX_LENGTH });
    }
  }
  if (terms.length === 0) return { ok: false, problem: 'must contain at least one letter or digit' };
  if (terms.length > MAX_SEARCH_TERMS) {
    return { ok: false, problem: `has ${terms.length} words or phrases; search with at most ${MAX_SEARCH_TERMS}` };
  }
  return {
    ok: true,
    match: terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND '),
    // Words are letters and digits only (WORD), so nothing in them is tsquery syntax.
    tsquery: terms.map((t) => (t.words.length > 1 ? `(${t.words.join(' <-> ')})` : `${t.words[0]}${t.prefix ? ':*' : ''}`)).join(' & '),
  };
}
