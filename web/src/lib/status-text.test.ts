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
};

describe('statusWithSince', () => {
  it.each([
    [{ status: 'withdrawn', since: '2017-10-27' }, 'Withdrawn since 27 Oct 2017'],
    [{ status: 'no-action', since: null }, 'No action'],
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
  ] as { name: string; row: StatusRow; expected: string[] }[])('$name', ({ row, expected }) => expect(statusFacts(row, text)).toEqual(expected));
});

describe('summarySentence', () => {
  it.each([
    {
      name: 'all states, statuses nobody has left out',
      input: { instrument: 'Rome Statute', asOf: '2017-10-26', filtered: false, counts: { party: 123, signatory: 27, 'signature-withdrawn': 4, 'withdrawal-pending': 1, withdrawn: 0, 'no-action': 42 } },
      expected:
        'Rome Statute on 26 Oct 2017, all 197 states: 123 parties, 27 signatories, 4 states that withdrew their signature, 1 party whose withdrawal is pending and 42 states with no action.',
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
