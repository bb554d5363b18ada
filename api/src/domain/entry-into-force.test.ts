import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  entryIntoForceFor,
  firstDayOfNextMonth,
  jurisdictionFrom,
  sevenEighthsThreshold,
  startOfNextPeriod,
  withdrawalEffectiveFor,
} from './entry-into-force.js';
import type { EntryIntoForceRule } from './types.js';

// Rules as the treaties state them (README.md in this folder, and each instrument's rulesNote in
// data/seed/instruments.json); the dates in the tables come from data/raw/treaties/*.csv (file
// named in each comment).
const ROME: EntryIntoForceRule = { kind: 'first-of-month-after-days', days: 60, generalEntryIntoForce: '2002-07-01' };
const UNCAT: EntryIntoForceRule = { kind: 'days-after-deposit', days: 30, generalEntryIntoForce: '1987-06-26' };
const OPCAT: EntryIntoForceRule = { kind: 'days-after-deposit', days: 30, generalEntryIntoForce: '2006-06-22' };
const APIC: EntryIntoForceRule = { kind: 'days-after-deposit', days: 30, generalEntryIntoForce: '2004-07-22' };
const ART_121_5: EntryIntoForceRule = { kind: 'one-year-after-deposit', activatedOn: null };
const AGGRESSION: EntryIntoForceRule = { kind: 'one-year-after-deposit', activatedOn: '2018-07-17' };
const ART_124_DELETION: EntryIntoForceRule = { kind: 'seven-eighths-of-parent-parties', parent: 'rome-statute' };
const ONE_YEAR = { kind: 'one-year-after-notification' } as const;

