/**
 * OHCHR "Thematic list of recommendations" of one review, read from the text of the document
 * itself: the layout of the Slovenia copies (data/raw/upr/slovenia_ohchr-thematic-list_*.md, text
 * conversions of the OHCHR Word documents, one table cell per line). The thematic-list CSV
 * (thematic-list.ts) is the same content one row per recommendation; both give the same records
 * and ids (tested on the three real documents).
 *
 *   # UPR 48th Session - Slovenia - Thematic List of Recommendations      <- State and session
 *   Theme: Ratification of &amp; accession to international instruments   <- heading (not kept)
 *   140.7 Ratify the Optional Protocol … (Maldives) (Portugal);            <- paragraph, text, States
 *   Source of Position: A/HRC/59/15/Add.1 - Para.3                         <- where the position was given
 *   Supported                                                              <- position
 *   - Ratification of &amp; accession to international instruments        <- themes ("A12 …" lines in 2014)
 *   Groups of Persons: / Affected persons:                                 <- affected persons follow
 *   SDGs:                                                                  <- SDGs follow ("1 - NO POVERTY")
 *
 * Lists of the 2020s put the SDGs after the groups of persons without a label of their own: an item
 * of the form "16 - PEACE, JUSTICE …" is an SDG wherever it stands. The WG report is the symbol the
 * position cites, without its addendum (A/HRC/59/15/Add.1 is an addendum to A/HRC/59/15). A line
 * that fits none of this refuses the file with its line number: the layout is not guessed at.
 */
import type { UprRecommendationRecord } from '@tracker/api';
import { decodeCharacterReferences, parseSession, type ParseResult, type Rejection, type UnresolvedName } from './common.js';
import type { StateNameResolver } from './names.js';
import { byLine, finishRecommendations, ID_FAMILIES, type RecommendationDraft } from './records.js';
import { normaliseResponse } from './responses.js';
import { uprReviewId } from '@tracker/api';

export interface ThematicListTextOptions {
  sourceId: string;
  states: StateNameResolver;
}

const TITLE = /^#\s*UPR\s+(\d+)(?:st|nd|rd|th)?\s+Session\s+-\s+(.+?)\s+-\s+Thematic List of Recommendations\s*$/i;
const RECOMMENDATION = /^(\d+\.\d+)\s+(.+)$/;
const SOURCE_OF_POSITION = /^Source of position:\s*(.*)$/i;
const PERSONS_LABEL = /^(?:Affected persons|Groups of persons):\s*$/i;
const SDGS_LABEL = /^SDGs:\s*$/i;
const SDG = /^\d{1,2} - \S/;
/** Theme codes of the lists before 2017, e.g. "A12 Acceptance of international norms". */
const THEME_CODE = /^[A-Z]\d+ \S/;
/** The document's own lines that carry no recommendation: front matter, table headers, theme headings. */
const NOT_A_RECOMMENDATION = [
  /^\*\*[^*]+:\*\*/,
  /^---$/,
  /^## /,
  /^Theme: /,
  /^(?:Recommendation|Position|Full list of themes|Assessment\/comments on level of implementation)$/,
  /^(?:Recommendation and recommending State|Position of the State under review|Human rights themes and groups of persons|Relevant SDGs)$/,
];

interface Block {
  line: number;
  paragraph: string;
  text: string[];
  positionSource: string | null;
  position: string | null;
  themes: string[];
  persons: string[];
  sdgs: string[];
  list: 'themes' | 'persons' | 'sdgs';
}

