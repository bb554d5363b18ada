/**
 * Where the UPR Info exports of 2015 and 2018 overlap (sessions 1-20), how far do they agree? The
 * figures behind the choice in data/README.md (raw/upr/) that the 2015 export stands there.
 *
 *   pnpm -F @tracker/scripts upr:compare-exports
 *
 * Rows are paired as one recommendation when session, State under review, recommending State
 * (its ISO3, or its name when it has none) and text (as normalised for ids: case, spacing and
 * typographic quotes aside) agree; rows left over are paired again on their letters and digits
 * alone (punctuation ignored). Paired rows are then compared field by field, and a pair whose
 * recommendation id would differ (the id hashes the text and the recommending name as recorded,
 * common.ts) is counted: had the 2018 export replaced the 2015 one, those ids would have changed.
 */
import { readFileSync } from 'node:fs';
import type { UprRecommendationRecord } from '@tracker/api';
import { rawPath } from '../normalise/paths.js';
import { normaliseForId, type Rejection } from './common.js';
import { createStateNameResolver, type StateNames } from './names.js';
import { LAST_SESSION_OF_THE_2015_EXPORT } from './normalise.js';
import { UPR_INFO_2018_SOURCES, UPR_INFO_RECOMMENDATION_SOURCES } from './sources.js';
import { parseUprInfoCsv } from './upr-info.js';

type Rec = Pick<
  UprRecommendationRecord,
  'id' | 'session' | 'stateUnderReviewIso3' | 'text' | 'recommendingStates' | 'response' | 'actionCategory' | 'themes'
>;

export interface ExportComparison {
  /** Rows of sessions 1-20 in each export. */
  rows2015: number;
  rows2018: number;
  /** Rows of the 2018 export refused by the parser (e.g. no session), with their file and line. */
  refused2018: (Rejection & { file: string })[];
  /** Pairs whose text agrees as normalised for ids. */
  paired: number;
  /** Further pairs whose text agrees only on letters and digits (punctuation differs). */
  pairedIgnoringPunctuation: number;
  /** Rows with no counterpart in the other export. */
  only2015: number;
  only2018: number;
  /** Of all pairs: how many differ in each field (a pair can differ in several). */
  differing: { text: number; recommendingName: number; response: number; actionCategory: number; themes: number };
  /** Pairs that differ in at least one of those fields. */
  pairsDiffering: number;
  /** Pairs whose recommendation id differs: the ids the 2018 export would have given. */
  idsDiffering: number;
  /** Rows per session with no counterpart: [session, only 2015, only 2018], where either is non-zero. */
  unpairedBySession: [number, number, number][];
}

const recommendingKey = (r: Rec) => r.recommendingStates.map((s) => s.iso3 ?? s.nameAsRecorded.toLowerCase()).join('|');
const strictKey = (r: Rec) => `${r.session}|${r.stateUnderReviewIso3}|${recommendingKey(r)}|${normaliseForId(r.text)}`;
const looseKey = (r: Rec) =>
  `${r.session}|${r.stateUnderReviewIso3}|${recommendingKey(r)}|${normaliseForId(r.text).replace(/[^\p{L}\p{N}]+/gu, '')}`;
const themesOf = (r: Rec) => [...(r.themes ?? [])].sort().join('|');
const namesOf = (r: Rec) => r.recommendingStates.map((s) => s.nameAsRecorded).join('|');

/** Pairs rows of `a` with rows of `b` by `key`, in file order; returns the pairs and what is left of each. */
function pairBy(a: Rec[], b: Rec[], key: (r: Rec) => string): { pairs: [Rec, Rec][]; restA: Rec[]; restB: Rec[] } {
  const waiting = new Map<string, Rec[]>();
  for (const r of b) {
    const k = key(r);
    const list = waiting.get(k);
    if (list) list.push(r);
    else waiting.set(k, [r]);
  }
  const pairs: [Rec, Rec][] = [];
  const restA: Rec[] = [];
  for (const r of a) {
    const match = waiting.get(key(r))?.shift();
    if (match) pairs.push([r, match]);
    else restA.push(r);
  }
  return { pairs, restA, restB: [...waiting.values()].flat() };
}

