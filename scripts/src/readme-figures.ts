/**
 * The figures of data/README.md that follow from data/seed, worked out from the seed files so
 * that the README never states a count the data no longer has.
 *
 * `seedFigures` counts; `figuresBlock` writes them as the table between the two markers in
 * data/README.md ("Figures from the seed"); `withFigures` puts a block in a README text. The block
 * is rewritten by the normaliser after it writes the seed, and on its own by
 *
 *   npx --yes pnpm@10 -F @tracker/scripts readme:figures
 *
 * readme-figures.test.ts checks that the block is current and that the counts the README states
 * in its prose agree with these figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LDC_STATUSES, UN_MEMBERSHIPS, type IsoDate, type ParticipationEvent, type Status } from '@tracker/api/domain';
import { instrumentStatus, toEngineInstrument } from '@tracker/api';
import type {
  CatFollowUpListRecord,
  CatReportingStateRecord,
  CatReportRecord,
  InstrumentRecord,
  StateRecord,
} from './normalise/schemas.js';
import { repoRoot, seedDir } from './normalise/paths.js';
import { UPR_RECOMMENDATIONS_FILE } from './upr/normalise.js';

export const FIGURES_START = '<!-- figures:start: generated from data/seed by scripts/src/readme-figures.ts; do not edit by hand -->';
export const FIGURES_END = '<!-- figures:end -->';

interface UprRecommendationLine {
  session: number;
  stateUnderReviewIso3: string;
  response: string;
  sourceId: string;
}

export interface SeedFigures {
  states: {
    total: number;
    membership: Record<StateRecord['membership'], number>;
    ldc: Record<StateRecord['ldc']['status'], number>;
    ldcWithScheduledGraduation: number;
    sids: number;
    odaRecipients: number;
    noPolygon110m: number;
  };
  sources: number;
  instruments: number;
  events: number;
  publishedCounts: number;
  /** Per instrument, on the date its data runs to: States Parties (in force or withdrawal pending) and signatories. */
  parties: { id: string; asOf: IsoDate; statesParties: number; signatories: number }[];
  /** UNCAT on the date of the UNTC status page (3 February 2026) that data/raw/cat-reporting/ uses. */
  uncatOnStatusPage: { asOf: IsoDate; statesParties: number; signatories: number };
  cat: {
    reports: number;
    statesWithHistory: number;
    reportsAsOf: IsoDate[];
    followUpListLengths: number[];
    sessions: number;
    reportingStates: number;
    reportingStatesAsOf: IsoDate[];
    completeness: Record<CatReportingStateRecord['completeness'], number>;
    /** The partial histories by what is recorded: report-by-report rows, else sessions, else only a follow-up list. */
    partialBy: { reports: number; sessions: number; followUpListsOnly: number };
    annualReports: number;
  };
  upr: {
    sessions: number;
    firstSession: number;
    lastSession: number;
    reviews: number;
    reviewsByStatus: Record<string, number>;
    reviewsBySession: Record<number, number>;
    recommendations: number;
    /** Recommendations per source (the seed's sourceId), in source id order. */
    recommendationsBySource: Record<string, number>;
    /** Per session: recommendations, and States under review with at least one. */
    bySession: Record<number, { recommendations: number; supported: number; noted: number; statesUnderReview: number }>;
    /** Slovenia's recommendations per session, with the responses. */
    slovenia: Record<number, { recommendations: number; supported: number; noted: number }>;
    pledges: number;
    sources: number;
  };
}

const UNCAT_STATUS_PAGE_DATE = '2026-02-03';

