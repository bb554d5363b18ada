import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InstrumentId, ParticipationEvent } from '@tracker/api/domain';
import { assembleSeed } from './assemble.js';
import { seedDir } from './paths.js';

const seed = assembleSeed();
const events = seed.files['events.json'];
const find = (id: string) => events.find((e) => e.id === id);

/**
 * A deliberately naive count of parties on a date: a State counts once it has deposited consent,
 * until a consent-withdrawn or a withdrawal that took effect (effectiveDate, or one year after
 * notification) without a revocation first. Unverified events are ignored, as the status engine
 * does (api/src/domain/README.md).
 */
function naiveParties(instrumentId: InstrumentId, asOf: string, options: { includeUnverified?: boolean } = {}): string[] {
  const byState = new Map<string, ParticipationEvent[]>();
  for (const e of events) {
    if (e.instrumentId !== instrumentId || e.date === null || e.date > asOf) continue;
    if (e.attestation === 'unverified' && !options.includeUnverified) continue;
    byState.set(e.stateIso3, [...(byState.get(e.stateIso3) ?? []), e]);
  }
  const parties: string[] = [];
  for (const [iso3, list] of byState) {
    list.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
    let party = false;
    for (const e of list) {
      if (['ratification', 'accession', 'succession', 'acceptance', 'approval'].includes(e.kind)) party = true;
      if (e.kind === 'consent-withdrawn') party = false;
      if (e.kind === 'withdrawal-notified') {
        const effect = e.effectiveDate ?? `${Number(e.date!.slice(0, 4)) + 1}${e.date!.slice(4)}`;
        const revoked = list.some((r) => r.kind === 'withdrawal-revoked' && r.date! >= e.date! && r.date! < effect);
        if (effect <= asOf && !revoked) party = false;
      }
    }
    if (party) parties.push(iso3);
  }
  return parties.sort();
}

describe('assembleSeed', () => {
  it('finds no problem in the bundled raw data', () => {
    expect(seed.problems).toEqual([]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(assembleSeed().files)).toBe(JSON.stringify(seed.files));
  });

  it('matches the committed data/seed files (run the normaliser after changing data/raw)', () => {
    for (const [name, records] of Object.entries(seed.files)) {
      expect(readFileSync(join(seedDir, name), 'utf8'), name).toBe(`${JSON.stringify(records, null, 2)}\n`);
    }
  });

  it('writes 197 states and the 11 instruments', () => {
    expect(seed.files['states.json']).toHaveLength(197);
    expect(seed.files['instruments.json'].map((i) => i.id).sort()).toEqual(
      [
        'apic',
        'opcat',
        'rome-statute',
        'rs-aggression-2010',
        'rs-art124-2015',
        'rs-art8-2010',
        'rs-art8-2017-biological',
        'rs-art8-2017-fragments',
        'rs-art8-2017-lasers',
        'rs-art8-2019-starvation',
        'uncat',
      ].sort(),
    );
  });

  it('cites only sources that sources.json describes, and every source is cited', () => {
    const ids = new Set(seed.files['sources.json'].map((s) => s.id));
    const cited = new Set(
      [
        ...events.map((e) => e.sourceId),
        ...seed.files['states.json'].flatMap((s) => s.sourceIds),
        ...seed.files['instruments.json'].flatMap((i) => i.sourceIds),
        ...seed.files['counts.json'].map((c) => c.sourceId),
        ...seed.files['cat-reports.json'].flatMap((r) => [r.sourceId, r.due.sourceId, r.followUpDue.sourceId]),
        ...seed.files['cat-follow-up-lists.json'].map((l) => l.sourceId),
        ...seed.files['cat-sessions.json'].flatMap((s) => [...s.sourceIds, ...s.activities.map((a) => a.sourceId)]),
        ...seed.files['cat-reporting-states.json'].flatMap((s) => s.sourceIds),
        ...seed.files['cat-annual-reports.json'].map((a) => a.sourceId),
      ].filter((id): id is string => id !== null),
    );
    expect([...cited].sort()).toEqual([...ids].sort());
  });

  it('never turns an unidentified placeholder into an event', () => {
    const iso3s = new Set(seed.files['states.json'].map((s) => s.iso3));
    expect(events.filter((e) => !iso3s.has(e.stateIso3))).toEqual([]);
  });
});

