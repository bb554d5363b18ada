/**
 * The UPR Info database export (upr-info.org, 2015 and 2018): one row per recommendation and
 * recommending State, and the voluntary pledges of States under review in the same layout.
 *
 * Two header layouts are read, both mapped by position: the original XLS header, whose names
 * repeat (SuR, Rgrp, Org, Recommendation, RS, Rgrp, Org, Response, Action, Issue, Session), and the
 * renamed header of the CSV copies (To, To-Rgrp, To-Org, Text, From, From-Rgrp, From-Org, ...).
 * Cells are separated by commas (the 2015 copies) or by semicolons (UPR Info's own CSV export of
 * 2018, original header): the header line says which.
 * The regional group and organisation columns are not kept: they describe States, which the
 * registry does.
 *
 * Rows are never merged: the export cannot tell a joint recommendation from identical separate
 * ones, so each row is one recommendation with one recommending State.
 */
import type { UprPledgeRecord, UprRecommendationRecord } from '@tracker/api';
import {
  cell,
  decodeCharacterReferences,
  parseActionCategory,
  parseSession,
  readTable,
  splitList,
  type CsvDelimiter,
  type ParseResult,
  type Rejection,
  type TableInput,
  type UnresolvedName,
} from './common.js';
import { quoted } from '../import-upr/input-file.js';
import type { StateNameResolver } from './names.js';
import { byLine, finishPledges, finishRecommendations, ID_FAMILIES, type PledgeDraft, type RecommendationDraft } from './records.js';
import { normaliseResponse } from './responses.js';
import { uprReviewId } from '@tracker/api';

export const UPR_INFO_HEADERS = {
  renamed: ['To', 'To-Rgrp', 'To-Org', 'Text', 'From', 'From-Rgrp', 'From-Org', 'Response', 'Action', 'Issue', 'Session'],
  original: ['SuR', 'Rgrp', 'Org', 'Recommendation', 'RS', 'Rgrp', 'Org', 'Response', 'Action', 'Issue', 'Session'],
} as const;

const COL = { sur: 0, text: 3, rs: 4, response: 7, action: 8, issue: 9, session: 10 } as const;

/** The Response word of a pledge row. */
const PLEDGE_RESPONSE = 'voluntary pledge';

export interface UprInfoParseResult extends ParseResult<UprRecommendationRecord> {
  /** Rows whose Response is "Voluntary Pledge". */
  pledges: UprPledgeRecord[];
  layout: keyof typeof UPR_INFO_HEADERS | null;
}

export interface UprInfoOptions {
  /** The id of the registered source the rows cite. */
  sourceId: string;
  states: StateNameResolver;
}

/** Which of the two UPR Info header layouts a header row is, if either. */
export function uprInfoLayout(header: string[]): keyof typeof UPR_INFO_HEADERS | null {
  const names = header.map((h) => h.trim());
  for (const [layout, expected] of Object.entries(UPR_INFO_HEADERS) as [keyof typeof UPR_INFO_HEADERS, readonly string[]][]) {
    if (names.length === expected.length && names.every((n, i) => n.toLowerCase() === expected[i]!.toLowerCase())) return layout;
  }
  return null;
}

/**
 * The separator of a UPR Info export's CSV text: a semicolon when its first non-empty line is a
 * UPR Info header split by semicolons, else a comma (which also gives the usual refusal of a file
 * that is no UPR Info export).
 */
export function uprInfoDelimiter(text: string): CsvDelimiter {
  const firstLine = /^\uFEFF?\s*([^\r\n]*)/.exec(text)?.[1] ?? '';
  return firstLine.includes(';') && uprInfoLayout(firstLine.split(';')) !== null ? ';' : ',';
}

/**
 * Parses a UPR Info export (CSV text, either header layout, comma- or semicolon-separated). Recommendations and pledges come back
 * separately; refused rows come back with their line and reason; recommending names that match no
 * State are kept with iso3 null and listed in `unresolved`.
 */
