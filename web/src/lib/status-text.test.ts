import { describe, expect, it } from 'vitest';
import { orderedCounts, statusFacts, statusWithSince, summarySentence, type StatusRow } from './status-text';
import { english } from './test-helpers';

const { t } = english();
const text = { t, locale: 'en' };
const burundi: StatusRow = {
  iso3: 'BDI',
  status: 'withdrawal-pending',
  since: '2016-10-27',
  signature: { date: '1999-01-13', precision: 'day' },
  consent: { date: '2004-09-21', precision: 'day', kind: 'ratification' },
  entryIntoForce: { date: '2004-12-01', computed: true },
  withdrawal: { notified: '2016-10-27', effective: '2017-10-27', computed: false },
  uncertain: false,
  sourceIds: ['reuters'],
  unconfirmed: 0,
  sincePrecision: 'day',
  revokedWithdrawals: [],
  jurisdictionFrom: null,
  reports: [],
};

describe('statusWithSince', () => {
  it.each([
    [{ status: 'withdrawn', since: '2017-10-27' }, 'Withdrawn since 27 Oct 2017'],
    [{ status: 'no-action', since: null }, 'No action'],
    // Israel, Rome Statute: known to the year only (data/raw/treaties/rome_statute_events.csv)
    [{ status: 'signature-withdrawn', since: '2002-01-01', sincePrecision: 'year' }, 'Signature withdrawn since 2002'],
  ] as const)('%j -> %s', (row, expected) => expect(statusWithSince(row, text)).toBe(expected));
});

describe('statusFacts', () => {
  it.each([
    {
      name: 'a withdrawal pending, with every date',
      row: burundi,
      expected: [
        'Signature: 13 Jan 1999',
        'Ratification: 21 Sept 2004',
        "Entry into force: 1 Dec 2004 (computed from the treaty's rule)",
        'Withdrawal notified 27 Oct 2016, effective 27 Oct 2017',
      ],
    },
    {
      name: 'no action: every date not recorded',
      row: { ...burundi, status: 'no-action', since: null, signature: null, consent: null, entryIntoForce: null, withdrawal: null },
      expected: ['Signature: not recorded', 'Ratification or accession: not recorded', 'Entry into force: not recorded'],
    },
    {
      name: 'an accession has no signature to record (Japan, Rome Statute)',
      row: {
        ...burundi,
        iso3: 'JPN',
        status: 'party',
        since: '2007-10-01',
        signature: null,
        consent: { date: '2007-07-17', precision: 'day', kind: 'accession' },
        entryIntoForce: { date: '2007-10-01', computed: true },
        withdrawal: null,
      },
      expected: [
        'Signature: not applicable (accession)',
        'Accession: 17 Jul 2007',
        "Entry into force: 1 Oct 2007 (computed from the treaty's rule)",
      ],
    },
    {
      name: 'coarse dates and unconfirmed reports are said, never hidden',
      row: { ...burundi, withdrawal: null, signature: { date: '2002-01-01', precision: 'year' }, uncertain: true, unconfirmed: 2 },
      expected: [
        'Signature: 2002',
        'Ratification: 21 Sept 2004',
        "Entry into force: 1 Dec 2004 (computed from the treaty's rule)",
        'Date uncertain: the source gives only the month or year',
        '2 unconfirmed reports (not applied)',
      ],
    },
    {
      // rome_statute_amendments.csv (XVIII-10-b) and the activation in rome_statute_events.csv
      name: 'aggression: the jurisdiction date beside the entry into force (Liechtenstein)',
      row: {
        ...burundi,
        iso3: 'LIE',
        status: 'party',
        signature: null,
        consent: { date: '2012-05-08', precision: 'day', kind: 'ratification' },
        entryIntoForce: { date: '2013-05-08', computed: true },
        withdrawal: null,
        jurisdictionFrom: '2018-07-17',
      },
      expected: [
        'Signature: not recorded',
        'Ratification: 8 May 2012',
        "Entry into force: 8 May 2013 (computed from the treaty's rule)",
        "Court's jurisdiction over the crime of aggression: from 17 Jul 2018",
      ],
    },
    {
      // rome_statute_events.csv: notified 2016-10-19, revoked March 2017 (month only)
      name: 'a revoked withdrawal, month precision kept (South Africa)',
      row: {
        ...burundi,
        iso3: 'ZAF',
        status: 'party',
        since: '2002-07-01',
        withdrawal: null,
        revokedWithdrawals: [{ notified: { date: '2016-10-19', precision: 'day' }, revoked: { date: '2017-03-01', precision: 'month' } }],
      },
      expected: [
        'Signature: 13 Jan 1999',
        'Ratification: 21 Sept 2004',
        "Entry into force: 1 Dec 2004 (computed from the treaty's rule)",
        'Withdrawal notified 19 Oct 2016, revoked March 2017 before it took effect: still a party throughout',
      ],
    },
    {
      // rome_statute_events.csv: the revocation of Hungary's withdrawal, unverified
      name: 'an unconfirmed report that would change the status: what, when and by whom',
      row: {
        ...burundi,
        iso3: 'HUN',
        status: 'withdrawn',
        withdrawal: null,
        uncertain: true,
        unconfirmed: 1,
        reports: [{ kind: 'withdrawal-revoked', date: '2026-05-29', precision: 'day', reportedBy: 'Secondary note' }],
      },
      expected: [
        'Signature: 13 Jan 1999',
        'Ratification: 21 Sept 2004',
        "Entry into force: 1 Dec 2004 (computed from the treaty's rule)",
        'Status uncertain: Withdrawal revoked reported for 29 May 2026 by Secondary note, unconfirmed',
        '1 unconfirmed report (not applied)',
      ],
    },
  ] as { name: string; row: StatusRow; expected: string[] }[])('$name', ({ row, expected }) =>
    expect(statusFacts(row, text)).toEqual(expected),
  );
});

