import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catDueDateText } from '../messages/cat-reporting-en.js';
import {
  catDeadlines,
  sessionDate,
  catReportingStatus,
  catReportingStatuses,
  daysBetween,
  endOfPeriod,
  followUpDueDate,
  initialReportDue,
  notReceivedUntil,
  reportDueDate,
  summariseCatReporting,
  uncatContext,
  type CatDueDateText,
  type CatFollowUpList,
  type CatReport,
  type CatReportingDataset,
  type CatReportingState,
  type CatReportingStatus,
  type CatSession,
} from './cat-reporting.js';
import type { Instrument } from './status-engine.js';
import type { EventKind, IsoDate, ParticipationEvent } from './types.js';

// Every date below comes from the files in data/raw/cat-reporting/:
// the states-parties file (UNTC deposits), the report-by-report history of 17 States, and the
// Committee's follow-up lists. The last describe block runs the same rules over data/seed.

const UNCAT: Instrument = {
  id: 'uncat',
  entryIntoForceRule: { kind: 'days-after-deposit', days: 30, generalEntryIntoForce: '1987-06-26' },
  withdrawalRule: { kind: 'one-year-after-notification' },
};
const UNTC = 'untc-iv-9-2026-02-03';
const HISTORY = 'cat-reporting-history-17-states';
const DATA_AS_OF = '2026-04-22';

function event(stateIso3: string, kind: EventKind, date: IsoDate): ParticipationEvent {
  return {
    id: `uncat:${stateIso3}:${kind}:${date}`,
    instrumentId: 'uncat',
    stateIso3,
    kind,
    date,
    datePrecision: 'day',
    effectiveDate: null,
    article: null,
    attestation: 'depositary',
    sourceId: UNTC,
    sourceUrl: null,
    notificationSymbol: null,
    note: null,
  };
}

const placeholderDue: CatDueDateText = {
  date: null,
  precision: null,
  notBefore: null,
  basis: null,
  sourceId: null,
  rule: null,
  asStated: null,
  note: 'fixture',
};

function report(r: Partial<CatReport> & Pick<CatReport, 'stateIso3' | 'number' | 'label'>): CatReport {
  return {
    id: `${r.stateIso3}:${r.number}${r.lastNumber && r.lastNumber > r.number ? `-${r.lastNumber}` : ''}`,
    lastNumber: r.number,
    procedure: null,
    procedureAsStated: null,
    consideredWithoutReport: false,
    documentSymbol: null,
    listOfIssuesSymbol: null,
    dueRecorded: null,
    dueAsStated: null,
    due: placeholderDue,
    receivedOn: null,
    receivedAsStated: null,
    distributedOn: null,
    dialogueSession: null,
    dialogueSessionNote: null,
    dialogueDates: null,
    concludingObservationsSymbol: null,
    concludingObservationsAdopted: null,
    followUpDueRecorded: null,
    followUpDue: placeholderDue,
    followUpReceived: null,
    latenessAsStatedByCommittee: null,
    otherEvents: null,
    documents: 'fixture',
    sourceId: HISTORY,
    asOf: DATA_AS_OF,
    ...r,
  };
}
const day = (date: IsoDate) => ({ date, precision: 'day' as const });
const year = (y: string) => ({ date: `${y}-01-01`, precision: 'year' as const });
const span = (from: IsoDate, to = from) => ({ from, to, precision: 'day' as const });

const complete = (stateIso3: string): CatReportingState => ({
  stateIso3,
  completeness: 'complete',
  basis: 'Every reporting round from the initial report is recorded (fixture).',
  reportNumbersRecorded: [],
  sessionsRecorded: [],
  followUpListsNaming: [],
  asOf: DATA_AS_OF,
  sourceIds: [UNTC, HISTORY],
});

function list(session: number, month: string, start: IsoDate, end: IsoDate, length: number, states: [string, number][]): CatFollowUpList {
  return {
    id: `cat-follow-up-list-${session}`,
    session,
    month,
    sessionStart: start,
    sessionEnd: end,
    states: states.map(([iso3, position]) => ({ iso3, nameAsInSource: iso3, position })),
    listLength: length,
    sourceId: `list-${session}`,
    asOf: end,
    note: null,
  };
}
// The six lists; only the States the tests look at are given, at their real positions.
const LISTS: CatFollowUpList[] = [
  list(77, '2023-07', '2023-07-10', '2023-07-28', 22, [
    ['GAB', 8],
    ['KHM', 5],
  ]),
  list(78, '2023-11', '2023-10-30', '2023-11-24', 22, [
    ['GAB', 8],
    ['KHM', 5],
  ]),
  list(80, '2024-07', '2024-07-08', '2024-07-26', 30, [
    ['GAB', 10],
    ['KHM', 5],
    ['SOM', 23],
  ]),
  list(81, '2024-11', '2024-10-28', '2024-11-22', 22, [['ESP', 18]]),
  list(82, '2025-04', '2025-04-07', '2025-05-02', 23, [
    ['ESP', 19],
    ['KIR', 10],
  ]),
  list(83, '2025-11', '2025-11-10', '2025-11-28', 23, [
    ['ESP', 19],
    ['KIR', 10],
  ]),
];

function statusOf(
  iso3: string,
  consent: ParticipationEvent[],
  asOf: IsoDate,
  reports: CatReport[],
  history: CatReportingState | null,
  sessions: CatSession[] = [],
): CatReportingStatus {
  const { uncat, uncatSourceId } = uncatContext(UNCAT, consent, asOf);
  return catReportingStatus({ stateIso3: iso3, asOf, uncat, uncatSourceId, reports, followUpLists: LISTS, history, sessions });
}