export function compareExports(older: Rec[], newer: Rec[], refused2018: ExportComparison['refused2018']): ExportComparison {
  const strict = pairBy(older, newer, strictKey);
  const loose = pairBy(strict.restA, strict.restB, looseKey);
  const pairs = [...strict.pairs, ...loose.pairs];
  const differing = { text: 0, recommendingName: 0, response: 0, actionCategory: 0, themes: 0 };
  let pairsDiffering = 0;
  let idsDiffering = 0;
  for (const [a, b] of pairs) {
    const d = {
      text: a.text !== b.text,
      recommendingName: namesOf(a) !== namesOf(b),
      response: a.response !== b.response,
      actionCategory: a.actionCategory !== b.actionCategory,
      themes: themesOf(a) !== themesOf(b),
    };
    for (const field of Object.keys(d) as (keyof typeof d)[]) if (d[field]) differing[field]++;
    if (Object.values(d).some(Boolean)) pairsDiffering++;
    if (a.id !== b.id) idsDiffering++;
  }
  const bySession = new Map<number, [number, number]>();
  for (const r of loose.restA) bySession.set(r.session, [(bySession.get(r.session)?.[0] ?? 0) + 1, bySession.get(r.session)?.[1] ?? 0]);
  for (const r of loose.restB) bySession.set(r.session, [bySession.get(r.session)?.[0] ?? 0, (bySession.get(r.session)?.[1] ?? 0) + 1]);
  return {
    rows2015: older.length,
    rows2018: newer.length,
    refused2018,
    paired: strict.pairs.length,
    pairedIgnoringPunctuation: loose.pairs.length,
    only2015: loose.restA.length,
    only2018: loose.restB.length,
    differing,
    pairsDiffering,
    idsDiffering,
    unpairedBySession: [...bySession].sort(([a], [b]) => a - b).map(([s, [o, n]]) => [s, o, n]),
  };
}

/** Reads the bundled exports (data/raw/upr/) and compares their sessions 1-20. */
export function compareBundledExports(states: StateNames[]): ExportComparison {
  const resolver = createStateNameResolver(states);
  const read = (rawFile: string) => readFileSync(rawPath(rawFile.replace(/^data\/raw\//, '')), 'utf8');
  const overlapping = (r: Rec) => r.session <= LAST_SESSION_OF_THE_2015_EXPORT;
  const older = UPR_INFO_RECOMMENDATION_SOURCES.flatMap(
    (s) => parseUprInfoCsv(read(s.rawFile), { sourceId: s.id, states: resolver }).records,
  );
  const refused: ExportComparison['refused2018'] = [];
  const newer = UPR_INFO_2018_SOURCES.filter((s) => s.firstSession <= LAST_SESSION_OF_THE_2015_EXPORT).flatMap((s) => {
    const result = parseUprInfoCsv(read(s.rawFile), { sourceId: s.id, states: resolver });
    refused.push(...result.rejected.map((r) => ({ ...r, file: s.rawFile })));
    return result.records;
  });
  return compareExports(older.filter(overlapping), newer.filter(overlapping), refused);
}

/** The comparison as lines of text, figures with thousands separators. */
export function formatComparison(c: ExportComparison): string[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const pairs = c.paired + c.pairedIgnoringPunctuation;
  return [
    `UPR Info exports, sessions 1-${LAST_SESSION_OF_THE_2015_EXPORT}: 2015 ${n(c.rows2015)} rows, 2018 ${n(c.rows2018)} rows (+ ${c.refused2018.length} refused)`,
    ...c.refused2018.map((r) => `  refused in 2018: ${r.file}:${r.line}: ${r.reason}`),
    `paired: ${n(pairs)} (${n(c.paired)} on the text as normalised for ids, ${n(c.pairedIgnoringPunctuation)} more ignoring punctuation)`,
    `no counterpart: ${n(c.only2015)} rows only in 2015, ${n(c.only2018)} only in 2018`,
    ...c.unpairedBySession.map(([s, o, nw]) => `  session ${s}: ${o} only in 2015, ${nw} only in 2018`),
    `pairs that differ: ${n(c.pairsDiffering)} of ${n(pairs)}: text as recorded ${n(c.differing.text)}, recommending name as recorded ${n(c.differing.recommendingName)}, ` +
      `response ${n(c.differing.response)}, action category ${n(c.differing.actionCategory)}, issues ${n(c.differing.themes)}`,
    `pairs whose recommendation id differs: ${n(c.idsDiffering)}`,
  ];
}