const readJson = <T>(dir: string, name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

/** Keys in a fixed order, with 0 for the ones no item has. */
function tallyOf<K extends string>(keys: readonly K[], items: readonly { key: K }[]): Record<K, number> {
  const counted = tally(items, (i) => i.key);
  return Object.fromEntries(keys.map((k) => [k, counted[k] ?? 0])) as Record<K, number>;
}

export function seedFigures(dir: string = seedDir): SeedFigures {
  const states = readJson<StateRecord[]>(dir, 'states.json');
  const instruments = readJson<InstrumentRecord[]>(dir, 'instruments.json');
  const events = readJson<ParticipationEvent[]>(dir, 'events.json');
  const catReports = readJson<CatReportRecord[]>(dir, 'cat-reports.json');
  const catLists = readJson<CatFollowUpListRecord[]>(dir, 'cat-follow-up-lists.json');
  const catStates = readJson<CatReportingStateRecord[]>(dir, 'cat-reporting-states.json');
  const uprReviews = readJson<{ session: number; status: string }[]>(dir, 'upr-reviews.json');
  const uprSessions = readJson<{ session: number }[]>(dir, 'upr-sessions.json');
  const recommendations = readFileSync(join(dir, UPR_RECOMMENDATIONS_FILE), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as UprRecommendationLine);

  const iso3s = states.map((s) => s.iso3);
  const eventsOf = (id: string) => events.filter((e) => e.instrumentId === id);
  const countsOn = (record: InstrumentRecord, asOf: IsoDate): Record<Status, number> => {
    const rule = record.entryIntoForceRule;
    const parentRecord = rule.kind === 'seven-eighths-of-parent-parties' ? instruments.find((i) => i.id === rule.parent) : undefined;
    const parent = parentRecord ? { instrument: toEngineInstrument(parentRecord), events: eventsOf(parentRecord.id) } : undefined;
    return instrumentStatus(toEngineInstrument(record), eventsOf(record.id), iso3s, asOf, parent).counts;
  };
  const partiesOn = (record: InstrumentRecord, asOf: IsoDate) => {
    const counts = countsOn(record, asOf);
    return { asOf, statesParties: counts.party + counts['withdrawal-pending'], signatories: counts.signatory };
  };
  const uncat = instruments.find((i) => i.id === 'uncat');
  if (!uncat) throw new Error('instruments.json has no UNCAT');

  const partial = catStates.filter((s) => s.completeness === 'partial');
  const partialWithReports = partial.filter((s) => s.reportNumbersRecorded.length > 0);
  const partialWithSessions = partial.filter((s) => s.reportNumbersRecorded.length === 0 && s.sessionsRecorded.length > 0);

  const bySession: SeedFigures['upr']['bySession'] = {};
  const underReview = new Map<number, Set<string>>();
  const slovenia: SeedFigures['upr']['slovenia'] = {};
  for (const r of recommendations) {
    const s = (bySession[r.session] ??= { recommendations: 0, supported: 0, noted: 0, statesUnderReview: 0 });
    s.recommendations++;
    if (r.response === 'supported') s.supported++;
    if (r.response === 'noted') s.noted++;
    let reviewed = underReview.get(r.session);
    if (!reviewed) underReview.set(r.session, (reviewed = new Set()));
    reviewed.add(r.stateUnderReviewIso3);
    if (r.stateUnderReviewIso3 === 'SVN') {
      const svn = (slovenia[r.session] ??= { recommendations: 0, supported: 0, noted: 0 });
      svn.recommendations++;
      if (r.response === 'supported') svn.supported++;
      if (r.response === 'noted') svn.noted++;
    }
  }
  for (const [session, reviewed] of underReview) bySession[session]!.statesUnderReview = reviewed.size;
  const sessionNumbers = uprSessions.map((s) => s.session).sort((a, b) => a - b);
  const bySource = tally(recommendations, (r) => r.sourceId);

  return {
    states: {
      total: states.length,
      membership: tallyOf(
        UN_MEMBERSHIPS,
        states.map((s) => ({ key: s.membership })),
      ),
      ldc: tallyOf(
        LDC_STATUSES,
        states.map((s) => ({ key: s.ldc.status })),
      ),
      ldcWithScheduledGraduation: states.filter((s) => s.ldc.status === 'ldc' && s.ldc.scheduledGraduation !== null).length,
      sids: states.filter((s) => s.sids).length,
      odaRecipients: states.filter((s) => s.oda.recipient === true).length,
      noPolygon110m: states.filter((s) => !s.map.polygon110m).length,
    },
    sources: readJson<unknown[]>(dir, 'sources.json').length,
    instruments: instruments.length,
    events: events.length,
    publishedCounts: readJson<unknown[]>(dir, 'counts.json').length,
    parties: [...instruments].sort((a, b) => (a.id < b.id ? -1 : 1)).map((i) => ({ id: i.id, ...partiesOn(i, i.dataAsOf) })),
    uncatOnStatusPage: partiesOn(uncat, UNCAT_STATUS_PAGE_DATE),
    cat: {
      reports: catReports.length,
      statesWithHistory: new Set(catReports.map((r) => r.stateIso3)).size,
      reportsAsOf: [...new Set(catReports.map((r) => r.asOf))].sort(),
      followUpListLengths: [...catLists].sort((a, b) => a.session - b.session).map((l) => l.states.length),
      sessions: readJson<unknown[]>(dir, 'cat-sessions.json').length,
      reportingStates: catStates.length,
      reportingStatesAsOf: [...new Set(catStates.map((s) => s.asOf))].sort(),
      completeness: tallyOf(
        ['complete', 'partial', 'none'],
        catStates.map((s) => ({ key: s.completeness })),
      ),
      partialBy: {
        reports: partialWithReports.length,
        sessions: partialWithSessions.length,
        followUpListsOnly: partial.length - partialWithReports.length - partialWithSessions.length,
      },
      annualReports: readJson<unknown[]>(dir, 'cat-annual-reports.json').length,
    },
    upr: {
      sessions: uprSessions.length,
      firstSession: sessionNumbers[0] ?? 0,
      lastSession: sessionNumbers.at(-1) ?? 0,
      reviews: uprReviews.length,
      reviewsByStatus: tally(uprReviews, (r) => r.status),
      reviewsBySession: tally(uprReviews, (r) => String(r.session)),
      recommendations: recommendations.length,
      recommendationsBySource: Object.fromEntries(
        Object.keys(bySource)
          .sort()
          .map((k) => [k, bySource[k]!]),
      ),
      bySession,
      slovenia,
      pledges: readJson<unknown[]>(dir, 'upr-pledges.json').length,
      sources: readJson<unknown[]>(dir, 'upr-sources.json').length,
    },
  };
}

const n = (value: number): string => value.toLocaleString('en-US');

/** The markdown table between the markers (markers included). */
export function figuresBlock(f: SeedFigures): string {
  const rows: [string, string, string][] = [
    ['`states.json`', 'entities', n(f.states.total)],
    [
      '',
      'UN Member States / observer States / non-members',
      `${n(f.states.membership['un-member'])} / ${n(f.states.membership['observer-state'])} / ${n(f.states.membership['non-member'])}`,
    ],
    ['', 'LDC status `ldc` / `graduated` / `never`', `${n(f.states.ldc.ldc)} / ${n(f.states.ldc.graduated)} / ${n(f.states.ldc.never)}`],
    ['', 'LDCs with a scheduled graduation date', n(f.states.ldcWithScheduledGraduation)],
    ['', 'small island developing States', n(f.states.sids)],
    ['', 'ODA recipients (2022-2023 list)', n(f.states.odaRecipients)],
    ['', 'no polygon on the 1:110m map', n(f.states.noPolygon110m)],
    ['`sources.json`', 'sources', n(f.sources)],
    ['`instruments.json`', 'instruments', n(f.instruments)],
    ['`events.json`', 'participation events', n(f.events)],
    ['`counts.json`', 'published counts', n(f.publishedCounts)],
    ...f.parties.map((p, i): [string, string, string] => [
      i === 0 ? '`events.json` through the status engine' : '',
      `\`${p.id}\` on ${p.asOf} (its data date): States Parties / signatories`,
      `${n(p.statesParties)} / ${n(p.signatories)}`,
    ]),
    // The CAT files' own UNTC page, when the UNCAT data runs to a later date than it.
    ...(f.parties.some((p) => p.id === 'uncat' && p.asOf === f.uncatOnStatusPage.asOf)
      ? []
      : [
          [
            '',
            `\`uncat\` on ${f.uncatOnStatusPage.asOf} (the UNTC page of the CAT files): States Parties / signatories`,
            `${n(f.uncatOnStatusPage.statesParties)} / ${n(f.uncatOnStatusPage.signatories)}`,
          ] as [string, string, string],
        ]),
    [
      '`cat-reports.json`',
      `reporting rounds / States with a history (as of ${f.cat.reportsAsOf.join(', ')})`,
      `${n(f.cat.reports)} / ${n(f.cat.statesWithHistory)}`,
    ],
    [
      '`cat-follow-up-lists.json`',
      'lists (States on each)',
      `${n(f.cat.followUpListLengths.length)} (${f.cat.followUpListLengths.join(', ')})`,
    ],
    ['`cat-sessions.json`', 'sessions', n(f.cat.sessions)],
    [
      '`cat-reporting-states.json`',
      `UNCAT parties on ${f.cat.reportingStatesAsOf.join(', ')}: history complete / partial / none`,
      `${n(f.cat.reportingStates)}: ${n(f.cat.completeness.complete)} / ${n(f.cat.completeness.partial)} / ${n(f.cat.completeness.none)}`,
    ],
    [
      '',
      'partial: with report-by-report rows / with sessions only / on a follow-up list only',
      `${n(f.cat.partialBy.reports)} / ${n(f.cat.partialBy.sessions)} / ${n(f.cat.partialBy.followUpListsOnly)}`,
    ],
    ['`cat-annual-reports.json`', 'annual reports', n(f.cat.annualReports)],
    ['`upr-sessions.json`', `sessions (${f.upr.firstSession}-${f.upr.lastSession})`, n(f.upr.sessions)],
    [
      '`upr-reviews.json`',
      `reviews (${Object.entries(f.upr.reviewsByStatus)
        .sort()
        .map(([s, c]) => `${s} ${n(c)}`)
        .join(', ')})`,
      n(f.upr.reviews),
    ],
    ['`upr-recommendations.ndjson`', 'recommendations', n(f.upr.recommendations)],
    ...Object.entries(f.upr.recommendationsBySource).map(([id, c]): [string, string, string] => ['', `from \`${id}\``, n(c)]),
    ['`upr-pledges.json`', 'voluntary pledges', n(f.upr.pledges)],
    ['`upr-sources.json`', 'sources', n(f.upr.sources)],
  ];
  return [
    FIGURES_START,
    '| Seed file | What is counted | Count |',
    '|---|---|--:|',
    ...rows.map(([file, what, count]) => `| ${file} | ${what} | ${count} |`),
    FIGURES_END,
  ].join('\n');
}

/** The README with its figures block replaced by `block`; an error if the markers are missing. */
export function withFigures(readme: string, block: string): string {
  const start = readme.indexOf(FIGURES_START);
  const end = readme.indexOf(FIGURES_END);
  if (start < 0 || end < start) throw new Error(`data/README.md has no figures block (${FIGURES_START} ... ${FIGURES_END})`);
  return readme.slice(0, start) + block + readme.slice(end + FIGURES_END.length);
}

export const README_PATH = join(repoRoot, 'data/README.md');

/** Rewrites the figures block of data/README.md from the seed; true when it changed. */
export function writeReadmeFigures(): boolean {
  const readme = readFileSync(README_PATH, 'utf8');
  const updated = withFigures(readme, figuresBlock(seedFigures()));
  if (updated === readme) return false;
  writeFileSync(README_PATH, updated);
  return true;
}