// --- the States of the history file, as the file records them ------------------------------------
const BOTSWANA = [event('BWA', 'signature', '2000-09-08'), event('BWA', 'ratification', '2000-09-08')];
const BOTSWANA_REPORTS = [
  report({
    stateIso3: 'BWA',
    number: 1,
    label: 'initial',
    procedure: 'simplified',
    procedureAsStated: 'simplified reporting procedure',
    listOfIssuesSymbol: 'CAT/C/BWA/QPR/1',
    documentSymbol: 'CAT/C/BWA/1',
    dueRecorded: year('2001'),
    dueAsStated: '2001',
    receivedOn: day('2022-04-04'),
    distributedOn: '2022-05-06',
    dialogueSession: 74,
    dialogueDates: span('2022-07-20', '2022-07-21'),
    concludingObservationsSymbol: 'CAT/C/BWA/CO/1',
    concludingObservationsAdopted: span('2022-07-28'),
    followUpReceived: { on: '2023-07-28', by: '2023-07-28', asStated: 'follow-up information received 28 Jul 2023' },
    latenessAsStatedByCommittee: 'over 20 years late',
  }),
  report({
    stateIso3: 'BWA',
    number: 2,
    label: '2nd periodic',
    procedure: 'simplified',
    procedureAsStated: 'simplified reporting procedure',
    listOfIssuesSymbol: 'CAT/C/BWA/QPR/2',
  }),
];

const KIRIBATI = [event('KIR', 'accession', '2019-07-22')];
const KIRIBATI_REPORTS = [
  report({
    stateIso3: 'KIR',
    number: 1,
    label: 'initial',
    procedure: 'standard',
    documentSymbol: 'CAT/C/KIR/1',
    dueRecorded: year('2020'),
    dueAsStated: '2020',
    receivedOn: day('2023-08-02'),
    distributedOn: '2023-08-29',
    dialogueSession: 78,
    dialogueDates: span('2023-11-06', '2023-11-07'),
    concludingObservationsAdopted: span('2023-11-20'),
    latenessAsStatedByCommittee: 'three years late',
  }),
];

const BAHRAIN = [event('BHR', 'accession', '1998-03-06')];
const BAHRAIN_REPORTS = [
  report({
    stateIso3: 'BHR',
    number: 1,
    label: 'initial',
    documentSymbol: 'CAT/C/47/Add.4',
    dialogueSession: 34,
    dialogueDates: span('2005-05-12', '2005-05-13'),
  }),
  report({
    stateIso3: 'BHR',
    number: 2,
    label: '2nd periodic',
    procedure: 'simplified',
    documentSymbol: 'CAT/C/BHR/2',
    dueRecorded: year('2007'),
    dueAsStated: '2007',
    receivedOn: day('2015-09-29'),
    dialogueSession: 60,
    dialogueDates: span('2017-04-21', '2017-04-24'),
    concludingObservationsSymbol: 'CAT/C/BHR/CO/2-3',
    concludingObservationsAdopted: span('2017-05-08', '2017-05-09'),
    followUpReceived: { on: '2018-05-11', by: '2018-05-11', asStated: 'follow-up information received 11 May 2018' },
  }),
  report({
    stateIso3: 'BHR',
    number: 3,
    label: '3rd periodic',
    procedure: 'standard',
    documentSymbol: 'CAT/C/BHR/3',
    receivedOn: year('2016'),
    receivedAsStated: '2016',
    dialogueSession: 60,
    dialogueDates: span('2017-04-21', '2017-04-24'),
    concludingObservationsSymbol: 'CAT/C/BHR/CO/2-3',
    concludingObservationsAdopted: span('2017-05-08', '2017-05-09'),
  }),
  report({
    stateIso3: 'BHR',
    number: 4,
    label: '4th periodic',
    procedure: 'simplified',
    listOfIssuesSymbol: 'CAT/C/BHR/QPR/4',
    dialogueSession: 83,
    dialogueDates: span('2025-11-18', '2025-11-19'),
    concludingObservationsAdopted: span('2025-11-26'),
  }),
];

const NIGERIA = [event('NGA', 'signature', '1988-07-28'), event('NGA', 'ratification', '2001-06-28')];
const NIGERIA_REPORTS = [
  report({
    stateIso3: 'NGA',
    number: 1,
    label: 'initial',
    consideredWithoutReport: true,
    procedureAsStated: 'none: considered in the absence of a report',
    dueRecorded: year('2002'),
    dueAsStated: '2002',
    dialogueSession: 72,
    dialogueDates: span('2021-11-16', '2021-11-17'),
    concludingObservationsSymbol: 'CAT/C/NGA/COAR/1',
    concludingObservationsAdopted: span('2021-11-26'),
    followUpDueRecorded: '2022-12-03',
    followUpReceived: { on: null, by: '2023-04-16', asStated: 'a follow-up report was received between the 75th and 76th sessions' },
    latenessAsStatedByCommittee: 'initial report never submitted',
  }),
];

describe('date helpers', () => {
  it('counts days on UTC calendar dates', () => {
    expect(daysBetween('2002-07-28', '2026-04-22')).toBe(8669);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-04-22', '2026-04-21')).toBe(-1);
  });
  it('gives the last day of a month or year', () => {
    expect(endOfPeriod('2016-05-01', 'month')).toBe('2016-05-31');
    expect(endOfPeriod('2024-02-01', 'month')).toBe('2024-02-29');
    expect(endOfPeriod('2016-01-01', 'year')).toBe('2016-12-31');
    expect(endOfPeriod('2016-03-04', 'day')).toBe('2016-03-04');
  });
});