export function parseUprInfoCsv(input: TableInput, options: UprInfoOptions): UprInfoParseResult {
  const delimiter = typeof input === 'string' ? uprInfoDelimiter(input) : ',';
  const csv = readTable(
    input,
    (cells) => (uprInfoLayout(cells) ? null : `not a UPR Info export header: ${quoted(cells.join(delimiter))}`),
    delimiter,
  );
  if ('reason' in csv) return { records: [], pledges: [], rejected: [csv], unresolved: [], layout: null };
  const layout = uprInfoLayout(csv.header.cells)!;

  const rejected: Rejection[] = [];
  const unresolved: UnresolvedName[] = [];
  // A file uses a handful of response words: each is normalised once.
  const responses = new Map<string, ReturnType<typeof normaliseResponse>>();
  const responseOf = (word: string | null) => {
    let r = responses.get(word ?? '');
    if (!r) responses.set(word ?? '', (r = normaliseResponse(word ? [word] : [])));
    return r;
  };
  const drafts: RecommendationDraft[] = [];
  const pledgeDrafts: PledgeDraft[] = [];
  const width = UPR_INFO_HEADERS[layout].length;

  for (const { line, cells } of csv.rows) {
    const row = readRow(cells, line, width, options, responseOf);
    if (row.kind === 'rejected') rejected.push({ line, reason: row.reason });
    else if (row.kind === 'pledge') pledgeDrafts.push(row.draft);
    else {
      drafts.push(row.draft);
      if (row.unresolvedName !== null) unresolved.push({ line, name: row.unresolvedName });
    }
  }

  const records = finishRecommendations(ID_FAMILIES.uprInfo, drafts);
  const pledges = finishPledges(ID_FAMILIES.uprInfoPledge, pledgeDrafts);
  return { records, pledges, rejected: byLine(rejected), unresolved, layout };
}

type UprInfoRow =
  | { kind: 'rejected'; reason: string }
  | { kind: 'pledge'; draft: PledgeDraft }
  | { kind: 'recommendation'; draft: RecommendationDraft; unresolvedName: string | null };

const refused = (reason: string): UprInfoRow => ({ kind: 'rejected', reason });

/** A cell, trimmed (null when empty), with the export's character references decoded. */
const cellAt = (cells: string[], i: number) => cell(decodeCharacterReferences(cells[i] ?? ''));

/** One data row: a recommendation, a pledge, or the reason it is refused. */
function readRow(
  cells: string[],
  line: number,
  width: number,
  options: UprInfoOptions,
  responseOf: (word: string | null) => ReturnType<typeof normaliseResponse>,
): UprInfoRow {
  if (cells.length !== width) return refused(`expected ${width} columns, found ${cells.length}`);
  const surName = cellAt(cells, COL.sur);
  if (!surName) return refused('missing State under review');
  const surIso3 = options.states.resolve(surName);
  if (!surIso3) return refused(`unknown State under review "${surName}"`);
  const body = cellAt(cells, COL.text);
  if (!body) return refused('missing recommendation text');
  const session = parseSession(cellAt(cells, COL.session));
  if ('error' in session) return refused(session.error);
  const action = parseActionCategory(cellAt(cells, COL.action));
  if (action !== null && typeof action === 'object') return refused(action.error);
  const themes = splitList(cellAt(cells, COL.issue), ',');
  const responseWord = cellAt(cells, COL.response);

  if (responseWord?.toLowerCase() === PLEDGE_RESPONSE) {
    return {
      kind: 'pledge',
      draft: {
        reviewId: uprReviewId(surIso3, session.session),
        stateIso3: surIso3,
        session: session.session,
        cycle: session.cycle,
        text: body,
        actionCategory: action,
        themes,
        sourceId: options.sourceId,
        sourceLine: line,
      },
    };
  }

  const rsName = cellAt(cells, COL.rs);
  if (!rsName) return refused('missing recommending State');
  const response = responseOf(responseWord);
  if ('error' in response) return refused(response.error);
  const rsIso3 = options.states.resolve(rsName);
  return {
    kind: 'recommendation',
    unresolvedName: rsIso3 ? null : rsName,
    draft: {
      reviewId: uprReviewId(surIso3, session.session),
      session: session.session,
      cycle: session.cycle,
      stateUnderReviewIso3: surIso3,
      paragraph: null,
      text: body,
      recommendingStates: [{ iso3: rsIso3, nameAsRecorded: rsName }],
      response: response.response,
      responseAsRecorded: response.asRecorded,
      responseSource: null,
      actionCategory: action,
      themes,
      // UPR Info recorded neither SDGs nor affected persons, nor the WG report, in 2015 or 2018.
      sdgs: null,
      affectedPersons: null,
      documentSymbol: null,
      documentDate: null,
      externalId: null,
      sourceId: options.sourceId,
      sourceLine: line,
    },
  };
}