export function parseThematicListText(text: string, options: ThematicListTextOptions): ParseResult<UprRecommendationRecord> {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => decodeCharacterReferences(l).trim());
  const titleAt = lines.findIndex((l) => l !== '');
  const refusedTitle = (reason: string) => ({ records: [], rejected: [{ line: titleAt + 1, reason }], unresolved: [] });
  const title = TITLE.exec(lines[titleAt] ?? '');
  if (!title)
    return refusedTitle(
      'expected the title "# UPR <session> Session - <State> - Thematic List of Recommendations" (the layout of the Slovenia copies)',
    );
  const session = parseSession(title[1]);
  if ('error' in session) return refusedTitle(session.error);
  const surIso3 = options.states.resolve(title[2]!);
  if (!surIso3) return refusedTitle(`unknown State under review "${title[2]}"`);

  const rejected: Rejection[] = [];
  const unresolved: UnresolvedName[] = [];
  const drafts: RecommendationDraft[] = [];
  let block: Block | null = null;

  const finish = () => {
    if (!block) return;
    const b = block;
    block = null;
    const reject = (reason: string) => rejected.push({ line: b.line, reason: `recommendation ${b.paragraph}: ${reason}` });
    // As printed, with the conversion's runs of spaces made one.
    const body = b.text.join(' ').replace(/\s+/g, ' ');
    const names = recommendingStateNames(body, (name) => options.states.resolve(name) !== null);
    if (names.length === 0) return reject('no recommending State in brackets at the end of the text');
    if (b.position === null) return reject('no position (Supported / Noted) after the source of position');
    const response = normaliseResponse([b.position]);
    if ('error' in response) return reject(response.error);
    drafts.push({
      reviewId: uprReviewId(surIso3, session.session),
      session: session.session,
      cycle: session.cycle,
      stateUnderReviewIso3: surIso3,
      paragraph: b.paragraph,
      text: body,
      recommendingStates: names.map((name) => {
        const iso3 = options.states.resolve(name);
        if (!iso3) unresolved.push({ line: b.line, name });
        return { iso3, nameAsRecorded: name };
      }),
      response: response.response,
      responseAsRecorded: response.asRecorded,
      responseSource: b.positionSource,
      actionCategory: null,
      themes: b.themes,
      sdgs: b.sdgs,
      affectedPersons: b.persons,
      documentSymbol: b.positionSource ? (/^(A\/HRC\/\d+\/\d+)/.exec(b.positionSource)?.[1] ?? null) : null,
      documentDate: null,
      externalId: null,
      sourceId: options.sourceId,
      sourceLine: b.line,
    });
  };

  for (let i = titleAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    if (line === '') continue;
    const start = RECOMMENDATION.exec(line);
    if (start) {
      finish();
      block = {
        line: n,
        paragraph: start[1]!,
        text: [start[2]!],
        positionSource: null,
        position: null,
        themes: [],
        persons: [],
        sdgs: [],
        list: 'themes',
      };
      continue;
    }
    if (NOT_A_RECOMMENDATION.some((re) => re.test(line))) {
      finish();
      continue;
    }
    const b = block;
    if (!b) {
      rejected.push({ line: n, reason: `not part of the thematic-list layout: "${line.slice(0, 80)}"` });
      continue;
    }
    const source = SOURCE_OF_POSITION.exec(line);
    if (b.positionSource === null && source) b.positionSource = source[1] || null;
    else if (b.positionSource === null && b.position === null)
      b.text.push(line); // the text goes on
    else if (b.position === null) b.position = line;
    else if (PERSONS_LABEL.test(line)) b.list = 'persons';
    else if (SDGS_LABEL.test(line)) b.list = 'sdgs';
    else if (line.startsWith('- ')) {
      const item = line.slice(2).trim();
      if (SDG.test(item)) b.sdgs.push(item);
      else b[b.list].push(item);
    } else if (b.list === 'themes' && THEME_CODE.test(line)) b.themes.push(line);
    else rejected.push({ line: n, reason: `recommendation ${b.paragraph}: unexpected line "${line.slice(0, 80)}"` });
  }
  finish();

  // Lists from before the 2030 Agenda tag no SDGs at all: not recorded (null), not "none" ([]).
  if (!drafts.some((d) => d.sdgs!.length > 0)) for (const d of drafts) d.sdgs = null;
  const records = finishRecommendations(ID_FAMILIES.ohchrThematicList, drafts);
  return { records, rejected: byLine(rejected), unresolved };
}

/**
 * The recommending States: the bracketed names that close the text, or each of its
 * recommendations when OHCHR merged several into one paragraph ("… (Ukraine); Increase … (Slovakia);").
 * "(Maldives) (Portugal)" and "(Portugal, Slovakia)" both name two; brackets inside a name
 * ("Bolivia (Plurinational State of)") are kept with it. The last group is always the States; a
 * group before it counts only when every name in it is a State, so "Convention, 1930 (No. 29)
 * (United Kingdom …)" and "Migrant Workers … (ICRMW) (Iran …)" name one State each.
 */
export function recommendingStateNames(text: string, isState: (name: string) => boolean): string[] {
  const names: string[] = [];
  for (const part of text.split(/;\s*/)) {
    const groups: string[][] = [];
    let end = part.replace(/[\s.;]+$/, '').length;
    // Bracket groups from the end, balanced, while nothing but spaces separates them.
    while (end > 0 && part[end - 1] === ')') {
      let depth = 0;
      let start = end - 1;
      for (; start >= 0; start--) {
        if (part[start] === ')') depth++;
        else if (part[start] === '(' && --depth === 0) break;
      }
      if (start < 0) break;
      const group = splitTopLevel(part.slice(start + 1, end - 1)).filter((name) => name !== '');
      if (groups.length > 0 && !group.every(isState)) break;
      groups.unshift(group);
      end = part.slice(0, start).trimEnd().length;
    }
    names.push(...groups.flat());
  }
  return names;
}

/** Splits on commas outside brackets: "Portugal, Bolivia (Plurinational State of)". */
function splitTopLevel(group: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < group.length; i++) {
    if (group[i] === '(') depth++;
    else if (group[i] === ')') depth--;
    else if (group[i] === ',' && depth === 0) {
      out.push(group.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(group.slice(from).trim());
  return out;
}
