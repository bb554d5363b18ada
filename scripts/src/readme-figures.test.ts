/**
 * data/README.md against data/seed: the generated figures block is current, and every count the
 * README states in its prose that the seed can give agrees with the seed. A count that describes
 * a raw file only (rows of an export, lines of a page) is not checked here: the seed cannot say.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figuresBlock, README_PATH, seedFigures, withFigures, type SeedFigures } from './readme-figures.js';

const readme = readFileSync(README_PATH, 'utf8');
const figures = seedFigures();
/** The prose with line breaks and runs of spaces as single spaces, so a claim can span lines. */
const prose = readme.replace(/\s+/g, ' ');

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
};
/** "61,467" -> 61467, "seven" -> 7; anything else (a date, names) stays text. */
const value = (text: string): number | string =>
  /^[\d,]+$/.test(text) ? Number(text.replace(/,/g, '')) : (WORDS[text.toLowerCase()] ?? text);

const sumOver = (f: SeedFigures, sessions: number[], key: 'recommendations' | 'supported' | 'noted') =>
  sessions.reduce((total, s) => total + (f.upr.bySession[s]?.[key] ?? 0), 0);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const bySourcePrefix = (f: SeedFigures, prefix: string) =>
  Object.entries(f.upr.recommendationsBySource)
    .filter(([id]) => id.startsWith(prefix))
    .reduce((total, [, count]) => total + count, 0);

/**
 * Each claim: a pattern that must match the README's prose exactly once, and the values its
 * groups must have, from the seed's figures (the groups as read, for a value the seed cannot give).
 */