describe('due dates (art. 19)', () => {
  it('initial report: one year after entry into force, computed and marked (Algeria, ratified 1989-09-12)', () => {
    const { uncat, uncatSourceId } = uncatContext(UNCAT, [event('DZA', 'ratification', '1989-09-12')], DATA_AS_OF);
    expect(initialReportDue(uncat, uncatSourceId)).toMatchObject({
      date: '1990-10-12',
      precision: 'day',
      basis: 'computed',
      ruleId: 'initialReport',
      sourceId: UNTC,
    });
  });

  it('initial report of a State that deposited before the Convention entered into force counts from 26 June 1987 (Afghanistan, 1987-04-01)', () => {
    const { uncat, uncatSourceId } = uncatContext(UNCAT, [event('AFG', 'ratification', '1987-04-01')], DATA_AS_OF);
    expect(initialReportDue(uncat, uncatSourceId).date).toBe('1988-06-26');
  });

  it('computes no initial due date for a successor State (Serbia, succession notified 2001-03-12)', () => {
    const { uncat, uncatSourceId } = uncatContext(UNCAT, [event('SRB', 'succession', '2001-03-12')], DATA_AS_OF);
    const due = initialReportDue(uncat, uncatSourceId);
    expect(due).toMatchObject({ date: null, basis: null });
    expect(due.reasons).toEqual([{ code: 'successor-state' }]);
  });

  it('periodic report: four years after the concluding observations, which the sources confirm (Slovenia: CO 2011-06-03, 4th report due "by 3 Jun 2015")', () => {
    const third = report({
      stateIso3: 'SVN',
      number: 3,
      label: '3rd periodic',
      dialogueSession: 46,
      dialogueDates: span('2011-05-10', '2011-05-11'),
      concludingObservationsAdopted: span('2011-06-03'),
    });
    const slovenia = uncatContext(UNCAT, [event('SVN', 'accession', '1993-07-16')], DATA_AS_OF);
    const computed = reportDueDate(
      { number: 4, dueRecorded: null, dueAsStated: null, sourceId: HISTORY, procedure: 'simplified', dialogueSession: 78 },
      third,
      slovenia.uncat,
      null,
    );
    const recorded = reportDueDate(
      {
        number: 4,
        dueRecorded: day('2015-06-03'),
        dueAsStated: '2015 (by 3 Jun 2015)',
        sourceId: HISTORY,
        procedure: 'simplified',
        dialogueSession: 78,
      },
      third,
      slovenia.uncat,
      null,
    );
    expect(computed).toMatchObject({ date: '2015-06-03', basis: 'computed', ruleId: 'periodicReport' });
    expect(recorded).toMatchObject({ date: '2015-06-03', basis: 'recorded', sourceId: HISTORY, asStated: '2015 (by 3 Jun 2015)' });
  });

  it('uses the computed day when it falls in the due year the source states (Denmark 8th: CO 2015-11-30, "due 2019")', () => {
    const sixthSeventh = report({
      stateIso3: 'DNK',
      number: 6,
      lastNumber: 7,
      label: '6th-7th periodic (combined)',
      dialogueSession: 56,
      concludingObservationsAdopted: span('2015-11-30'),
    });
    const denmark = uncatContext(UNCAT, [event('DNK', 'ratification', '1987-05-27')], DATA_AS_OF);
    const due = reportDueDate(
      { number: 8, dueRecorded: year('2019'), dueAsStated: '2019', sourceId: HISTORY, procedure: 'simplified', dialogueSession: 78 },
      sixthSeventh,
      denmark.uncat,
      null,
    );
    expect(due).toMatchObject({ date: '2019-11-30', precision: 'day', basis: 'computed', asStated: '2019' });
    expect(due.reasons).toEqual([
      { code: 'after-concluding-observations', years: 4, adopted: '2015-11-30', reportNumber: 6, lastReportNumber: 7 },
      { code: 'simplified-procedure' },
      { code: 'agrees-with-stated-year', year: '2019' },
    ]);
  });

  it('keeps a recorded due year when no computed date falls in it (Bahrain 2nd: "due 2007", CO on the initial report not dated)', () => {
    const bahrain = uncatContext(UNCAT, BAHRAIN, DATA_AS_OF);
    const due = reportDueDate(BAHRAIN_REPORTS[1]!, BAHRAIN_REPORTS[0]!, bahrain.uncat, null);
    expect(due).toMatchObject({ date: '2007-01-01', precision: 'year', basis: 'recorded', sourceId: HISTORY, asStated: '2007' });
  });

  it('computes no date of its own for a report considered together with the previous one (Bahrain 3rd)', () => {
    const bahrain = uncatContext(UNCAT, BAHRAIN, DATA_AS_OF);
    const due = reportDueDate(BAHRAIN_REPORTS[2]!, BAHRAIN_REPORTS[1]!, bahrain.uncat, null);
    expect(due).toMatchObject({ date: null, basis: null });
    expect(due.reasons).toEqual([{ code: 'considered-together', reportNumber: 2, lastReportNumber: 2 }]);
  });

  it('follow-up: one year after the concluding observations (Kiribati: 2023-11-20 -> 2024-11-20), or the date the Committee asked for (Nigeria: 3 Dec 2022)', () => {
    expect(followUpDueDate(KIRIBATI_REPORTS[0]!)).toMatchObject({ date: '2024-11-20', basis: 'computed', ruleId: 'followUp' });
    expect(followUpDueDate(NIGERIA_REPORTS[0]!)).toMatchObject({ date: '2022-12-03', basis: 'recorded', sourceId: HISTORY });
  });

  it('gives only a lower bound when the concluding observations are not dated (Gabon 2nd: dialogue 2026-04-21/22)', () => {
    const gabon2 = report({
      stateIso3: 'GAB',
      number: 2,
      label: '2nd periodic',
      dialogueSession: 84,
      dialogueDates: span('2026-04-21', '2026-04-22'),
    });
    expect(followUpDueDate(gabon2)).toMatchObject({ date: null, notBefore: '2027-04-22', basis: 'computed' });
  });
});

