import { describe, expect, it } from 'vitest';
import { groupStanding, PROGRESS_GROUPS, progressSeries, statesQueryOf } from './group-progress.js';
import { matchesGroups } from './state-groups.js';

describe('PROGRESS_GROUPS', () => {
  it('has the five UN regional groups, the five M49 regions, the LDCs and the SIDS, each once', () => {
    expect(PROGRESS_GROUPS.map((g) => g.id)).toEqual([
      'african',
      'asia-pacific',
      'eastern-european',
      'latin-american-caribbean',
      'western-european-others',
      'm49-002',
      'm49-009',
      'm49-019',
      'm49-142',
      'm49-150',
      'ldc',
      'sids',
    ]);
  });

  it('selects members with the state filters, and writes each filter as the states query', () => {
    // Burundi: African Group, Eastern Africa (014) in Africa (002), a least developed country, not a small island State.
    const burundi = { regionCodes: ['002', '202', '014'], unRegionalGroup: 'african' as const, ldc: true, sids: false, oda: true };
    const selecting = PROGRESS_GROUPS.filter((g) => matchesGroups(burundi, g.filters)).map((g) => g.id);
    expect(selecting).toEqual(['african', 'm49-002', 'ldc']);
    expect(PROGRESS_GROUPS.map((g) => statesQueryOf(g.filters))).toContainEqual({ ldc: 'true' });
    expect(statesQueryOf({ region: '150', group: undefined })).toEqual({ region: '150' });
  });
});

describe('groupStanding', () => {
  // Rome Statute, 15 February 2017: Burundi's and South Africa's withdrawals pending, Gambia's
  // revoked five days before, Jamaica a signatory (data/raw/treaties/rome_statute_events.csv).
  const members = [
    { iso3: 'BDI', name: 'Burundi', status: 'withdrawal-pending' as const, uncertain: false },
    { iso3: 'GMB', name: 'Gambia', status: 'party' as const, uncertain: false },
    { iso3: 'JAM', name: 'Jamaica', status: 'signatory' as const, uncertain: false },
    { iso3: 'ZAF', name: 'South Africa', status: 'withdrawal-pending' as const, uncertain: false },
  ];

  it('counts a State whose withdrawal is pending as a State Party, as the depositary does', () => {
    const standing = groupStanding(members);
    expect(standing).toMatchObject({ members: 4, statesParties: 3, signatories: 1 });
    expect(standing.byStatus['withdrawal-pending'].map((m) => m.iso3)).toEqual(['BDI', 'ZAF']);
    expect(standing.byStatus.party.map((m) => m.iso3)).toEqual(['GMB']);
  });

  it('lists every status, empty where no member has it', () => {
    const standing = groupStanding([]);
    expect(standing.members).toBe(0);
    expect(Object.keys(standing.byStatus)).toHaveLength(7);
    expect(Object.values(standing.byStatus).every((list) => list.length === 0)).toBe(true);
  });

  it('refuses a status it does not know', () => {
    expect(() => groupStanding([{ iso3: 'XXX', name: 'X', status: 'member' as never, uncertain: false }])).toThrow(TypeError);
  });
});

describe('progressSeries', () => {
  it('keeps the first point and each date on which the count of States Parties changes', () => {
    // Made-up points for the rule alone (real series are checked in api/test/advocacy-progress.test.ts):
    // the second and fourth change other counts only, such as signatures.
    const points = [
      { date: '2001-01-01', parties: 0 },
      { date: '2001-02-01', parties: 0 },
      { date: '2001-03-01', parties: 2 },
      { date: '2001-04-01', parties: 2 },
      { date: '2001-05-01', parties: 1 },
    ];
    expect(progressSeries(points)).toEqual([
      { date: '2001-01-01', statesParties: 0 },
      { date: '2001-03-01', statesParties: 2 },
      { date: '2001-05-01', statesParties: 1 },
    ]);
    expect(progressSeries([])).toEqual([]);
  });
});
