/**
 * OHCHR "Thematic list of recommendations" of one review, as our one-row-per-recommendation CSV
 * (data/raw/upr/slovenia_upr-recommendations_cycles2-4_ohchr-thematic-lists.csv): paragraph in
 * the WG report, text with the recommending States in brackets, the States again in
 * `recommending_states` ("; " between them), the position and where it was given, themes,
 * affected persons and SDGs (" | " between values).
 */
import type { UprRecommendationRecord } from '@tracker/api';
import {
  cell,
  missingColumns,
  parseSession,
  readTable,
  splitList,
  type ParseResult,
  type Rejection,
  type TableInput,
  type UnresolvedName,
} from './common.js';
import type { StateNameResolver } from './names.js';
import { byLine, finishRecommendations, ID_FAMILIES, type RecommendationDraft } from './records.js';
import { normaliseResponse } from './responses.js';
import { uprReviewId } from '@tracker/api';

export const THEMATIC_LIST_COLUMNS = [
  'state_under_review',
  'iso3',
  'cycle',
  'wg_session',
  'review_year',
  'wg_report_symbol',
  'paragraph',
  'recommendation_text',
  'recommending_states',
  'position',
  'source_of_position',
  'thematic_list_heading',
  'themes',
  'affected_persons',
  'sdgs',
] as const;

type Column = (typeof THEMATIC_LIST_COLUMNS)[number];

export interface ThematicListOptions {
  sourceId: string;
  states: StateNameResolver;
}

/**
 * Parses the thematic-list CSV. A row is refused when its State under review is unknown or
 * disagrees with its `iso3`, when the cycle does not match the session, or when the text,
 * recommending States or position are missing or unknown.
 *
 * SDGs: lists before the 2030 Agenda (cycle 2) have no SDG column, which the CSV leaves empty.
 * So when no row of a review has an SDG, `sdgs` is null (not recorded) for that review; in a
 * list that does tag SDGs, an untagged row gets [].
 */
export function parseThematicListCsv(input: TableInput, options: ThematicListOptions): ParseResult<UprRecommendationRecord> {
  const csv = readTable(input, (cells) => missingColumns(cells, THEMATIC_LIST_COLUMNS));
  if ('reason' in csv) return { records: [], rejected: [csv], unresolved: [] };
  const index = new Map(csv.header.cells.map((name, i) => [name.trim(), i]));

  const rejected: Rejection[] = [];
  const unresolved: UnresolvedName[] = [];
  const drafts: RecommendationDraft[] = [];
  const reviewsWithSdgs = new Set<string>();

  for (const { line, cells } of csv.rows) {
    const reject = (reason: string) => rejected.push({ line, reason });
    const value = (column: Column) => cell(cells[index.get(column)!]);
    if (cells.length !== csv.header.cells.length) {
      reject(`expected ${csv.header.cells.length} columns, found ${cells.length}`);
      continue;
    }
    const surName = value('state_under_review');
    const surIso3 = surName ? options.states.resolve(surName) : null;
    if (!surName || !surIso3) {
      reject(surName ? `unknown State under review "${surName}"` : 'missing State under review');
      continue;
    }
    const givenIso3 = value('iso3');
    if (givenIso3 && givenIso3 !== surIso3) {
      reject(`iso3 "${givenIso3}" does not match the State under review "${surName}" (${surIso3})`);
      continue;
    }
    const session = parseSession(value('wg_session'));
    if ('error' in session) {
      reject(session.error);
      continue;
    }
    const givenCycle = value('cycle');
    if (givenCycle && Number(givenCycle) !== session.cycle) {
      reject(`cycle ${givenCycle} does not match session ${session.session} (cycle ${session.cycle})`);
      continue;
    }
    const body = value('recommendation_text');
    if (!body) {
      reject('missing recommendation text');
      continue;
    }
    const paragraph = value('paragraph');
    if (paragraph && !/^\d+\.\d+$/.test(paragraph)) {
      reject(`paragraph "${paragraph}" is not of the form 115.3`);
      continue;
    }
    const names = splitList(value('recommending_states'), ';');
    if (names.length === 0) {
      reject('missing recommending State');
      continue;
    }
    const response = normaliseResponse(value('position') ? [value('position')!] : []);
    if ('error' in response) {
      reject(response.error);
      continue;
    }
    const recommendingStates = names.map((name) => {
      const iso3 = options.states.resolve(name);
      if (!iso3) unresolved.push({ line, name });
      return { iso3, nameAsRecorded: name };
    });
    const sdgs = splitList(value('sdgs'), '|');
    if (sdgs.length > 0) reviewsWithSdgs.add(uprReviewId(surIso3, session.session));

    drafts.push({
      reviewId: uprReviewId(surIso3, session.session),
      session: session.session,
      cycle: session.cycle,
      stateUnderReviewIso3: surIso3,
      paragraph,
      text: body,
      recommendingStates,
      response: response.response,
      responseAsRecorded: response.asRecorded,
      responseSource: value('source_of_position'),
      actionCategory: null,
      themes: splitList(value('themes'), '|'),
      sdgs,
      affectedPersons: splitList(value('affected_persons'), '|'),
      documentSymbol: value('wg_report_symbol'),
      documentDate: null,
      externalId: null,
      sourceId: options.sourceId,
      sourceLine: line,
    });
  }

  for (const draft of drafts) if (!reviewsWithSdgs.has(draft.reviewId)) draft.sdgs = null;
  const records = finishRecommendations(ID_FAMILIES.ohchrThematicList, drafts);
  return { records, rejected: byLine(rejected), unresolved };
}