describe('entryIntoForceFor', () => {
  it.each([
    // Rome Statute art. 126(2) (README.md in this folder); dates from rome_statute_participants.csv
    { what: 'Rome Statute, Ukraine (60th day 2024-12-24)', rule: ROME, deposit: '2024-10-25', expected: '2025-01-01' },
    { what: 'Rome Statute, Armenia', rule: ROME, deposit: '2023-11-14', expected: '2024-02-01' },
    { what: 'Rome Statute, Kiribati', rule: ROME, deposit: '2019-11-26', expected: '2020-02-01' },
    { what: 'Rome Statute, State of Palestine', rule: ROME, deposit: '2015-01-02', expected: '2015-04-01' },
    { what: 'Rome Statute, El Salvador', rule: ROME, deposit: '2016-03-03', expected: '2016-06-01' },
    { what: 'Rome Statute, Malaysia (would have been)', rule: ROME, deposit: '2019-03-04', expected: '2019-06-01' },
    // Albania: the 60th day is 2003-04-01, itself a first of a month: the NEXT month's first day counts.
    { what: 'Rome Statute, Albania (60th day on a 1st)', rule: ROME, deposit: '2003-01-31', expected: '2003-05-01' },
    { what: 'Rome Statute, Senegal (before the Statute)', rule: ROME, deposit: '1999-02-02', expected: '2002-07-01' },
    // UNCAT art. 27(2): uncat_participants.csv
    { what: 'UNCAT, Tuvalu (deposit + 30 days)', rule: UNCAT, deposit: '2024-03-25', expected: '2024-04-24' },
    { what: 'UNCAT, Dominica (across the new year)', rule: UNCAT, deposit: '2024-12-05', expected: '2025-01-04' },
    { what: 'UNCAT, Sweden (first of the first 20)', rule: UNCAT, deposit: '1986-01-08', expected: '1987-06-26' },
    { what: 'UNCAT, Canada (first after the 20th)', rule: UNCAT, deposit: '1987-06-24', expected: '1987-07-24' },
    { what: 'UNCAT, Lithuania (across 29 Feb 1996)', rule: UNCAT, deposit: '1996-02-01', expected: '1996-03-02' },
    // OPCAT art. 28(2): opcat_participants.csv
    { what: 'OPCAT, Malta (first of the first 20)', rule: OPCAT, deposit: '2003-09-24', expected: '2006-06-22' },
    { what: 'OPCAT, Czech Republic (21st)', rule: OPCAT, deposit: '2006-07-10', expected: '2006-08-09' },
    { what: 'OPCAT, Afghanistan', rule: OPCAT, deposit: '2018-04-17', expected: '2018-05-17' },
    // APIC art. 35(2): apic_participants.csv
    { what: 'APIC, France (before the first 10)', rule: APIC, deposit: '2004-02-17', expected: '2004-07-22' },
    { what: 'APIC, Albania', rule: APIC, deposit: '2006-08-02', expected: '2006-09-01' },
    { what: 'APIC, Ukraine', rule: APIC, deposit: '2007-01-29', expected: '2007-02-28' },
    // Art. 121(5): rome_statute_amendments.csv
    { what: 'art. 8 (2010), Andorra', rule: ART_121_5, deposit: '2013-09-26', expected: '2014-09-26' },
    { what: 'art. 8 (2017, biological), Uruguay (across 29 Feb 2024)', rule: ART_121_5, deposit: '2023-03-21', expected: '2024-03-21' },
    // Aggression: art. 121(5) too; the activation (17 July 2018) does not delay entry into force
    { what: 'aggression, Liechtenstein (first, 2012)', rule: AGGRESSION, deposit: '2012-05-08', expected: '2013-05-08' },
    { what: 'aggression, Andorra', rule: AGGRESSION, deposit: '2013-09-26', expected: '2014-09-26' },
    { what: 'aggression, Portugal (one year ends 2018-04-11)', rule: AGGRESSION, deposit: '2017-04-11', expected: '2018-04-11' },
    { what: 'aggression, Ireland (after activation)', rule: AGGRESSION, deposit: '2018-09-27', expected: '2019-09-27' },
    { what: 'aggression, Ukraine', rule: AGGRESSION, deposit: '2024-10-25', expected: '2025-10-25' },
  ])('$what: deposit $deposit -> $expected', ({ rule, deposit, expected }) => {
    expect(entryIntoForceFor(rule, deposit)).toBe(expected);
  });

  // Without the floor, the per-state rule applied to the instrument that completed the count gives
  // the treaty's own date of entry into force: this confirms the day-counting convention.
  it.each([
    { what: 'Rome Statute: 60th instruments (Romania, Slovakia ...)', rule: ROME, deposit: '2002-04-11', expected: '2002-07-01' },
    { what: 'UNCAT: 20th instrument (Denmark)', rule: UNCAT, deposit: '1987-05-27', expected: '1987-06-26' },
    { what: 'OPCAT: 20th instruments (Bolivia, Honduras)', rule: OPCAT, deposit: '2006-05-23', expected: '2006-06-22' },
  ])('$what -> $expected', ({ rule, deposit, expected }) => {
    expect(entryIntoForceFor({ ...rule, generalEntryIntoForce: '0001-01-01' }, deposit)).toBe(expected);
  });

  it('aggression: jurisdiction from the later of entry into force and the activation (2018-07-17)', () => {
    // rome_statute_amendments.csv, XVIII-10-b; activation as rome_statute_events.csv states it
    expect(jurisdictionFrom(AGGRESSION, '2013-05-08')).toBe('2018-07-17'); // Liechtenstein
    expect(jurisdictionFrom(AGGRESSION, '2019-09-27')).toBe('2019-09-27'); // Ireland
    expect(jurisdictionFrom(AGGRESSION, null)).toBeNull();
    expect(jurisdictionFrom(ART_121_5, '2014-09-26')).toBeNull(); // art. 8 (2010): no activation
  });

  it('art. 121(4): no date of its own until the amendment is in force for all', () => {
    // Norway's acceptance of the art. 124 deletion (rome_statute_amendments.csv, XVIII-10-c).
    expect(entryIntoForceFor(ART_124_DELETION, '2016-07-01')).toBeNull();
    expect(entryIntoForceFor(ART_124_DELETION, '2016-07-01', '2023-01-26')).toBe('2023-01-26');
    expect(entryIntoForceFor(ART_124_DELETION, '2024-10-25', '2023-01-26')).toBe('2024-10-25');
  });

  it('rejects a date that is not YYYY-MM-DD or not a calendar day', () => {
    expect(() => entryIntoForceFor(ROME, '25/10/2024')).toThrow(TypeError);
    expect(() => entryIntoForceFor(ROME, '2023-02-29')).toThrow(/ISO date/);
    expect(() => entryIntoForceFor(ART_124_DELETION, '2024-1-5')).toThrow(TypeError);
  });
});