describe('events', () => {
  it('records Hungary’s Rome Statute withdrawal and its revocation with their real attestations', () => {
    expect(find('rome-statute:HUN:withdrawal-notified:2025-06-02')).toMatchObject({
      attestation: 'official-statement',
      effectiveDate: '2026-06-02',
    });
    expect(find('rome-statute:HUN:withdrawal-revoked:2026-05-29')).toMatchObject({
      attestation: 'unverified',
      notificationSymbol: 'C.N.180.2026.TREATIES-XVIII.10',
    });
  });

  it('records Malaysia’s accession and its withdrawal before entry into force', () => {
    expect(find('rome-statute:MYS:accession:2019-03-04')).toBeDefined();
    expect(find('rome-statute:MYS:consent-withdrawn:2019-04-29')).toMatchObject({ notificationSymbol: 'C.N.185.2019' });
  });

  it('records the Burundi and Philippines withdrawals; only Burundi’s date of effect is stated by a source', () => {
    expect(find('rome-statute:BDI:withdrawal-notified:2016-10-27')?.effectiveDate).toBe('2017-10-27');
    expect(find('rome-statute:PHL:withdrawal-notified:2018-03-17')?.effectiveDate).toBeNull();
  });

  it('records signature withdrawals with the precision the sources give', () => {
    const withdrawn = events.filter((e) => e.instrumentId === 'rome-statute' && e.kind === 'signature-withdrawn');
    expect(withdrawn.map((e) => [e.stateIso3, e.date, e.datePrecision])).toEqual([
      ['ISR', '2002-01-01', 'year'],
      ['RUS', '2016-11-16', 'day'],
      ['SDN', '2008-01-01', 'year'],
      ['USA', '2002-05-06', 'day'],
    ]);
  });

  it('marks every UNVERIFIED row as unverified', () => {
    expect(events.filter((e) => e.attestation === 'unverified').map((e) => e.id)).toEqual([
      'apic:HUN:withdrawal-notified:2025-06-02',
      'rome-statute:BFA:withdrawal-notified:2026-06-24',
      'rome-statute:HUN:withdrawal-revoked:2026-05-29',
      'rome-statute:MLI:withdrawal-notified:2026-06-24',
      'rome-statute:NER:withdrawal-notified:2026-06-18',
      'rome-statute:NRU:withdrawal-notified:2026-09-23',
      'rome-statute:TCD:withdrawal-notified:2026-07-27',
      'rome-statute:VEN:withdrawal-notified:2026-07-24',
      'rs-aggression-2010:MNG:ratification:2021-01-18',
      'rs-art8-2017-fragments:BEL:ratification:2024-06-21',
      'rs-art8-2017-fragments:LUX:ratification:2019-04-02',
      'rs-art8-2017-fragments:NLD:acceptance:2020-04-21',
    ]);
  });

  it('uses only source-stated dates of effect, never computed ones', () => {
    // Ukraine's Rome Statute entry into force is stated by the ICC spokesperson; Armenia's by the table it comes from.
    expect(find('rome-statute:UKR:ratification:2024-10-25')?.effectiveDate).toBe('2025-01-01');
    // UNCAT, OPCAT and the UNTC amendment lists state none.
    expect(events.filter((e) => ['uncat', 'opcat', 'rs-art8-2010'].includes(e.instrumentId) && e.effectiveDate !== null)).toEqual([]);
    // The Netherlands Treaty Database states them for the starvation amendment.
    expect(find('rs-art8-2019-starvation:ESP:ratification:2025-10-17')?.effectiveDate).toBe('2026-10-17');
  });
});

describe('naive party counts from the events agree with published counts', () => {
  it.each([
    ['uncat', '2026-02-03', 175],
    ['opcat', '2026-02-03', 96],
    ['rome-statute', '2014-01-27', 122],
    ['apic', '2013-07-06', 72],
    ['apic', '2015-01-07', 74],
    ['rs-aggression-2010', '2019-11-27', 39],
    ['rs-art8-2010', '2023-01-20', 45],
    ['rs-art124-2015', '2022-03-21', 18],
    ['rs-art8-2017-biological', '2024-06-25', 20],
    ['rs-art8-2017-lasers', '2024-06-25', 18],
    ['rs-art8-2019-starvation', '2025-10-17', 23],
  ] as const)('%s on %s: %i', (instrumentId, asOf, expected) => {
    expect(naiveParties(instrumentId, asOf)).toHaveLength(expected);
    expect(seed.files['counts.json'].some((c) => c.instrumentId === instrumentId && c.asOf === asOf && c.value === expected)).toBe(true);
  });

  it('gives 125 Rome Statute parties on 2 October 2026 only if Hungary’s unverified revocation is applied', () => {
    expect(naiveParties('rome-statute', '2026-10-02', { includeUnverified: true })).toHaveLength(125);
    expect(naiveParties('rome-statute', '2026-10-02')).not.toContain('HUN');
    expect(naiveParties('rome-statute', '2026-10-02')).toHaveLength(124);
  });

  it('falls short of the published aggression count by the three unidentified ratifications', () => {
    // 49 published on 2025-07-09; 46 named, of which Mongolia's date is unverified.
    expect(naiveParties('rs-aggression-2010', '2025-07-09', { includeUnverified: true })).toHaveLength(46);
  });
});