const CLAIMS: { says: RegExp; is: (f: SeedFigures, read: (number | string)[]) => (number | string)[] }[] = [
  // raw/states/
  {
    says: /cover the same (\d+) entities: the (\d+) UN Member States, the (\w+) observer States/,
    is: (f) => [f.states.total, f.states.membership['un-member'], f.states.membership['observer-state']],
  },
  { says: /The (\d+) current Least Developed Countries and the (\d+) graduates/, is: (f) => [f.states.ldc.ldc, f.states.ldc.graduated] },
  { says: /(\d+) of the (\d+) are SIDS/, is: (f) => [f.states.sids, f.states.total] },
  { says: /\((\d+) countries and territories, (\d+) of them in the registry\)/, is: (f, read) => [read[0]!, f.states.odaRecipients] },
  { says: /(\d+) entities have no polygon at 110m/, is: (f) => [f.states.noPolygon110m] },
  // raw/cat-reporting/
  {
    says: /The (\d+) parties and (\d+) signatories of UNCAT from the UNTC status page of 3 February 2026/,
    is: (f) => [f.uncatOnStatusPage.statesParties, f.uncatOnStatusPage.signatories],
  },
  { says: /\(they do for all (\d+)\)/, is: (f) => [f.uncatOnStatusPage.statesParties] },
  // seed/
  { says: /The (\d+) instruments with the ids/, is: (f) => [f.instruments] },
  { says: /for all (\d+) instruments: ([\d,]+) events/, is: (f) => [f.instruments, f.events] },
  {
    says: /One record per reporting round of the (\d+) States with a history \((\d+) records\)/,
    is: (f) => [f.cat.statesWithHistory, f.cat.reports],
  },
  {
    says: /Every record cites `cat-reporting-history-17-states` and has `asOf` (\d{4}-\d{2}-\d{2})/,
    is: (f) => [f.cat.reportsAsOf.join(', ')],
  },
  {
    says: /The (\w+) lists \(((?:\d+, )*\d+ and \d+) States\)/,
    is: (f) => [
      f.cat.followUpListLengths.length,
      `${f.cat.followUpListLengths.slice(0, -1).join(', ')} and ${f.cat.followUpListLengths.at(-1)}`,
    ],
  },
  { says: /One record per session in the sessions file \((\d+)\)/, is: (f) => [f.cat.sessions] },
  { says: /One record per UNCAT party on (\S+) \((\d+)\)/, is: (f) => [f.cat.reportingStatesAsOf.join(', '), f.cat.reportingStates] },
  { says: /`complete` \((\d+):/, is: (f) => [f.cat.completeness.complete] },
  {
    says: /`partial` \((\d+)\): something is recorded \((\d+) with report-by-report rows that miss earlier rounds, (\d+) more with entries in the sessions file but no report-by-report row, (\d+) more only named on a follow-up list\)/,
    is: (f) => [f.cat.completeness.partial, f.cat.partialBy.reports, f.cat.partialBy.sessions, f.cat.partialBy.followUpListsOnly],
  },
  { says: /`none` \((\d+)\): nothing beyond/, is: (f) => [f.cat.completeness.none] },
  { says: /The totals of the (\w+) annual reports/, is: (f) => [f.cat.annualReports] },
  // raw/upr/ and the UPR seed files
  { says: /session 26 with (\d+) of its 14 States/, is: (f) => [f.upr.bySession[26]?.statesUnderReview ?? 0] },
  { says: /Session 26 holds only (\d+) of the 14 States/, is: (f) => [f.upr.bySession[26]?.statesUnderReview ?? 0] },
  {
    says: /the seed takes \*\*sessions 21-27 only\*\* \(([\d,]+) rows: ([\d,]+) supported, ([\d,]+) noted\)/,
    is: (f) => (['recommendations', 'supported', 'noted'] as const).map((key) => sumOver(f, range(21, 27), key)),
  },
  { says: /([\d,]+) voluntary pledges made by States under review/, is: (f) => [f.upr.pledges] },
  {
    says: /(\d+), (\d+) and (\d+) recommendations \((\d+)\/(\d+), (\d+)\/(\d+) and (\d+)\/(\d+) supported\/noted\)/,
    is: (f) => {
      const [a, b, c] = [20, 34, 48].map((s) => f.upr.slovenia[s] ?? { recommendations: 0, supported: 0, noted: 0 });
      return [
        a!.recommendations,
        b!.recommendations,
        c!.recommendations,
        a!.supported,
        a!.noted,
        b!.supported,
        b!.noted,
        c!.supported,
        c!.noted,
      ];
    },
  },
  {
    says: /The State under review in each session 1-20 \((\d+) reviews\)/,
    is: (f) => [range(1, 20).reduce((t, s) => t + (f.upr.reviewsBySession[s] ?? 0), 0)],
  },
  { says: /`upr-sessions\.json`: sessions (\d+)-(\d+)/, is: (f) => [f.upr.firstSession, f.upr.lastSession] },
  { says: /`upr-reviews\.json`: (\d+) reviews/, is: (f) => [f.upr.reviews] },
  {
    // The 2015 export's rows less Slovenia's 20th-session review are its recommendations in the seed.
    says: /`upr-recommendations\.ndjson`: ([\d,]+) recommendations \(([\d,]+) rows of the 2015 export less the (\d+) of Slovenia's 20th-session review, which the OHCHR list gives, \+ ([\d,]+) rows of sessions 21-27 of the 2018 export \+ (\d+) of the Slovenia lists\)/,
    is: (f, read) => [
      f.upr.recommendations,
      bySourcePrefix(f, 'upr-info-export-2015-') + Number(read[2]),
      read[2]!,
      bySourcePrefix(f, 'upr-info-export-2018-'),
      f.upr.recommendationsBySource['ohchr-thematic-lists-slovenia-sessions-20-34-48'] ?? 0,
    ],
  },
  { says: /`upr-pledges\.json`: the (\d+) pledges/, is: (f) => [f.upr.pledges] },
  { says: /`upr-sources\.json`: the (\w+) sources/, is: (f) => [f.upr.sources] },
];

describe('data/README.md', () => {
  it('has the figures block that the seed gives (rewrite it: npx --yes pnpm@10 -F @tracker/scripts readme:figures)', () => {
    expect(readme).toBe(withFigures(readme, figuresBlock(figures)));
  });

  it.each(CLAIMS.map((claim) => [claim.says.source.slice(0, 70), claim] as const))('states what the seed holds: %s', (_, claim) => {
    const matches = [...prose.matchAll(new RegExp(claim.says.source, 'g'))];
    expect(matches, `data/README.md should say this once: ${claim.says.source}`).toHaveLength(1);
    const read = matches[0]!.slice(1).map(value);
    expect(read).toEqual(claim.is(figures, read));
  });

  it('adds up (the figures the claims rest on)', () => {
    // The per-source and per-session counts must add up to the total, so a counter that drops records shows.
    expect(figures.states.total).toBe(197);
    expect(figures.cat.followUpListLengths).toHaveLength(6);
    expect(Object.values(figures.upr.recommendationsBySource).reduce((a, b) => a + b, 0)).toBe(figures.upr.recommendations);
    expect(Object.values(figures.upr.bySession).reduce((a, b) => a + b.recommendations, 0)).toBe(figures.upr.recommendations);
  });
});