describe('statusFacts: successions', () => {
  it('never gives the notification as an entry into force (Slovakia, UNCAT: no date of succession recorded)', () => {
    // data/raw/treaties/raw/untc_IV-9_uncat_status_2026-02-03.txt: "28 May 1993 d", no date of succession
    const slovakia: StatusRow = {
      ...burundi,
      iso3: 'SVK',
      status: 'party',
      since: '1993-05-28',
      signature: null,
      withdrawal: null,
      consent: { date: '1993-05-28', precision: 'day', kind: 'succession' },
      entryIntoForce: null,
    };
    const lines = statusFacts(slovakia, text);
    expect(lines).toContain('Succession: 28 May 1993');
    expect(lines).toContain(
      'Effective date of succession: not recorded (the date of State succession is not in the sources; the notification of succession is not an entry into force)',
    );
    expect(lines.some((line) => line.startsWith('Entry into force'))).toBe(false);
  });
});

describe('summarySentence', () => {
  it.each([
    {
      name: 'all states, statuses nobody has left out',
      input: {
        instrument: 'Rome Statute',
        asOf: '2017-10-26',
        filtered: false,
        counts: { party: 123, signatory: 27, 'signature-withdrawn': 4, 'withdrawal-pending': 1, withdrawn: 0, 'no-action': 42 },
      },
      expected:
        'Rome Statute on 26 Oct 2017, all 197 states: 123 parties, 27 signatories, 4 states that withdrew their signature, 1 party whose withdrawal is pending and 42 states with no action.',
    },
    {
      // The Assembly's count on 2025-07-01: 125 States Parties, Hungary's withdrawal pending
      name: 'the headline count of States Parties, pending withdrawals named',
      input: {
        instrument: 'Rome Statute',
        asOf: '2025-07-01',
        filtered: false,
        counts: { party: 124, 'withdrawal-pending': 1, signatory: 5 },
        statesParties: { count: 125, pending: ['Hungary'] },
      },
      expected: 'Rome Statute on 1 Jul 2025, all 130 states: 125 States Parties (of which withdrawal pending: Hungary) and 5 signatories.',
    },
    {
      name: 'a filtered selection of one',
      input: { instrument: 'OPCAT', asOf: '2020-01-01', filtered: true, counts: { party: 1 } },
      expected: 'OPCAT on 1 Jan 2020, the one state matching the filters: 1 party.',
    },
    {
      name: 'an empty selection',
      input: { instrument: 'APIC', asOf: '2020-01-01', filtered: true, counts: {} },
      expected: 'APIC on 1 Jan 2020, the 0 states matching the filters: no state.',
    },
  ])('$name', ({ input, expected }) => expect(summarySentence(input, text)).toBe(expected));
});

describe('orderedCounts', () => {
  it('lists every status in legend order, zeros included', () => {
    expect(orderedCounts({ withdrawn: 3, party: 124 })).toEqual([
      { status: 'party', count: 124 },
      { status: 'party-not-in-force', count: 0 },
      { status: 'signatory', count: 0 },
      { status: 'signature-withdrawn', count: 0 },
      { status: 'withdrawal-pending', count: 0 },
      { status: 'withdrawn', count: 3 },
      { status: 'no-action', count: 0 },
    ]);
  });
});
