import { describe, expect, it } from 'vitest';
import { catDialogueFacts, participationFacts, uprReviewFacts, uprSessionFacts } from './agenda.js';
import type { CatReport, CatSession } from './cat-reporting.js';
import type { Segment } from './status-engine.js';

const detail = (eventIds: string[]) => ({ eventIds }) as unknown as Segment['detail'];
const sourcesOf = (ids: readonly string[]) => ids.map((id) => `source-of-${id}`);

describe('participationFacts', () => {
  // South Africa and the Rome Statute: withdrawal notified 2016-10-19, revoked 2017-03-07 (C.N.121.2017).
  const southAfrica: Segment[] = [
    { from: null, status: 'no-action', detail: detail([]) },
    { from: '1998-07-17', status: 'signatory', detail: detail(['sig']) },
    { from: '2000-11-27', status: 'party-not-in-force', detail: detail(['sig', 'rat']) },
    { from: '2002-07-01', status: 'party', detail: detail(['sig', 'rat']) },
    { from: '2016-10-19', status: 'withdrawal-pending', detail: detail(['sig', 'rat', 'wd']) },
    { from: '2017-03-07', status: 'party', detail: detail(['sig', 'rat', 'wd', 'rev']) },
  ];

  it('gives the entry into force once: a revoked withdrawal is not a new entry into force', () => {
    const facts = participationFacts('rome-statute', 'ZAF', southAfrica, sourcesOf, '2026-12-05');
    expect(facts.map((f) => [f.kind, f.date, f.status])).toEqual([['entry-into-force', '2002-07-01', 'held']]);
    expect(facts[0]!.sourceIds).toEqual(['source-of-sig', 'source-of-rat']);
    expect(facts[0]!.uid).toBe('entry-into-force-rome-statute-ZAF-2002-07-01@treaty-tracker');
  });

  it('gives a withdrawal taking effect, scheduled while its date is ahead', () => {
    // Hungary: notified 2025-06-02, effective a year later (art. 127).
    const hungary: Segment[] = [
      { from: null, status: 'no-action', detail: detail([]) },
      { from: '2001-11-30', status: 'party', detail: detail(['rat']) },
      { from: '2025-06-02', status: 'withdrawal-pending', detail: detail(['rat', 'wd']) },
      { from: '2026-06-02', status: 'withdrawn', detail: detail(['rat', 'wd']) },
    ];
    const before = participationFacts('rome-statute', 'HUN', hungary, sourcesOf, '2026-01-01');
    expect(before.map((f) => [f.kind, f.date, f.status])).toEqual([
      ['entry-into-force', '2001-11-30', 'held'],
      ['withdrawal-effective', '2026-06-02', 'scheduled'],
    ]);
    expect(participationFacts('rome-statute', 'HUN', hungary, sourcesOf, '2026-06-02')[1]!.status).toBe('held');
  });

  it('leaves out a change known only to the month or year', () => {
    const coarse: Segment[] = [
      { from: null, status: 'no-action', detail: detail([]) },
      { from: '1990-01-01', fromPrecision: 'year', status: 'party', detail: detail(['acc']) },
    ];
    expect(participationFacts('uncat', 'XXX', coarse, sourcesOf, '2026-12-05')).toEqual([]);
  });
});

describe('UPR facts', () => {
  const reviews = [
    { id: 'A-53', stateIso3: 'AAA', session: 53, status: 'held', reviewDate: '2026-11-03', sourceIds: ['s'] },
    { id: 'B-53', stateIso3: 'BBB', session: 53, status: 'scheduled', reviewDate: null, sourceIds: ['s'] },
    { id: 'C-54', stateIso3: 'CCC', session: 54, status: 'postponed', reviewDate: '2027-01-20', sourceIds: ['s'] },
  ];
  it('lists only dated reviews that still stand, and a session as held once one of its reviews is', () => {
    expect(uprReviewFacts(reviews).map((f) => [f.uid, f.status])).toEqual([['upr-review-A-53@treaty-tracker', 'held']]);
    const sessions = uprSessionFacts(
      [
        { session: 53, startDate: '2026-11-02', endDate: null, sourceIds: ['x'] },
        { session: 54, startDate: '2027-01-19', endDate: null, sourceIds: ['x'] },
        { session: 55, startDate: null, endDate: null, sourceIds: ['x'] },
      ],
      reviews,
    );
    expect(sessions.map((f) => [f.details.session, f.status, f.details.statesReviewed])).toEqual([
      [53, 'held', 2],
      [54, 'scheduled', 1],
    ]);
  });
});

describe('catDialogueFacts', () => {
  it('takes a dialogue once, from the session page first, with its planned flag', () => {
    const session = {
      id: 'cat-session-84',
      session: 84,
      start: '2026-04-13',
      end: '2026-05-01',
      note: null,
      sourceIds: ['page'],
      asOf: '2026-05-01',
      activities: [
        {
          stateIso3: 'GAB',
          stateAsNamed: 'Gabon',
          territory: null,
          kind: 'report-considered',
          planned: true,
          activityAsStated: '',
          dialogueDates: { from: '2026-04-21', to: '2026-04-22', precision: 'day' },
          note: null,
          sourceId: 'page',
        },
      ],
    } as CatSession;
    const report = {
      stateIso3: 'GAB',
      number: 2,
      lastNumber: 2,
      dialogueSession: 84,
      dialogueDates: { from: '2026-04-21', to: '2026-04-22', precision: 'day' },
      sourceId: 'history',
    } as CatReport;
    const facts = catDialogueFacts([session], [report]);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ status: 'scheduled', endDate: '2026-04-22', sourceIds: ['page'] });
  });
});