describe('receipt', () => {
  it('knows a report is not received before its recorded receipt date, but nothing when only its review is dated', () => {
    expect(notReceivedUntil(BOTSWANA_REPORTS[0]!, DATA_AS_OF)).toBe('2022-04-03');
    expect(notReceivedUntil(NIGERIA_REPORTS[0]!, DATA_AS_OF)).toBe(DATA_AS_OF);
    expect(notReceivedUntil(BOTSWANA_REPORTS[1]!, DATA_AS_OF)).toBe(DATA_AS_OF);
    expect(notReceivedUntil(BAHRAIN_REPORTS[3]!, DATA_AS_OF)).toBe('0000-01-01');
  });
});

describe('situations, with real cases', () => {
  it('a State with only a computed initial due date is "history not recorded", never overdue (Algeria)', () => {
    const algeria = [event('DZA', 'ratification', '1989-09-12')];
    for (const asOf of ['1991-01-01', '2000-01-01', DATA_AS_OF, '2040-01-01']) {
      const s = statusOf('DZA', algeria, asOf, [], null);
      expect(s.situation, asOf).toBe('history-not-recorded');
      expect(s.establishedOverdue, asOf).toEqual([]);
      expect(s.nextReportDue).toMatchObject({
        reportNumber: 1,
        status: 'not-recorded',
        overdue: null,
        due: { date: '1990-10-12', basis: 'computed' },
      });
    }
  });

  it('a State whose initial report is not yet due is up to date; after the date, its history is not recorded (Tuvalu, acceded 2024-03-25)', () => {
    const tuvalu = [event('TUV', 'accession', '2024-03-25')];
    expect(statusOf('TUV', tuvalu, '2024-03-30', [], null).situation).toBe('not-a-party');
    const before = statusOf('TUV', tuvalu, '2025-01-01', [], null);
    expect(before).toMatchObject({
      situation: 'up-to-date',
      nextReportDue: { status: 'not-yet-due', due: { date: '2025-04-24', basis: 'computed' } },
    });
    const after = statusOf('TUV', tuvalu, DATA_AS_OF, [], null);
    expect(after.situation).toBe('history-not-recorded');
    expect(after.establishedOverdue).toEqual([]);
  });

  it('a successor State has no computed due date and no situation beyond "history not recorded" (Serbia)', () => {
    const s = statusOf('SRB', [event('SRB', 'succession', '2001-03-12')], DATA_AS_OF, [], null);
    expect(s).toMatchObject({ situation: 'history-not-recorded', nextReportDue: { status: 'due-date-not-recorded', due: { date: null } } });
  });

  it('a signatory is not a party (India)', () => {
    const s = statusOf('IND', [event('IND', 'signature', '1997-10-14')], DATA_AS_OF, [], null);
    expect(s).toMatchObject({ situation: 'not-a-party', party: false, nextReportDue: null, establishedOverdue: [] });
  });

  it('simplified procedure: Botswana is up to date, its 2nd periodic report under the simplified procedure due 2026-07-28 (computed)', () => {
    const s = statusOf('BWA', BOTSWANA, DATA_AS_OF, BOTSWANA_REPORTS, complete('BWA'));
    expect(s.situation).toBe('up-to-date');
    expect(s.lastReportReceived).toMatchObject({ reportNumber: 1, receivedBy: '2022-04-04' });
    expect(s.nextReportDue).toMatchObject({
      reportNumber: 2,
      recordId: 'BWA:2',
      procedure: 'simplified',
      status: 'not-yet-due',
      due: { date: '2026-07-28', basis: 'computed', ruleId: 'periodicReport' },
    });
    expect(s.nextReportDue!.due.reasons).toContainEqual({ code: 'simplified-procedure' });
    expect(s.followUps).toMatchObject([{ reportNumber: 1, status: 'received', due: { date: '2023-07-28' } }]);
  });

  it('Botswana before its initial report arrived (2022-04-04): initial report never submitted, 7,390 days after 2001-10-08 on 2022-01-01', () => {
    const s = statusOf('BWA', BOTSWANA, '2022-01-01', BOTSWANA_REPORTS, complete('BWA'));
    expect(s.situation).toBe('initial-report-never-submitted');
    expect(s.nextReportDue!.overdue).toMatchObject({ establishedBy: 'complete-history', establishedAsOf: '2022-01-01', daysOverdue: 7390 });
  });

  it('Botswana after the record ends: a due date passed after 2026-04-22 is not established as overdue', () => {
    const s = statusOf('BWA', BOTSWANA, '2026-09-01', BOTSWANA_REPORTS, complete('BWA'));
    expect(s.situation).toBe('history-not-recorded');
    expect(s.nextReportDue).toMatchObject({ status: 'not-recorded', overdue: null });
    expect(s.situationReason).toMatchObject({
      code: 'not-established',
      completeness: 'complete',
      historyAsOf: '2026-04-22',
      receivedUndated: false,
    });
  });

  it('listed late with follow-up: Kiribati, due 2024-11-20 (computed), named on the lists of April and November 2025', () => {
    const s = statusOf('KIR', KIRIBATI, DATA_AS_OF, KIRIBATI_REPORTS, complete('KIR'));
    expect(s.situation).toBe('follow-up-overdue');
    expect(s.followUps).toHaveLength(1);
    expect(s.followUps[0]).toMatchObject({
      reportNumber: 1,
      status: 'overdue',
      due: { date: '2024-11-20', basis: 'computed' },
      overdue: {
        establishedBy: 'committee-follow-up-list',
        establishedAsOf: '2025-11-28',
        daysOverdue: 373,
        sourceIds: [HISTORY, 'list-83'],
      },
    });
    expect(s.situationReason).toEqual({
      code: 'overdue',
      overdue: { code: 'committee-follow-up-list', month: '2025-11', session: 83, position: 10, listLength: 23 },
    });
    expect(s.nextReportDue).toMatchObject({ reportNumber: 2, status: 'not-yet-due', due: { date: '2027-11-20' } });
  });

  it('Kiribati is not overdue with follow-up before a list names it (November 2024 list, 81st session)', () => {
    const s = statusOf('KIR', KIRIBATI, '2024-12-01', KIRIBATI_REPORTS, complete('KIR'));
    expect(s.situation).toBe('up-to-date');
    expect(s.followUps[0]).toMatchObject({ status: 'not-recorded', overdue: null });
  });

  it('a reply recorded after a list ends the listing (Somalia: July 2024 list, reply received by November 2024)', () => {
    const somalia = [event('SOM', 'accession', '1990-01-24')];
    const reports = [
      report({
        stateIso3: 'SOM',
        number: 1,
        label: 'initial',
        procedure: 'simplified',
        dueRecorded: year('1991'),
        receivedOn: day('2019-12-16'),
        dialogueSession: 75,
        dialogueDates: span('2022-11-08', '2022-11-09'),
        concludingObservationsAdopted: span('2022-11-22'),
        followUpReceived: { on: null, by: '2024-11-30', asStated: 'follow-up report received by Nov 2024' },
      }),
    ];
    expect(statusOf('SOM', somalia, '2024-08-01', reports, complete('SOM')).situation).toBe('follow-up-overdue');
    expect(statusOf('SOM', somalia, '2024-12-01', reports, complete('SOM')).situation).toBe('up-to-date');
  });

  it('a State named on a list with no recorded concluding observations: follow-up overdue, days unknown, next report unidentified (Cambodia)', () => {
    const cambodia = [event('KHM', 'accession', '1992-10-15')];
    const listed = statusOf('KHM', cambodia, '2024-08-01', [], null);
    expect(listed.situation).toBe('follow-up-overdue');
    expect(listed.followUps).toMatchObject([
      { reportNumber: null, status: 'overdue', overdue: { daysOverdue: null, establishedAsOf: '2024-07-26' } },
    ]);
    expect(listed.nextReportDue).toBeNull();
    // The lists of 2024-11 to 2025-11 do not name Cambodia: nothing is established any more.
    const later = statusOf('KHM', cambodia, DATA_AS_OF, [], null);
    expect(later.situation).toBe('history-not-recorded');
    expect(later.establishedOverdue).toEqual([]);
  });

  it('full recorded history: Bahrain, initial to 4th periodic, up to date; one follow-up for the 2nd and 3rd reports considered together', () => {
    const s = statusOf('BHR', BAHRAIN, DATA_AS_OF, BAHRAIN_REPORTS, complete('BHR'));
    expect(s.situation).toBe('up-to-date');
    expect(s.reports.map((r) => [r.reportNumber, r.status])).toEqual([
      [1, 'received'],
      [2, 'received'],
      [3, 'received'],
      [4, 'received'],
      [5, 'not-yet-due'],
    ]);
    expect(s.lastReportReceived).toMatchObject({ reportNumber: 4, receivedBy: '2025-11-18' });
    expect(s.nextReportDue).toMatchObject({ reportNumber: 5, recordId: null, due: { date: '2029-11-26', basis: 'computed' } });
    expect(s.followUps.map((f) => [f.reportNumber, f.consideredWith, f.status])).toEqual([
      [1, [], 'due-date-not-recorded'],
      [3, [{ reportNumber: 2, lastReportNumber: 2 }], 'received'],
      [4, [], 'not-yet-due'],
    ]);
  });

  it('Bahrain in 2022: its 4th report was due (2021-05-09, computed) but the date it arrived is not recorded, so it is not established as overdue', () => {
    const s = statusOf('BHR', BAHRAIN, '2022-01-01', BAHRAIN_REPORTS, complete('BHR'));
    expect(s.situation).toBe('history-not-recorded');
    expect(s.nextReportDue).toMatchObject({ reportNumber: 4, status: 'not-recorded', overdue: null, due: { date: '2021-05-09' } });
    expect(s.situationReason).toMatchObject({ code: 'not-established', reportNumber: 4, receivedUndated: true });
  });

  it('initial report never submitted: Nigeria, considered without it in 2021; 8,669 days after 2002-07-28 on the data date', () => {
    const s = statusOf('NGA', NIGERIA, DATA_AS_OF, NIGERIA_REPORTS, complete('NGA'));
    expect(s.situation).toBe('initial-report-never-submitted');
    expect(s.nextReportDue).toMatchObject({
      reportNumber: 1,
      status: 'overdue',
      due: { date: '2002-07-28', basis: 'computed', asStated: '2002' },
      overdue: { establishedBy: 'complete-history', establishedAsOf: DATA_AS_OF, daysOverdue: 8669 },
    });
    expect(s.followUps).toMatchObject([{ status: 'received', receivedBy: '2023-04-16', due: { date: '2022-12-03', basis: 'recorded' } }]);
    // Asked about a later date, the count stops where the record stops.
    expect(statusOf('NGA', NIGERIA, '2030-01-01', NIGERIA_REPORTS, complete('NGA')).nextReportDue!.overdue).toMatchObject({
      establishedAsOf: DATA_AS_OF,
      daysOverdue: 8669,
    });
  });

  it('the same reports with a history that is not complete are never overdue (Nigeria, if its record were partial)', () => {
    const partial: CatReportingState = { ...complete('NGA'), completeness: 'partial', basis: 'fixture' };
    const s = statusOf('NGA', NIGERIA, DATA_AS_OF, NIGERIA_REPORTS, partial);
    expect(s.situation).toBe('history-not-recorded');
    expect(s.establishedOverdue).toEqual([]);
  });

  it('a later review that no recorded report explains leaves the next report unidentified', () => {
    const session: CatSession = {
      id: 'cat-session-76',
      session: 76,
      start: '2023-04-17',
      end: '2023-05-12',
      note: null,
      sourceIds: ['x'],
      asOf: '2023-05-12',
      activities: [
        {
          stateIso3: 'BRA',
          stateAsNamed: 'Brazil',
          territory: null,
          kind: 'report-considered',
          planned: false,
          activityAsStated: 'report considered',
          dialogueDates: null,
          note: null,
          sourceId: 'x',
        },
      ],
    };
    const brazil = [event('BRA', 'ratification', '1989-09-28')];
    const s = statusOf('BRA', brazil, DATA_AS_OF, [], null, [session]);
    expect(s.nextReportDue).toBeNull();
    expect(s.situationReason).toEqual({
      code: 'unidentified-review',
      session: 76,
      activityKind: 'report-considered',
      activityAsStated: 'report considered',
    });
    expect(statusOf('BRA', brazil, '2020-01-01', [], null, [session]).nextReportDue).toMatchObject({ reportNumber: 1 });
  });
});

