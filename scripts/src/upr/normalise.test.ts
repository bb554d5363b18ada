import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDir } from '../normalise/paths.js';
import { buildUprSeed, toNdjson, UPR_RECOMMENDATIONS_FILE } from './normalise.js';
import { registry } from './test-support.js';

const seed = buildUprSeed(registry);
const recommendations = seed.recommendations;
const reviews = seed.files['upr-reviews.json'];
const find = (id: string) => reviews.find((r) => r.id === id);

describe('buildUprSeed', () => {
  it('finds no problem in the bundled raw files', () => {
    expect(seed.problems).toEqual([]);
  });

  it('matches the committed data/seed files (run the normaliser after changing data/raw/upr)', () => {
    for (const [name, records] of Object.entries(seed.files)) {
      expect(readFileSync(join(seedDir, name), 'utf8'), name).toBe(`${JSON.stringify(records, null, 2)}\n`);
    }
    expect(readFileSync(join(seedDir, UPR_RECOMMENDATIONS_FILE), 'utf8') === toNdjson(recommendations), UPR_RECOMMENDATIONS_FILE).toBe(
      true,
    );
    // Some 61,000 records serialised and compared: seconds on two shared cores.
  }, 30_000);

  it('writes 41,066 UPR Info (2015) rows, 19,949 UPR Info (2018) rows of sessions 21-27 and 632 OHCHR recommendations, less the 180 UPR Info rows of the review both cover, 947 pledges, 54 sessions and 595 reviews', () => {
    const bySource = new Map<string, number>();
    for (const r of recommendations) bySource.set(r.sourceId, (bySource.get(r.sourceId) ?? 0) + 1);
    expect(Object.fromEntries(bySource)).toEqual({
      'upr-info-export-2015-sessions-01-05': 6_094,
      'upr-info-export-2015-sessions-06-09': 8_343,
      'upr-info-export-2015-sessions-10-13': 9_047,
      'upr-info-export-2015-sessions-14-17': 9_598,
      // 7,984 rows, less Slovenia's 20th-session review, which OHCHR's thematic list gives officially.
      'upr-info-export-2015-sessions-18-20': 7_984 - 180,
      // The 2018 export from session 21 on: the 2015 export stands for sessions 1-20 (data/README.md).
      'upr-info-export-2018-sessions-19-21': 2_769,
      'upr-info-export-2018-sessions-22-24': 8_447,
      'upr-info-export-2018-sessions-25-27': 8_733,
      'ohchr-thematic-lists-slovenia-sessions-20-34-48': 632,
    });
    const slovenia20 = recommendations.filter((r) => r.reviewId === 'SVN-20');
    expect(slovenia20.length).toBeGreaterThan(100);
    expect(slovenia20.every((r) => r.sourceId.startsWith('ohchr-'))).toBe(true);
    expect(recommendations.filter((r) => r.reviewId === 'SVN-20')).toHaveLength(163);
    expect(seed.files['upr-pledges.json']).toHaveLength(947);
    expect(seed.files['upr-sessions.json'].map((s) => s.session)).toEqual(Array.from({ length: 54 }, (_, i) => i + 1));
    expect(reviews).toHaveLength(595);
  });

  it('adds sessions 21-27 from the 2018 export: 14 reviews a session, 11 in session 26, all held; nothing of sessions 1-20 from it', () => {
    const from2018 = recommendations.filter((r) => r.sourceId.startsWith('upr-info-export-2018-'));
    expect(from2018).toHaveLength(19_949);
    expect(from2018.every((r) => r.session >= 21 && r.session <= 27)).toBe(true);
    expect(recommendations.filter((r) => r.session >= 21 && r.session <= 27 && !r.sourceId.startsWith('upr-info-export-2018-'))).toEqual(
      [],
    );
    const reviewsIn = (session: number) => reviews.filter((r) => r.session === session);
    expect([21, 22, 23, 24, 25, 26, 27].map((s) => reviewsIn(s).length)).toEqual([14, 14, 14, 14, 14, 11, 14]);
    expect(reviewsIn(26).map((r) => r.stateIso3)).toEqual(['HTI', 'ISL', 'LTU', 'MDA', 'SSD', 'SYR', 'TGO', 'TLS', 'UGA', 'VEN', 'ZWE']);
    expect(reviews.filter((r) => r.session >= 21 && r.session <= 27 && r.status !== 'held')).toEqual([]);
    // The 26th session says in its note that the data holds 11 of its 14 States, and which.
    const sessions = seed.files['upr-sessions.json'];
    expect(sessions.find((s) => s.session === 26)).toMatchObject({
      sourceIds: ['cehdi-upr-session-years-2026-05-28', 'upr-info-export-2018-sessions-25-27'],
      note: expect.stringMatching(
        /^Recommendations of 11 of the 14 States reviewed in this session are in the data \(Haiti, Iceland, .*Zimbabwe\)/,
      ) as unknown,
    });
    expect(sessions.filter((s) => s.note !== undefined).map((s) => s.session)).toEqual([26]);
    // "Supported" is the 2018 export's word; the first data row of the sessions 25-27 file.
    expect(from2018.find((r) => r.sourceId === 'upr-info-export-2018-sessions-25-27' && r.sourceLine === 2)).toMatchObject({
      reviewId: 'DZA-27',
      text: 'Ratify other human rights conventions to which Algeria is not yet a State party',
      recommendingStates: [{ iso3: 'PHL', nameAsRecorded: 'Philippines' }],
      response: 'noted',
      responseAsRecorded: 'Noted',
      actionCategory: 5,
      themes: [],
    });
  });

  it('gives every recommendation and pledge a review, and every review a session; ids are unique', () => {
    const reviewIds = new Set(reviews.map((r) => r.id));
    expect(recommendations.filter((r) => !reviewIds.has(r.reviewId))).toEqual([]);
    expect(seed.files['upr-pledges.json'].filter((p) => !reviewIds.has(p.reviewId))).toEqual([]);
    expect(new Set(recommendations.map((r) => r.id)).size).toBe(recommendations.length);
  });

  it('sorts recommendations by session, State under review, source and line', () => {
    const key = (r: (typeof recommendations)[number]) =>
      [String(r.session).padStart(2, '0'), r.stateUnderReviewIso3, r.sourceId, String(r.sourceLine).padStart(6, '0')].join(' ');
    const keys = recommendations.map(key);
    expect(keys).toEqual([...keys].sort());
  });

  it('merges the Slovenia documents into its reviews, and the calendar into session 48', () => {
    expect(find('SVN-20')?.documents.map((d) => d.symbol)).toEqual(['A/HRC/28/15', 'A/HRC/28/15/Add.1']);
    expect(find('SVN-34')).toMatchObject({
      status: 'held',
      statusAsRecorded: null,
      sourceIds: ['ohchr-thematic-lists-slovenia-sessions-20-34-48'],
    });
    expect(find('SVN-48')).toMatchObject({
      status: 'held',
      statusAsRecorded: 'held',
      documents: [
        { symbol: 'A/HRC/59/15', kind: 'wg-report' },
        { symbol: 'A/HRC/59/15/Add.1', kind: 'wg-report-addendum' },
      ],
      sourceIds: ['ohchr-thematic-lists-slovenia-sessions-20-34-48', 'upr-calendar-cycle-4-compiled-2026-11-22'],
    });
  });

  it('keeps both calendar facts about the United States: 50 postponed, 53 planned', () => {
    expect(find('USA-50')).toMatchObject({ status: 'postponed', reviewDate: '2025-11-07' });
    expect(find('USA-53')).toMatchObject({ status: 'scheduled', reviewDate: null });
    expect(reviews.filter((r) => r.stateIso3 === 'USA').map((r) => r.id)).toEqual(['USA-9', 'USA-22', 'USA-50', 'USA-53']);
  });

  it('takes session years from the look-up and dates from the calendar, and 54’s year from its start date', () => {
    const sessions = seed.files['upr-sessions.json'];
    expect(sessions[0]).toEqual({
      session: 1,
      cycle: 1,
      year: 2008,
      startDate: null,
      endDate: null,
      sourceIds: ['cehdi-upr-session-years-2026-05-28'],
    });
    expect(sessions[40]).toMatchObject({ session: 41, year: 2022, startDate: '2022-11-07', endDate: '2022-11-18' });
    expect(sessions[53]).toEqual({
      session: 54,
      cycle: 4,
      year: 2027,
      startDate: '2027-01-19',
      endDate: null,
      sourceIds: ['upr-calendar-cycle-4-compiled-2026-11-22'],
    });
  });

  it('lists the sources it cites, all registered, with their raw files', () => {
    const sources = seed.files['upr-sources.json'];
    expect(sources.map((s) => s.id)).toHaveLength(13);
    expect(sources.every((s) => s.rawFile?.startsWith('data/raw/upr/'))).toBe(true);
  });

  it('reports the recommending entity with no ISO3 and the one session year the review-years table disagrees with', () => {
    expect(seed.summary).toContain(
      'recommending entity with no ISO3: "(Unknown)" in 9 row(s), e.g. data/raw/upr/upr-info-export_2015_sessions-01-05.csv:2497',
    );
    expect(seed.summary.filter((l) => l.startsWith('review years: ') && l.includes(' by the session look-up'))).toEqual([
      'review years: HTI-12 is in 2011 by the session look-up, 2010 by data/raw/upr/upr_review-years_cycles1-2_by-state.csv:74',
    ]);
  });
});
