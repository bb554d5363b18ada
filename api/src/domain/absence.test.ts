import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declarationAbsence, DECLARATIONS_LISTED_COMPLETELY, NOT_OPEN_FOR_SIGNATURE, signatureAbsence } from './absence.js';
import { INSTRUMENT_IDS, type InstrumentId, type ParticipationEvent } from './types.js';

const events = JSON.parse(readFileSync(new URL('../../../data/seed/events.json', import.meta.url), 'utf8')) as ParticipationEvent[];
const eventsOf = (instrumentId: InstrumentId, stateIso3: string) =>
  events.filter((e) => e.instrumentId === instrumentId && e.stateIso3 === stateIso3);

describe('signatureAbsence', () => {
  it.each([
    // UNCAT: Tuvalu acceded on 2024-03-25; Serbia succeeded to it; neither ever signed.
    ['uncat', 'TUV', 'accession', 'not-applicable'],
    ['uncat', 'SRB', 'succession', 'not-applicable'],
    // Rome Statute: Japan acceded in 2007 without signing.
    ['rome-statute', 'JPN', 'accession', 'not-applicable'],
    // Germany accepted the 2010 art. 8 amendment: amendments are never signed.
    ['rs-art8-2010', 'DEU', 'acceptance', 'not-applicable'],
    // Liechtenstein ratified the aggression amendments.
    ['rs-aggression-2010', 'LIE', 'ratification', 'not-applicable'],
    // Germany ratified the Rome Statute after signing it; a signature it lacked would be missing data.
    ['rome-statute', 'DEU', 'ratification', 'not-recorded'],
  ] as const)('%s, %s (%s): %s', (instrumentId, iso3, consentKind, expected) => {
    const own = eventsOf(instrumentId, iso3);
    expect(own.map((e) => e.kind)).toContain(consentKind);
    expect(signatureAbsence(consentKind, instrumentId)).toBe(expected);
  });

  it('never finds a signature of a Rome Statute amendment in the data (they are not open for signature)', () => {
    const amendmentEvents = events.filter((e) => NOT_OPEN_FOR_SIGNATURE.includes(e.instrumentId));
    expect(amendmentEvents.length).toBeGreaterThan(100);
    expect(amendmentEvents.filter((e) => e.kind === 'signature')).toEqual([]);
  });

  it('leaves a signature not recorded when there is no consent, or one that usually follows a signature', () => {
    expect(signatureAbsence(null)).toBe('not-recorded');
    expect(signatureAbsence(undefined)).toBe('not-recorded');
    for (const kind of ['ratification', 'acceptance', 'approval'] as const) expect(signatureAbsence(kind)).toBe('not-recorded');
  });
});

describe('declarationAbsence', () => {
  it('says none recorded for a UNCAT party with no art. 21 or 22 declaration on the UNTC page (Tuvalu), and for OPCAT art. 24', () => {
    expect(eventsOf('uncat', 'TUV').filter((e) => e.kind === 'declaration')).toEqual([]);
    expect(declarationAbsence('uncat', '21')).toBe('none-recorded');
    expect(declarationAbsence('uncat', '22')).toBe('none-recorded');
    expect(declarationAbsence('uncat', '28(1)')).toBe('none-recorded');
    expect(declarationAbsence('opcat', '24')).toBe('none-recorded');
  });

  it('says not recorded where no source lists them: other UNCAT articles, any article at all, the Rome Statute, its amendments, APIC', () => {
    expect(declarationAbsence('uncat', '30(1)')).toBe('not-recorded');
    expect(declarationAbsence('uncat')).toBe('not-recorded');
    // The Statute's sources record Palestine's art. 12(3) declaration and Ukraine's art. 124 one, not a list.
    expect(eventsOf('rome-statute', 'PSE').some((e) => e.kind === 'declaration' && e.article === '12(3)')).toBe(true);
    expect(declarationAbsence('rome-statute', '12(3)')).toBe('not-recorded');
    expect(declarationAbsence('rome-statute', '124')).toBe('not-recorded');
    for (const id of INSTRUMENT_IDS.filter((i) => i !== 'uncat' && i !== 'opcat')) expect(declarationAbsence(id, '1')).toBe('not-recorded');
  });

  it('claims completeness only for articles the bundled events actually hold (the parser reads them)', () => {
    for (const [instrumentId, articles] of Object.entries(DECLARATIONS_LISTED_COMPLETELY)) {
      for (const article of articles) {
        const found = events.filter(
          (e) => e.instrumentId === instrumentId && e.article === article && (e.kind === 'declaration' || e.kind === 'reservation'),
        );
        expect(found.length, `${instrumentId} art. ${article}`).toBeGreaterThan(0);
        expect(found.every((e) => e.attestation === 'depositary')).toBe(true);
      }
    }
  });
});
