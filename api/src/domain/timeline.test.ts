import { describe, expect, it } from 'vitest';
import type { Instrument } from './status-engine.js';
import { timeline, type TimelinePoint } from './timeline.js';
import type { EventKind, InstrumentId, IsoDate, ParticipationEvent } from './types.js';

// Dates from data/raw/treaties/ (file named beside each table).

const ONE_YEAR = { kind: 'one-year-after-notification' } as const;
const ROME_STATUTE: Instrument = {
  id: 'rome-statute',
  entryIntoForceRule: { kind: 'first-of-month-after-days', days: 60, generalEntryIntoForce: '2002-07-01' },
  withdrawalRule: ONE_YEAR,
};
const UNCAT: Instrument = {
  id: 'uncat',
  entryIntoForceRule: { kind: 'days-after-deposit', days: 30, generalEntryIntoForce: '1987-06-26' },
  withdrawalRule: ONE_YEAR,
};
const AGGRESSION: Instrument = {
  id: 'rs-aggression-2010',
  entryIntoForceRule: { kind: 'one-year-after-deposit', activatedOn: '2018-07-17' },
  withdrawalRule: ONE_YEAR,
};
const ART_124_DELETION: Instrument = {
  id: 'rs-art124-2015',
  entryIntoForceRule: { kind: 'seven-eighths-of-parent-parties', parent: 'rome-statute' },
  withdrawalRule: ONE_YEAR,
};

function ev(
  instrumentId: InstrumentId,
  stateIso3: string,
  kind: EventKind,
  date: IsoDate,
  precision: ParticipationEvent['datePrecision'] = 'day',
): ParticipationEvent {
  return {
    id: `${instrumentId}/${stateIso3}/${kind}/${date}`,
    instrumentId,
    stateIso3,
    kind,
    date,
    datePrecision: precision,
    effectiveDate: null,
    article: null,
    attestation: 'depositary',
    sourceId: 'test',
    sourceUrl: null,
    notificationSymbol: null,
    note: null,
  };
}

/** "ISO3 date kind" triples, whitespace-separated. */
function parseTable(instrumentId: InstrumentId, table: string): ParticipationEvent[] {
  return [...table.matchAll(/([A-Z]{3}) (\d{4}-\d{2}-\d{2}) ([a-z-]+)/g)].map(([, iso3, date, kind]) =>
    ev(instrumentId, iso3!, kind as EventKind, date!),
  );
}
const statesOf = (events: ParticipationEvent[]) => [...new Set(events.map((e) => e.stateIso3))];

/** [date, parties, partiesNotInForce, signatories, changes as "ISO3 from>to"] */
type Row = [IsoDate, number, number, number, string[]];
const rows = (points: TimelinePoint[]): Row[] =>
  points.map((p) => [p.date, p.parties, p.partiesNotInForce, p.signatories, p.change.map((c) => `${c.iso3} ${c.from}>${c.to}`)]);