describe('procedure of the next report', () => {
  it('is simplified once a list of issues prior to reporting is adopted after the last review (constructed: a 85th-session LOIPR for Kiribati)', () => {
    const s85: CatSession = {
      id: 'cat-session-85',
      session: 85,
      start: '2026-10-01',
      end: '2026-10-20',
      note: null,
      sourceIds: ['constructed'],
      asOf: '2026-10-20',
      activities: [
        {
          stateIso3: 'KIR',
          stateAsNamed: 'Kiribati',
          territory: null,
          kind: 'list-of-issues-prior-to-reporting-adopted',
          planned: false,
          activityAsStated: 'list of issues prior to reporting (LOIPR) adopted',
          dialogueDates: null,
          note: null,
          sourceId: 'constructed',
        },
      ],
    };
    const before = statusOf('KIR', KIRIBATI, DATA_AS_OF, KIRIBATI_REPORTS, complete('KIR'), [s85]);
    expect(before.nextReportDue).toMatchObject({ reportNumber: 2, procedure: null });
    const after = statusOf('KIR', KIRIBATI, '2026-11-01', KIRIBATI_REPORTS, complete('KIR'), [s85]);
    expect(after.nextReportDue).toMatchObject({
      reportNumber: 2,
      procedure: 'simplified',
      procedureReason: { code: 'list-of-issues-prior-to-reporting', session: 85 },
    });
  });
});

