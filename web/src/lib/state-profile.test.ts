import { describe, expect, it } from 'vitest';
import type { ParticipationEventOut, StateDetail } from './api-types';
import { inInstrumentOrder, profileTimeline } from './state-profile';

const source = (id: string) => ({ id, title: id, url: null, asOf: null });
const event = (
  over: Partial<ParticipationEventOut> & Pick<ParticipationEventOut, 'id' | 'instrumentId' | 'kind' | 'date'>,
): ParticipationEventOut => ({
  stateIso3: 'BDI',
  datePrecision: 'day',
  effectiveDate: null,
  article: null,
  attestation: 'depositary',
  source: source('untc'),
  sourceUrl: null,
  notificationSymbol: null,
  note: null,
  ...over,
});
type InstrumentStatus = StateDetail['instruments'][number];
const status = (over: Partial<InstrumentStatus> & Pick<InstrumentStatus, 'instrumentId' | 'status'>): InstrumentStatus => ({
  shortName: over.instrumentId,
  titleLanguage: 'en',
  dataAsOf: '2026-01-01',
  since: null,
  signature: null,
  consent: null,
  entryIntoForce: null,
  withdrawal: null,
  declarations: [],
  uncertain: false,
  eventIds: [],
  sourceIds: [],
  unconfirmedReports: [],
  sincePrecision: 'day',
  revokedWithdrawals: [],
  jurisdictionFrom: null,
  jurisdictionSource: null,
  uncertainReports: [],
  ...over,
});

const detail = {
  events: [
    event({
      id: 'w',
      instrumentId: 'rome-statute',
      kind: 'withdrawal-notified',
      date: '2016-10-27',
      attestation: 'news-report',
      source: source('reuters'),
    }),
    event({ id: 'r', instrumentId: 'rome-statute', kind: 'ratification', date: '2004-09-21', source: source('zmjones') }),
    event({ id: 'a', instrumentId: 'uncat', kind: 'accession', date: '1993-02-18' }),
    event({
      id: 'u',
      instrumentId: 'rome-statute',
      kind: 'withdrawal-revoked',
      date: '2026-05-29',
      attestation: 'unverified',
      source: source('note'),
    }),
  ],
  instruments: [
    status({
      instrumentId: 'uncat',
      status: 'party',
      consent: { date: '1993-02-18', precision: 'day', kind: 'accession' },
      entryIntoForce: { date: '1993-03-20', computed: true },
    }),
    status({
      instrumentId: 'rome-statute',
      status: 'withdrawn',
      consent: { date: '2004-09-21', precision: 'day', kind: 'ratification' },
      entryIntoForce: { date: '2004-12-01', computed: true },
      withdrawal: { notified: '2016-10-27', effective: '2017-10-27', computed: false },
    }),
  ],
};

describe('profileTimeline', () => {
  const { entries, unconfirmed } = profileTimeline(detail);

  it('lists events and the dates of effect that follow from them, oldest first', () => {
    expect(entries.map((e) => `${e.date} ${e.instrumentId} ${e.kind === 'event' ? e.event.kind : e.kind}`)).toEqual([
      '1993-02-18 uncat accession',
      '1993-03-20 uncat entry-into-force',
      '2004-09-21 rome-statute ratification',
      '2004-12-01 rome-statute entry-into-force',
      '2016-10-27 rome-statute withdrawal-notified',
      '2017-10-27 rome-statute withdrawal-effective',
    ]);
  });

  it('gives a date of effect the source of the event it follows from', () => {
    const effective = entries.find((e) => e.kind === 'withdrawal-effective');
    expect(effective).toMatchObject({ computed: false, source: { id: 'reuters' } });
    expect(entries.find((e) => e.kind === 'entry-into-force' && e.instrumentId === 'rome-statute')).toMatchObject({
      computed: true,
      source: { id: 'zmjones' },
    });
  });

  it('keeps unconfirmed reports out of the timeline', () => {
    expect(unconfirmed.map((e) => e.id)).toEqual(['u']);
    expect(entries.some((e) => e.kind === 'event' && e.event.attestation === 'unverified')).toBe(false);
  });

  it('shows the aggression jurisdiction date as its own entry, with its source (Liechtenstein)', () => {
    // rome_statute_amendments.csv (XVIII-10-b): deposit 2012-05-08, in force 2013-05-08; activation 2018-07-17
    const liechtenstein = profileTimeline({
      events: [event({ id: 'k', instrumentId: 'rs-aggression-2010', kind: 'ratification', date: '2012-05-08' })],
      instruments: [
        status({
          instrumentId: 'rs-aggression-2010',
          status: 'party',
          consent: { date: '2012-05-08', precision: 'day', kind: 'ratification' },
          entryIntoForce: { date: '2013-05-08', computed: true },
          jurisdictionFrom: '2018-07-17',
          jurisdictionSource: source('asp-crime-of-aggression-page'),
        }),
      ],
    });
    expect(liechtenstein.entries.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2012-05-08 event',
      '2013-05-08 entry-into-force',
      '2018-07-17 jurisdiction-from',
    ]);
    expect(liechtenstein.entries.at(-1)).toMatchObject({ source: { id: 'asp-crime-of-aggression-page' } });
  });

  it('puts undated events last', () => {
    const withUndated = profileTimeline({
      ...detail,
      events: [event({ id: 'x', instrumentId: 'apic', kind: 'signature', date: null }), ...detail.events],
    });
    expect(withUndated.entries.at(-1)?.date).toBeNull();
  });
});

describe('inInstrumentOrder', () => {
  it('sorts by the canonical instrument order', () => {
    expect(inInstrumentOrder(detail.instruments).map((i) => i.instrumentId)).toEqual(['rome-statute', 'uncat']);
  });
});
