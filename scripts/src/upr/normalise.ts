/**
 * Builds the UPR seed files from data/raw/upr/ in memory: sessions, reviews, recommendations,
 * voluntary pledges and the sources they cite. Nothing here writes to disk; index.ts of the
 * normaliser does, and only when there is no problem.
 *
 * Reviews come from four kinds of evidence, merged by id (`ISO3-session`): the session-by-state
 * list (1-20), the recommendations and pledges themselves, the Slovenia thematic lists (WG report
 * symbols) and the 4th-cycle calendar (41-54, with its status, dates and notes).
 */
import { readFileSync } from 'node:fs';
import {
  impliedUprReview,
  UPR_CYCLES,
  uprCycleOfSession,
  uprReviewId,
  UprPledgeRecord,
  UprRecommendationRecord,
  UprReviewRecord,
  UprSessionRecord,
} from '@tracker/api';
import type { SourceRecord } from '../normalise/schemas.js';
import { isRegistered, sourceRecords } from '../normalise/sources.js';
import { rawPath } from '../normalise/paths.js';
import { parseCalendarCsv, parseReviewYearsCsv, parseSessionByStateCsv, parseSessionYearCsv } from './calendar.js';
import { zodReason, type ParseResult, type UnresolvedName } from './common.js';
import { createStateNameResolver, type StateNames } from './names.js';
import { UPR_INFO_2018_PARTIAL_SESSIONS, UPR_INFO_2018_SOURCES, UPR_INFO_RECOMMENDATION_SOURCES, UPR_SOURCE_IDS } from './sources.js';
import { parseThematicListCsv } from './thematic-list.js';
import { parseUprInfoCsv } from './upr-info.js';

/**
 * The last session the UPR Info export of 2015 covers. Where the two UPR Info exports overlap
 * (sessions 1-20) the 2015 export stands, so that the ids and line citations of the rows bundled
 * from it stay as they are; the 2018 export adds the sessions after it (data/README.md, raw/upr/).
 */
export const LAST_SESSION_OF_THE_2015_EXPORT = 20;

export const UPR_RAW_FILES = {
  pledges: 'upr/upr-info-export_2015_voluntary-pledges_sessions-01-19.csv',
  slovenia: 'upr/slovenia_upr-recommendations_cycles2-4_ohchr-thematic-lists.csv',
  calendar: 'upr/upr_calendar_cycle4_sessions41-54.csv',
  sessionYears: 'upr/upr_session-year-lookup_sessions01-53.csv',
  sessionByState: 'upr/upr_session-by-state_sessions01-20_2008-2014.csv',
  reviewYears: 'upr/upr_review-years_cycles1-2_by-state.csv',
} as const;

/** Written as NDJSON (one record per line), not as a JSON array: about 41,700 records. */
export const UPR_RECOMMENDATIONS_FILE = 'upr-recommendations.ndjson';

export interface UprSeed {
  files: {
    'upr-sessions.json': UprSessionRecord[];
    'upr-reviews.json': UprReviewRecord[];
    'upr-pledges.json': UprPledgeRecord[];
    'upr-sources.json': SourceRecord[];
  };
  /** Sorted by session, State under review, source and line. */
  recommendations: UprRecommendationRecord[];
  problems: string[];
  summary: string[];
}

/** One JSON record per line, LF, with a final newline. */
export function toNdjson(records: unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}

const read = (relativeToRaw: string) => readFileSync(rawPath(relativeToRaw), 'utf8');
const rawName = (relativeToRaw: string) => `data/raw/${relativeToRaw}`;
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