describe('withdrawalEffectiveFor', () => {
  it.each([
    // rome_statute_participants.csv / rome_statute_events.csv
    { what: 'Burundi, computed', notified: '2016-10-27', stated: null, expected: { date: '2017-10-27', computed: true } },
    {
      what: 'Burundi, date recorded by the source',
      notified: '2016-10-27',
      stated: '2017-10-27',
      expected: { date: '2017-10-27', computed: false },
    },
    { what: 'Philippines', notified: '2018-03-17', stated: null, expected: { date: '2019-03-17', computed: true } },
    { what: 'Hungary', notified: '2025-06-02', stated: null, expected: { date: '2026-06-02', computed: true } },
    // The AES states announced withdrawal "with immediate effect" (2025-09-22): art. 127 still
    // requires a year, so a stated date earlier than that is not used.
    {
      what: 'Burkina Faso "immediate effect"',
      notified: '2025-09-22',
      stated: '2025-09-22',
      expected: { date: '2026-09-22', computed: true },
    },
  ])('$what', ({ notified, stated, expected }) => {
    expect(withdrawalEffectiveFor(ONE_YEAR, notified, stated)).toEqual(expected);
  });

  it('a later date named in the notification wins (constructed: no real case in the sources)', () => {
    // No withdrawal in the sources names a later date; 2026-06-03 is one day after Hungary's real
    // one-year date, only to exercise the branch.
    expect(withdrawalEffectiveFor(ONE_YEAR, '2025-06-02', '2026-06-03')).toEqual({ date: '2026-06-03', computed: false });
  });

  it("under rule 'none' only a stated date is used", () => {
    expect(withdrawalEffectiveFor({ kind: 'none' }, '2025-06-02', null)).toEqual({ date: null, computed: false });
    expect(withdrawalEffectiveFor({ kind: 'none' }, '2025-06-02', '2026-06-02')).toEqual({ date: '2026-06-02', computed: false });
  });
});

describe('date arithmetic (UTC calendar dates)', () => {
  it.each([
    { date: '2024-02-29', years: 1, expected: '2025-02-28' },
    { date: '2024-02-29', years: 4, expected: '2028-02-29' },
    { date: '2023-03-01', years: 1, expected: '2024-03-01' },
    { date: '2016-10-27', years: 1, expected: '2017-10-27' },
  ])('addYears($date, $years) = $expected', ({ date, years, expected }) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    { date: '2024-02-28', days: 1, expected: '2024-02-29' },
    { date: '2023-02-28', days: 1, expected: '2023-03-01' },
    { date: '2024-10-25', days: 60, expected: '2024-12-24' },
    { date: '2024-03-01', days: -1, expected: '2024-02-29' },
  ])('addDays($date, $days) = $expected', ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('firstDayOfNextMonth and startOfNextPeriod', () => {
    expect(firstDayOfNextMonth('2024-12-24')).toBe('2025-01-01');
    expect(firstDayOfNextMonth('2024-02-01')).toBe('2024-03-01');
    expect(startOfNextPeriod('2002-01-01', 'year')).toBe('2003-01-01');
    expect(startOfNextPeriod('2017-03-01', 'month')).toBe('2017-04-01');
    expect(startOfNextPeriod('2024-02-29', 'day')).toBe('2024-03-01');
  });
});

describe('sevenEighthsThreshold', () => {
  it.each([
    { parties: 125, expected: 110 }, // 109.375: 125 States Parties since Ukraine (README of sources)
    { parties: 124, expected: 109 }, // 108.5
    { parties: 8, expected: 7 },
    { parties: 0, expected: 0 },
  ])('$parties parties -> $expected acceptances', ({ parties, expected }) => {
    expect(sevenEighthsThreshold(parties)).toBe(expected);
  });

  it('rejects a count that is not a whole number', () => {
    expect(() => sevenEighthsThreshold(12.5)).toThrow(TypeError);
  });
});