describe('timeline', () => {
  it('Rome Statute 2015-2020: accessions, withdrawals, revocations and Malaysia', () => {
    // rome_statute_participants.csv and rome_statute_events.csv; South Africa's revocation is
    // known to the month (March 2017), so it counts from 2017-04-01.
    const events = [
      ...parseTable(
        'rome-statute',
        `PSE 2015-01-02 accession  SLV 2016-03-03 accession  MYS 2019-03-04 accession  MYS 2019-04-29 consent-withdrawn
         KIR 2019-11-26 accession  ZAF 2000-11-27 ratification  ZAF 2016-10-19 withdrawal-notified
         BDI 2004-09-21 ratification  BDI 2016-10-27 withdrawal-notified  GMB 2002-06-28 ratification
         GMB 2016-11-10 withdrawal-notified  GMB 2017-02-10 withdrawal-revoked  PHL 2011-08-30 ratification
         PHL 2018-03-17 withdrawal-notified`,
      ),
      ev('rome-statute', 'ZAF', 'withdrawal-revoked', '2017-03-01', 'month'),
    ];
    const states = ['PSE', 'SLV', 'ZAF', 'BDI', 'GMB', 'PHL', 'MYS', 'KIR'];
    expect(rows(timeline(ROME_STATUTE, events, states, '2015-01-01', '2020-12-31'))).toEqual<Row[]>([
      ['2015-01-01', 4, 0, 0, []],
      ['2015-01-02', 4, 1, 0, ['PSE no-action>party-not-in-force']],
      ['2015-04-01', 5, 0, 0, ['PSE party-not-in-force>party']],
      ['2016-03-03', 5, 1, 0, ['SLV no-action>party-not-in-force']],
      ['2016-06-01', 6, 0, 0, ['SLV party-not-in-force>party']],
      ['2016-10-19', 6, 0, 0, ['ZAF party>withdrawal-pending']],
      ['2016-10-27', 6, 0, 0, ['BDI party>withdrawal-pending']],
      ['2016-11-10', 6, 0, 0, ['GMB party>withdrawal-pending']],
      ['2017-02-10', 6, 0, 0, ['GMB withdrawal-pending>party']],
      ['2017-04-01', 6, 0, 0, ['ZAF withdrawal-pending>party']],
      ['2017-10-27', 5, 0, 0, ['BDI withdrawal-pending>withdrawn']],
      ['2018-03-17', 5, 0, 0, ['PHL party>withdrawal-pending']],
      ['2019-03-04', 5, 1, 0, ['MYS no-action>party-not-in-force']],
      ['2019-03-17', 4, 1, 0, ['PHL withdrawal-pending>withdrawn']],
      ['2019-04-29', 4, 0, 0, ['MYS party-not-in-force>no-action']],
      ['2019-11-26', 4, 1, 0, ['KIR no-action>party-not-in-force']],
      ['2020-02-01', 5, 0, 0, ['KIR party-not-in-force>party']],
    ]);
  });

  it('UNCAT: the first 20 instruments all take effect on 1987-06-26', () => {
    // uncat_participants.csv: the 20 deposits before the Convention's entry into force, then
    // Canada, Austria and Panama (Panama's 1987-09-23 falls after `to`).
    const events = parseTable(
      'uncat',
      `SWE 1985-02-04 signature  SWE 1986-01-08 ratification  MEX 1985-03-18 signature  MEX 1986-01-23 ratification
       FRA 1985-02-04 signature  FRA 1986-02-18 ratification  BLZ 1986-03-17 accession  PHL 1986-06-18 accession
       EGY 1986-06-25 accession  NOR 1985-02-04 signature  NOR 1986-07-09 ratification  SEN 1985-02-04 signature
       SEN 1986-08-21 ratification  ARG 1985-02-04 signature  ARG 1986-09-24 ratification  URY 1985-02-04 signature
       URY 1986-10-24 ratification  UGA 1986-11-03 accession  CHE 1985-02-04 signature  CHE 1986-12-02 ratification
       BGR 1986-06-10 signature  BGR 1986-12-16 ratification  CMR 1986-12-19 accession  UKR 1986-02-27 signature
       UKR 1987-02-24 ratification  RUS 1985-12-10 signature  RUS 1987-03-03 ratification  BLR 1985-12-19 signature
       BLR 1987-03-13 ratification  AFG 1985-02-04 signature  AFG 1987-04-01 ratification  HUN 1986-11-28 signature
       HUN 1987-04-15 ratification  DNK 1985-02-04 signature  DNK 1987-05-27 ratification  CAN 1985-08-23 signature
       CAN 1987-06-24 ratification  AUT 1985-03-14 signature  AUT 1987-07-29 ratification  PAN 1985-02-22 signature
       PAN 1987-08-24 ratification`,
    );
    const points = timeline(UNCAT, events, statesOf(events), '1987-06-01', '1987-08-31');
    expect(points.map((p) => [p.date, p.parties, p.partiesNotInForce, p.signatories, p.change.length])).toEqual([
      ['1987-06-01', 0, 20, 3, 0],
      ['1987-06-24', 0, 21, 2, 1],
      ['1987-06-26', 20, 1, 2, 20],
      ['1987-07-24', 21, 0, 2, 1],
      ['1987-07-29', 21, 1, 1, 1],
      ['1987-08-24', 21, 2, 0, 1],
      ['1987-08-28', 22, 1, 0, 1],
    ]);
    expect(points[2]!.change.length).toBeGreaterThan(0);
    expect(points[2]!.change.every((c) => c.from === 'party-not-in-force' && c.to === 'party')).toBe(true);
    expect(points[2]!.change.map((c) => c.iso3)).not.toContain('CAN');
  });

  it('aggression amendments: each ratification in force one year after deposit; the activation (2018-07-17) changes no count', () => {
    // rome_statute_amendments.csv, XVIII-10-b
    const events = parseTable(
      'rs-aggression-2010',
      `LIE 2012-05-08 ratification  WSM 2012-09-25 ratification  TTO 2012-11-13 ratification  LUX 2013-01-15 ratification
       EST 2013-03-27 ratification  DEU 2013-06-03 acceptance  BWA 2013-06-04 ratification  CYP 2013-09-25 ratification
       SVN 2013-09-25 ratification  AND 2013-09-26 acceptance  URY 2013-09-26 ratification  BEL 2013-11-26 ratification
       HRV 2013-12-20 ratification  SVK 2014-04-28 acceptance  AUT 2014-07-17 ratification  ESP 2014-09-26 ratification
       LVA 2014-09-26 ratification  POL 2014-09-26 ratification  SMR 2014-11-14 ratification  GEO 2014-12-05 ratification
       MLT 2015-01-29 ratification  CRI 2015-02-05 ratification  CZE 2015-03-12 ratification  CHE 2015-09-10 ratification
       LTU 2015-12-07 ratification  FIN 2015-12-30 ratification  MKD 2016-03-01 ratification  SLV 2016-03-03 ratification
       ISL 2016-06-17 ratification  PSE 2016-06-26 ratification  CHL 2016-09-23 ratification  NLD 2016-09-23 ratification
       PRT 2017-04-11 ratification  ARG 2017-04-28 ratification  PAN 2017-12-06 ratification  IRL 2018-09-27 ratification
       GUY 2018-09-28 ratification  PRY 2019-04-05 ratification  ECU 2019-09-25 ratification`,
    );
    const points = timeline(AGGRESSION, events, statesOf(events), '2018-01-01', '2019-12-31');
    expect(points.map((p) => [p.date, p.parties, p.partiesNotInForce, p.change.length])).toEqual([
      ['2018-01-01', 32, 3, 0],
      ['2018-04-11', 33, 2, 1],
      ['2018-04-28', 34, 1, 1],
      ['2018-09-27', 34, 2, 1],
      ['2018-09-28', 34, 3, 1],
      ['2018-12-06', 35, 2, 1],
      ['2019-04-05', 35, 3, 1],
      ['2019-09-25', 35, 4, 1],
      ['2019-09-27', 36, 3, 1],
      ['2019-09-28', 37, 2, 1],
    ]);
    // A range starting on a change date: the change is in the baseline, not counted twice.
    const fromArgentina = timeline(AGGRESSION, events, statesOf(events), '2018-04-28', '2018-09-27');
    expect(fromArgentina.map((p) => [p.date, p.parties, p.partiesNotInForce, p.change.length])).toEqual([
      ['2018-04-28', 34, 1, 0],
      ['2018-09-27', 34, 2, 1],
    ]);
  });

  it('gives only the baseline when nothing changes in the range', () => {
    const kiribati = [ev('rome-statute', 'KIR', 'accession', '2019-11-26')];
    expect(rows(timeline(ROME_STATUTE, kiribati, ['KIR'], '2020-03-01', '2026-01-01'))).toEqual([['2020-03-01', 1, 0, 0, []]]);
  });

  it('counts every status, so a chart can show withdrawals too', () => {
    const burundi = parseTable('rome-statute', 'BDI 2004-09-21 ratification  BDI 2016-10-27 withdrawal-notified');
    const [, pending, withdrawn] = timeline(ROME_STATUTE, burundi, ['BDI'], '2016-01-01', '2018-01-01');
    expect(pending!.counts).toMatchObject({ party: 0, 'withdrawal-pending': 1, withdrawn: 0 });
    expect(withdrawn!.counts).toMatchObject({ party: 0, 'withdrawal-pending': 0, withdrawn: 1 });
  });

  describe('art. 124 deletion', () => {
    // rome_statute_amendments.csv XVIII-10-c (all 19 acceptances) and rome_statute_participants.csv
    const acceptances = parseTable(
      'rs-art124-2015',
      `NOR 2016-07-01 acceptance  FIN 2016-09-23 acceptance  SVK 2016-10-28 acceptance  NLD 2017-03-20 acceptance
       PRT 2017-04-11 ratification  AUT 2017-09-22 ratification  FRA 2018-03-19 ratification  ITA 2018-04-13 ratification
       HRV 2018-04-27 ratification  ROU 2018-06-14 ratification  CHE 2018-12-14 ratification  SVN 2019-04-02 ratification
       BEL 2019-05-16 ratification  LVA 2020-04-24 ratification  AND 2020-11-03 acceptance  LIE 2022-01-21 ratification
       SWE 2022-01-26 acceptance  ESP 2022-03-21 ratification  UKR 2024-10-25 ratification`,
    );

    it('needs the parent events', () => {
      expect(() => timeline(ART_124_DELETION, acceptances, ['NOR'], '2016-01-01', '2026-01-01')).toThrow(TypeError);
    });

    it('constructed: with a parent reduced to the 19 acceptors plus Germany, all 19 bound on 2023-01-26', () => {
      // Real Statute deposits of those 20 states; 7/8 of 19 parties (17) reached on 2022-01-26.
      const parentEvents = parseTable(
        'rome-statute',
        `NOR 2000-02-16 ratification  FIN 2000-12-29 ratification  SVK 2002-04-11 ratification  NLD 2001-07-17 acceptance
         PRT 2002-02-05 ratification  AUT 2000-12-28 ratification  FRA 2000-06-09 ratification  ITA 1999-07-26 ratification
         HRV 2001-05-21 ratification  ROU 2002-04-11 ratification  CHE 2001-10-12 ratification  SVN 2001-12-31 ratification
         BEL 2000-06-28 ratification  LVA 2002-06-28 ratification  AND 2001-04-30 ratification  LIE 2001-10-02 ratification
         SWE 2001-06-28 ratification  ESP 2000-10-24 ratification  UKR 2024-10-25 ratification  DEU 2000-12-11 ratification`,
      );
      const parent = { instrument: ROME_STATUTE, events: parentEvents };
      const points = timeline(ART_124_DELETION, acceptances, statesOf(parentEvents), '2022-01-01', '2025-12-31', parent);
      expect(points.map((p) => [p.date, p.parties, p.partiesNotInForce, p.change.length])).toEqual([
        ['2022-01-01', 0, 15, 0],
        ['2022-01-21', 0, 16, 1],
        ['2022-01-26', 0, 17, 1],
        ['2022-03-21', 0, 18, 1],
        ['2023-01-26', 19, 0, 19],
        ['2024-10-25', 19, 1, 1],
        ['2025-01-01', 20, 0, 1],
      ]);
      expect(points[4]!.change.find((c) => c.iso3 === 'DEU')).toEqual({ iso3: 'DEU', from: 'no-action', to: 'party' });
    });
  });

  it('rejects a range that ends before it starts, and events of another instrument', () => {
    const kiribati = [ev('rome-statute', 'KIR', 'accession', '2019-11-26')];
    expect(() => timeline(ROME_STATUTE, kiribati, ['KIR'], '2020-01-01', '2019-01-01')).toThrow(TypeError);
    expect(() => timeline(UNCAT, kiribati, ['KIR'], '2019-01-01', '2020-01-01')).toThrow(/instrument/);
  });
});