describe('calendar deadlines', () => {
  it('lists the next report and follow-ups that are upcoming or established overdue, with stable UIDs', () => {
    const kiribati = catDeadlines(statusOf('KIR', KIRIBATI, DATA_AS_OF, KIRIBATI_REPORTS, complete('KIR')));
    expect(kiribati.map((d) => [d.uid, d.date, d.status, d.computed, d.daysOverdue])).toEqual([
      ['cat-KIR-report-2@treaty-tracker', '2027-11-20', 'upcoming', true, null],
      ['cat-KIR-follow-up-1@treaty-tracker', '2024-11-20', 'overdue', true, 373],
    ]);
    // Nothing for a State whose history is not recorded: its only date has passed and is not established.
    expect(catDeadlines(statusOf('DZA', [event('DZA', 'ratification', '1989-09-12')], DATA_AS_OF, [], null))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The bundled dataset

const seedDir = join(dirname(fileURLToPath(import.meta.url)), '../../../data/seed');
const seed = <T>(name: string): T => JSON.parse(readFileSync(join(seedDir, name), 'utf8')) as T;

describe('over data/seed (as of the data date, 2026-04-22)', () => {
  const instruments =
    seed<{ id: string; entryIntoForceRule: Instrument['entryIntoForceRule']; withdrawalRule: Instrument['withdrawalRule'] }[]>(
      'instruments.json',
    );
  const uncat = instruments.find((i) => i.id === 'uncat')!;
  const data: CatReportingDataset = {
    uncatInstrument: { id: 'uncat', entryIntoForceRule: uncat.entryIntoForceRule, withdrawalRule: uncat.withdrawalRule },
    uncatEvents: seed<ParticipationEvent[]>('events.json').filter((e) => e.instrumentId === 'uncat'),
    reports: seed<CatReport[]>('cat-reports.json'),
    followUpLists: seed<CatFollowUpList[]>('cat-follow-up-lists.json'),
    sessions: seed<CatSession[]>('cat-sessions.json'),
    states: seed<CatReportingState[]>('cat-reporting-states.json'),
  };
  const iso3s = seed<{ iso3: string }[]>('states.json').map((s) => s.iso3);
  const statuses = catReportingStatuses(data, iso3s, DATA_AS_OF);
  const byIso3 = new Map(statuses.map((s) => [s.stateIso3, s]));
  const summary = summariseCatReporting(DATA_AS_OF, statuses);

  it("shows every party's initial report with its due date (art. 19(1)), recorded or not: 175 of 175, dated for all but the 7 successor States", () => {
    const parties = statuses.filter((s) => s.party);
    const initials = parties.map((s) => s.reports.find((r) => r.reportNumber === 1));
    expect(initials.filter((r) => r !== undefined)).toHaveLength(175);
    const undated = parties.filter((s, i) => initials[i]!.due.date === null).map((s) => s.stateIso3);
    expect(undated).toEqual(['BIH', 'CZE', 'HRV', 'MKD', 'MNE', 'SRB', 'SVK']);
    for (const iso3 of undated) expect(byIso3.get(iso3)!.reports[0]!.due.reasons, iso3).toEqual([{ code: 'successor-state' }]);
    // Albania's record starts with its 2nd report: the initial one was submitted, when is not recorded.
    expect(byIso3.get('ALB')!.reports[0]).toMatchObject({
      reportNumber: 1,
      recordId: null,
      status: 'submitted-not-recorded',
      overdue: null,
      due: { date: '1995-06-10' },
    });
  });

  it('reads an announced review as evidence of a report: Belarus, Czechia, Norway, Qatar and Senegal (63rd session) do not owe their initial report', () => {
    for (const iso3 of ['BLR', 'CZE', 'NOR', 'QAT', 'SEN']) {
      const s = byIso3.get(iso3)!;
      expect(s.nextReportDue, iso3).toBeNull();
      expect(s.situation, iso3).toBe('history-not-recorded');
      expect(s.situationReason, iso3).toMatchObject({ code: 'unidentified-review', session: 63, activityKind: 'review-scheduled' });
      expect(s.reports[0], iso3).toMatchObject({ reportNumber: 1, status: 'submitted-not-recorded' });
    }
    // Before the session the announcement is not yet read: Norway's initial report (due 1988) is the next one owed.
    const norway2017 = catReportingStatuses(data, ['NOR'], '2017-12-31')[0]!;
    expect(norway2017.nextReportDue).toMatchObject({ reportNumber: 1, due: { date: '1988-06-26' } });
  });

  it('never names the initial report as the next one due once a later report or a review of a report is recorded, on any date', () => {
    const reviewOfAReport = (iso3: string, asOf: string) =>
      data.sessions.some(
        (s) =>
          (sessionDate(s, data.sessions) ?? '9999-12-31') <= asOf &&
          s.activities.some(
            (a) =>
              a.stateIso3 === iso3 &&
              !['considered-without-report', 'list-of-issues-prior-to-reporting-adopted'].includes(a.kind) &&
              (!a.planned || a.kind === 'review-scheduled'),
          ),
      );
    let checked = 0;
    for (const asOf of [...Array.from({ length: 13 }, (_, i) => `${2014 + i}-07-01`), DATA_AS_OF]) {
      for (const s of catReportingStatuses(data, iso3s, asOf)) {
        const laterReport = s.reports.some((r) => r.reportNumber > 1 && r.status === 'received');
        if (!laterReport && !reviewOfAReport(s.stateIso3, asOf)) continue;
        checked += 1;
        expect(s.nextReportDue?.reportNumber ?? null, `${s.stateIso3} on ${asOf}`).not.toBe(1);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('records the history of every party as complete, partial or none: 8, 123, 44 of 175', () => {
    expect(summary.parties).toBe(175);
    expect(summary.completeness).toEqual({ complete: 8, partial: 123, none: 44 });
    expect(data.states.filter((s) => s.completeness === 'complete').map((s) => s.stateIso3)).toEqual([
      'BHR',
      'BWA',
      'CIV',
      'GAB',
      'KIR',
      'NGA',
      'SOM',
      'SVN',
    ]);
    expect(data.states.every((s) => s.asOf === DATA_AS_OF)).toBe(true);
  });

  it('establishes one report as overdue (Nigeria’s initial report) and 23 follow-ups (the Committee’s list of November 2025)', () => {
    expect(summary.establishedOverdueReports).toBe(1);
    expect(summary.establishedOverdueFollowUps).toBe(23);
    const reports = statuses.flatMap((s) =>
      s.establishedOverdue.filter((o) => o.kind === 'report').map((o) => [s.stateIso3, o.reportNumber, o.overdue!.daysOverdue]),
    );
    expect(reports).toEqual([['NGA', 1, 8669]]);
    const listed = data.followUpLists
      .find((l) => l.session === 83)!
      .states.map((s) => s.iso3)
      .sort();
    const followUps = statuses
      .filter((s) => s.establishedOverdue.some((o) => o.kind === 'follow-up'))
      .map((s) => s.stateIso3)
      .sort();
    expect(followUps).toEqual(listed);
  });

  it('counts the situations of all 197 entities', () => {
    expect(summary.situations).toEqual({
      'up-to-date': 14,
      'follow-up-overdue': 23,
      'periodic-report-overdue': 0,
      'initial-report-never-submitted': 1,
      'history-not-recorded': 137,
      'not-a-party': 22,
    });
  });

  it('gives the real cases the same results as the fixtures above', () => {
    expect(byIso3.get('DZA')).toMatchObject({ completeness: 'none', situation: 'history-not-recorded', establishedOverdue: [] });
    expect(byIso3.get('BWA')).toMatchObject({
      situation: 'up-to-date',
      nextReportDue: { procedure: 'simplified', due: { date: '2026-07-28' } },
    });
    expect(byIso3.get('KIR')).toMatchObject({ situation: 'follow-up-overdue', followUps: [{ overdue: { daysOverdue: 373 } }] });
    expect(byIso3.get('BHR')).toMatchObject({
      completeness: 'complete',
      situation: 'up-to-date',
      nextReportDue: { reportNumber: 5, due: { date: '2029-11-26' } },
    });
    expect(byIso3.get('NGA')).toMatchObject({
      situation: 'initial-report-never-submitted',
      nextReportDue: { overdue: { daysOverdue: 8669 } },
    });
    expect(byIso3.get('ESP')).toMatchObject({
      completeness: 'partial',
      situation: 'follow-up-overdue',
      followUps: [{}, {}, { reportNumber: 7, overdue: { daysOverdue: 489 } }],
    });
  });

  it('does not claim a report was not considered when the record only lacks its dates (Slovenia: initial report’s review not recorded, 2nd received by 2003-05-05)', () => {
    const svn = byIso3.get('SVN')!;
    const second = svn.reports.find((r) => r.reportNumber === 2)!;
    expect(second.status).toBe('received');
    expect(second.due).toMatchObject({ date: null, notBefore: null, basis: null });
    expect(second.due.reasons).toEqual([{ code: 'review-not-recorded', reportNumber: 1, lastReportNumber: 1 }]);
    const third = svn.reports.find((r) => r.reportNumber === 3)!;
    expect(third.due.notBefore).toBe('2007-05-06');
    expect(svn.reports.flatMap((r) => r.due.reasons.map((reason) => reason.code))).not.toContain('not-yet-considered');
  });

  it('never establishes a report as overdue for a State whose history is not complete, on any date', () => {
    const dates = [...Array.from({ length: 38 }, (_, i) => `${1989 + i}-01-01`), DATA_AS_OF, '2026-12-31', '2030-06-30'];
    for (const asOf of dates) {
      for (const s of catReportingStatuses(data, iso3s, asOf)) {
        const reportsOverdue = s.establishedOverdue.filter((o) => o.kind === 'report');
        if (s.completeness !== 'complete') expect(reportsOverdue, `${s.stateIso3} on ${asOf}`).toEqual([]);
        for (const o of s.establishedOverdue) {
          expect(o.overdue!.establishedAsOf <= asOf && o.overdue!.establishedAsOf <= DATA_AS_OF, `${s.stateIso3} on ${asOf}`).toBe(true);
          if (o.kind === 'follow-up') expect(o.overdue!.establishedBy).toBe('committee-follow-up-list');
        }
      }
    }
  });

  it('stores in cat-reports.json the due dates the rules give', () => {
    const eventsOf = (iso3: string) => data.uncatEvents.filter((e) => e.stateIso3 === iso3);
    for (const r of data.reports) {
      const { uncat, uncatSourceId } = uncatContext(data.uncatInstrument, eventsOf(r.stateIso3), DATA_AS_OF);
      const previous = data.reports.find((p) => p.stateIso3 === r.stateIso3 && p.lastNumber === r.number - 1) ?? null;
      expect(r.due, r.id).toEqual(catDueDateText(reportDueDate(r, previous, uncat, uncatSourceId)));
      expect(r.followUpDue, r.id).toEqual(catDueDateText(followUpDueDate(r)));
    }
  });

  it('marks every computed date as computed and gives its rule; a date without basis never appears', () => {
    const dues = data.reports.flatMap((r) => [r.due, r.followUpDue]);
    for (const d of dues) {
      if (d.basis === 'computed') expect(d.rule).not.toBeNull();
      if (d.basis === null) expect([d.date, d.notBefore, d.note === null]).toEqual([null, null, false]);
    }
    expect(dues.filter((d) => d.basis === 'recorded').length).toBeGreaterThan(0);
  });

  it('stays below the Committee’s own published totals (A/79/44: 28 States with overdue initial reports, 49 with overdue periodic reports, May 2024)', () => {
    const annual =
      seed<{ symbol: string; statesWithOverdueInitialReports: number | null; statesWithOverduePeriodicReports: number | null }[]>(
        'cat-annual-reports.json',
      );
    const a79 = annual.find((a) => a.symbol === 'A/79/44')!;
    expect([a79.statesWithOverdueInitialReports, a79.statesWithOverduePeriodicReports]).toEqual([28, 49]);
    const on = summariseCatReporting('2024-05-10', catReportingStatuses(data, iso3s, '2024-05-10'));
    expect(on.situations['initial-report-never-submitted']).toBeLessThanOrEqual(28);
    expect(on.situations['periodic-report-overdue']).toBeLessThanOrEqual(49);
  });
});