export function buildUprSeed(states: StateNames[]): UprSeed {
  const problems: string[] = [];
  const summary: string[] = [];
  const resolver = createStateNameResolver(states);
  const unresolved: (UnresolvedName & { file: string })[] = [];
  const collect = <T>(file: string, result: ParseResult<T>): T[] => {
    for (const r of result.rejected) problems.push(`${rawName(file)}:${r.line}: ${r.reason}`);
    unresolved.push(...result.unresolved.map((u) => ({ ...u, file: rawName(file) })));
    return result.records;
  };

  // --- recommendations and pledges ------------------------------------------------------------
  const recommendations: UprRecommendationRecord[] = [];
  const pledges: UprPledgeRecord[] = [];
  for (const source of UPR_INFO_RECOMMENDATION_SOURCES) {
    const file = source.rawFile.replace(/^data\/raw\//, '');
    const result = parseUprInfoCsv(read(file), { sourceId: source.id, states: resolver });
    recommendations.push(...collect(file, result));
    if (result.pledges.length)
      problems.push(`${source.rawFile}: ${result.pledges.length} voluntary pledge row(s) in a recommendations file`);
    summary.push(`${source.id}: ${result.records.length} recommendations`);
  }
  for (const source of UPR_INFO_2018_SOURCES.filter((s) => s.lastSession > LAST_SESSION_OF_THE_2015_EXPORT)) {
    const file = source.rawFile.replace(/^data\/raw\//, '');
    const result = parseUprInfoCsv(read(file), { sourceId: source.id, states: resolver });
    const records = collect(file, result);
    const added = records.filter((r) => r.session > LAST_SESSION_OF_THE_2015_EXPORT);
    recommendations.push(...added);
    if (result.pledges.length)
      problems.push(`${source.rawFile}: ${result.pledges.length} voluntary pledge row(s) in a recommendations file`);
    const left = records.length - added.length;
    summary.push(
      `${source.id}: ${added.length} recommendations${left ? ` (${left} of sessions 1-${LAST_SESSION_OF_THE_2015_EXPORT} left out: the 2015 export stands there)` : ''}`,
    );
  }
  const pledgeResult = parseUprInfoCsv(read(UPR_RAW_FILES.pledges), { sourceId: UPR_SOURCE_IDS.pledges, states: resolver });
  pledges.push(...pledgeResult.pledges);
  collect(UPR_RAW_FILES.pledges, pledgeResult);
  if (pledgeResult.records.length)
    problems.push(`${rawName(UPR_RAW_FILES.pledges)}: ${pledgeResult.records.length} recommendation row(s) in the pledges file`);
  summary.push(`${UPR_SOURCE_IDS.pledges}: ${pledges.length} voluntary pledges`);

  const slovenia = collect(
    UPR_RAW_FILES.slovenia,
    parseThematicListCsv(read(UPR_RAW_FILES.slovenia), { sourceId: UPR_SOURCE_IDS.sloveniaThematicLists, states: resolver }),
  );
  // One review, two sources: Slovenia's 20th-session review is both in the UPR Info export (one row
  // per recommending State) and in OHCHR's thematic list (the official list, with paragraph
  // numbers and joint recommendations kept together). Keeping both would count that review's
  // recommendations twice, so the official list is used and the UPR Info rows of it are left out.
  const officialReviews = new Set(slovenia.map((r) => r.reviewId));
  const duplicated = recommendations.filter((r) => officialReviews.has(r.reviewId));
  for (const id of officialReviews) {
    const n = duplicated.filter((r) => r.reviewId === id).length;
    if (n) summary.push(`${id}: ${n} UPR Info rows left out, the OHCHR thematic list of the same review is used`);
  }
  recommendations.splice(0, recommendations.length, ...recommendations.filter((r) => !officialReviews.has(r.reviewId)), ...slovenia);
  summary.push(`${UPR_SOURCE_IDS.sloveniaThematicLists}: ${slovenia.length} recommendations`);

  // --- sessions ---------------------------------------------------------------------------------
  // A session the 2018 export holds only in part says so in its note, naming the States it holds.
  const nameOf = new Map(states.map((s) => [s.iso3, s.names.en]));
  const partialSessionNote = (session: number): { note: string; sourceId: string } | null => {
    const partial = UPR_INFO_2018_PARTIAL_SESSIONS.get(session);
    const source = UPR_INFO_2018_SOURCES.find((s) => s.firstSession <= session && session <= s.lastSession);
    if (!partial || !source) return null;
    const held = [...new Set(recommendations.filter((r) => r.session === session).map((r) => r.stateUnderReviewIso3))];
    if (held.length >= partial.statesReviewed) {
      problems.push(
        `session ${session}: ${held.length} States have recommendations, so UPR_INFO_2018_PARTIAL_SESSIONS (sources.ts), which says the session reviewed ${partial.statesReviewed}, is out of date`,
      );
      return null;
    }
    const names = held.map((iso3) => nameOf.get(iso3) ?? iso3).sort((a, b) => a.localeCompare(b, 'en'));
    return {
      sourceId: source.id,
      note:
        `Recommendations of ${held.length} of the ${partial.statesReviewed} States reviewed in this session are in the data (${names.join(', ')}): ` +
        `the UPR Info export of 25 July 2018 holds no others, and no other source in the data gives the other ${partial.statesReviewed - held.length}.`,
    };
  };
  const years = collect(UPR_RAW_FILES.sessionYears, parseSessionYearCsv(read(UPR_RAW_FILES.sessionYears)));
  const calendar = parseCalendarCsv(read(UPR_RAW_FILES.calendar), { sourceId: UPR_SOURCE_IDS.calendar, states: resolver });
  const calendarReviews = collect(UPR_RAW_FILES.calendar, calendar);
  const sessions: UprSessionRecord[] = [];
  for (const cycle of UPR_CYCLES) {
    for (let session = cycle.firstSession; session <= cycle.lastSession; session++) {
      const lookup = years.find((y) => y.session === session);
      const dates = calendar.sessions.find((s) => s.session === session);
      const startYear = dates?.startDate ? Number(dates.startDate.slice(0, 4)) : null;
      if (lookup && startYear !== null && lookup.year !== startYear) {
        problems.push(
          `${rawName(UPR_RAW_FILES.calendar)}:${dates!.line}: session ${session} starts in ${startYear}, but the session-year look-up says ${lookup.year}`,
        );
      }
      const sourceIds = [
        ...(lookup ? [UPR_SOURCE_IDS.sessionYears] : []),
        ...(dates && (dates.startDate || dates.endDate || !lookup) ? [UPR_SOURCE_IDS.calendar] : []),
      ];
      if (sourceIds.length === 0) {
        problems.push(`session ${session}: no source gives its year or dates`);
        continue;
      }
      const partial = partialSessionNote(session);
      sessions.push({
        session,
        cycle: cycle.cycle,
        // The look-up stops at 53; for 54 the calendar's start date gives the year.
        year: lookup?.year ?? startYear,
        startDate: dates?.startDate ?? null,
        endDate: dates?.endDate ?? null,
        sourceIds: partial ? [...sourceIds, partial.sourceId].sort() : sourceIds,
        ...(partial ? { note: partial.note } : {}),
      });
    }
  }

  // --- reviews ------------------------------------------------------------------------------------
  const reviews = new Map<string, UprReviewRecord>();
  const review = (iso3: string, session: number): UprReviewRecord => {
    const id = uprReviewId(iso3, session);
    let r = reviews.get(id);
    if (!r) {
      r = impliedUprReview(iso3, session, uprCycleOfSession(session)!);
      reviews.set(id, r);
    }
    return r;
  };
  const cite = (r: UprReviewRecord, sourceId: string) => {
    if (!r.sourceIds.includes(sourceId)) r.sourceIds.push(sourceId);
  };
  const addDocument = (r: UprReviewRecord, symbol: string, kind: UprReviewRecord['documents'][number]['kind']) => {
    if (!r.documents.some((d) => d.symbol === symbol)) r.documents.push({ symbol, kind });
  };

  for (const row of collect(
    UPR_RAW_FILES.sessionByState,
    parseSessionByStateCsv(read(UPR_RAW_FILES.sessionByState), { states: resolver }),
  )) {
    cite(review(row.stateIso3, row.session), UPR_SOURCE_IDS.sessionByState);
  }
  const withRecommendations = new Set<string>();
  for (const rec of recommendations) {
    const r = review(rec.stateUnderReviewIso3, rec.session);
    cite(r, rec.sourceId);
    withRecommendations.add(r.id);
    if (rec.documentSymbol) addDocument(r, rec.documentSymbol, 'wg-report');
    // "A/HRC/28/15/Add.1 - Para. 3": the addendum holds the State's views on the recommendations.
    const addendum = rec.responseSource ? /^(A\/HRC\/\d+\/\d+\/Add\.\d+)/.exec(rec.responseSource)?.[1] : undefined;
    if (addendum) addDocument(r, addendum, 'wg-report-addendum');
  }
  for (const pledge of pledges) cite(review(pledge.stateIso3, pledge.session), pledge.sourceId);
  for (const id of withRecommendations) {
    const r = reviews.get(id)!;
    r.status = 'held';
    r.note = 'Status "held" because recommendations from this review are recorded; no source states it in other words.';
  }
  for (const entry of calendarReviews) {
    const r = review(entry.stateIso3, entry.session);
    if (withRecommendations.has(r.id) && entry.status !== 'held') {
      problems.push(
        `${rawName(UPR_RAW_FILES.calendar)}: ${r.id} is "${entry.statusAsRecorded}" in the calendar, but its recommendations are recorded`,
      );
    }
    r.status = entry.status;
    r.statusAsRecorded = entry.statusAsRecorded;
    r.reviewDate = entry.reviewDate;
    r.note = entry.note;
    cite(r, UPR_SOURCE_IDS.calendar);
  }
  const reviewList = [...reviews.values()]
    .map((r) => ({ ...r, sourceIds: [...r.sourceIds].sort(), documents: [...r.documents].sort((a, b) => compare(a.symbol, b.symbol)) }))
    .sort((a, b) => compare(a.session, b.session) || compare(a.stateIso3, b.stateIso3));

  // --- checks -------------------------------------------------------------------------------------
  const sessionNumbers = new Set(sessions.map((s) => s.session));
  for (const r of reviewList) {
    const result = UprReviewRecord.safeParse(r);
    if (!result.success) problems.push(`review ${r.id}: ${zodReason(result.error)}`);
    if (!sessionNumbers.has(r.session)) problems.push(`review ${r.id}: session ${r.session} has no session record`);
  }
  for (const s of sessions) {
    const result = UprSessionRecord.safeParse(s);
    if (!result.success) problems.push(`session ${s.session}: ${zodReason(result.error)}`);
  }
  // The parsers give ids but do not validate (records.ts): the seed must hold only valid records.
  for (const rec of recommendations) {
    const result = UprRecommendationRecord.safeParse(rec);
    if (!result.success) problems.push(`${rec.sourceId}:${rec.sourceLine}: recommendation ${rec.id}: ${zodReason(result.error)}`);
  }
  for (const pledge of pledges) {
    const result = UprPledgeRecord.safeParse(pledge);
    if (!result.success) problems.push(`${pledge.sourceId}:${pledge.sourceLine}: pledge ${pledge.id}: ${zodReason(result.error)}`);
  }
  const ids = new Set<string>();
  for (const rec of [...recommendations, ...pledges]) {
    if (ids.has(rec.id)) problems.push(`${rec.sourceId}:${rec.sourceLine}: duplicate id ${rec.id}`);
    ids.add(rec.id);
  }
  const cited = new Set([
    ...sessions.flatMap((s) => s.sourceIds),
    ...reviewList.flatMap((r) => r.sourceIds),
    ...recommendations.map((r) => r.sourceId),
    ...pledges.map((p) => p.sourceId),
  ]);
  for (const id of cited) if (!isRegistered(id)) problems.push(`source "${id}" is not registered in scripts/src/normalise/sources.ts`);

  // --- cross-check: session years against the review-years table (cycles 1-2) -------------------------
  const reviewYears = collect(UPR_RAW_FILES.reviewYears, parseReviewYearsCsv(read(UPR_RAW_FILES.reviewYears), { states: resolver }));
  const yearOf = new Map(sessions.map((s) => [s.session, s.year]));
  let agreeing = 0;
  for (const r of reviewList.filter((r) => r.session <= 20)) {
    const row = reviewYears.find((y) => y.stateIso3 === r.stateIso3);
    const expected = row ? (r.cycle === 1 ? row.review1 : row.review2) : null;
    if (expected === null) continue;
    if (expected === yearOf.get(r.session)) agreeing++;
    else
      summary.push(
        `review years: ${r.id} is in ${yearOf.get(r.session)} by the session look-up, ${expected} by ${rawName(UPR_RAW_FILES.reviewYears)}:${row!.line}`,
      );
  }
  summary.push(`review years: ${agreeing} reviews of sessions 1-20 agree with the review-years table`);

  // --- summary ---------------------------------------------------------------------------------
  const byName = new Map<string, (UnresolvedName & { file: string })[]>();
  for (const u of unresolved) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  for (const [name, list] of [...byName].sort(([a], [b]) => compare(a, b))) {
    summary.push(`recommending entity with no ISO3: "${name}" in ${list.length} row(s), e.g. ${list[0]!.file}:${list[0]!.line}`);
  }
  summary.push(
    `${sessions.length} sessions, ${reviewList.length} reviews (${reviewList.filter((r) => r.status === 'held').length} held, ` +
      `${reviewList.filter((r) => r.status === 'scheduled').length} scheduled, ${reviewList.filter((r) => r.status === 'postponed').length} postponed), ` +
      `${recommendations.length} recommendations, ${pledges.length} pledges`,
  );

  const bySourceOrder =
    <T extends { session: number; sourceId: string; sourceLine: number }>(key: (t: T) => string) =>
    (a: T, b: T) =>
      compare(a.session, b.session) || compare(key(a), key(b)) || compare(a.sourceId, b.sourceId) || compare(a.sourceLine, b.sourceLine);
  return {
    files: {
      'upr-sessions.json': sessions,
      'upr-reviews.json': reviewList,
      'upr-pledges.json': pledges.sort(bySourceOrder((p) => p.stateIso3)),
      'upr-sources.json': sourceRecords(cited).sort((a, b) => compare(a.id, b.id)),
    },
    recommendations: recommendations.sort(bySourceOrder((r) => r.stateUnderReviewIso3)),
    problems,
    summary,
  };
}
