import { describe, expect, it } from 'vitest';
import { userPatch } from './admin-form';
import { changedFields, correctionBody, eventBody, eventHref, tokenActive } from './event-form';

describe('event form bodies', () => {
  it('leaves empty optional fields out so the API applies its defaults, keeps the citation', () => {
    const body = correctionBody({
      date: '2020-01-02',
      attestation: 'depositary',
      datePrecision: null,
      note: 'n',
      sourceUrl: null,
      documentSymbol: 'C.N.1.2020.TREATIES-IV-9',
      reason: 'because',
    });
    expect(body).toEqual({
      date: '2020-01-02',
      attestation: 'depositary',
      note: 'n',
      sourceUrl: null,
      documentSymbol: 'C.N.1.2020.TREATIES-IV-9',
      reason: 'because',
    });
    expect('datePrecision' in body).toBe(false);
  });
  it('upper-cases the State code of a new event and keeps its identity', () => {
    const body = eventBody({
      instrumentId: 'uncat',
      stateIso3: 'tuv',
      kind: 'accession',
      date: '2024-03-25',
      attestation: 'depositary',
      reason: 'r',
    });
    expect(body).toMatchObject({ instrumentId: 'uncat', stateIso3: 'TUV', kind: 'accession', date: '2024-03-25' });
  });
  it('sends null for a missing required field, so the API names it', () => {
    expect(eventBody({}).kind).toBeNull();
    expect(eventBody({}).reason).toBeNull();
  });
});

describe('changedFields', () => {
  it('lists only the fields that differ', () => {
    expect(changedFields({ date: '2020-01-01', note: null, a: 1 }, { date: '2020-02-01', note: null, a: 1 })).toEqual([
      { field: 'date', from: '2020-01-01', to: '2020-02-01' },
    ]);
  });
  it('shows an absent or null value as a dash', () => {
    expect(changedFields({}, { note: 'x' })).toEqual([{ field: 'note', from: '—', to: 'x' }]);
  });
});

describe('links and tokens', () => {
  it('encodes the colons of an event id', () => {
    expect(eventHref('uncat:TUV:accession:2024-03-25')).toBe('/events/uncat%3ATUV%3Aaccession%3A2024-03-25');
  });
  it('a revoked or expired token is not active', () => {
    const now = '2026-06-01T00:00:00.000Z';
    expect(tokenActive({ revokedAt: null, expiresAt: null }, now)).toBe(true);
    expect(tokenActive({ revokedAt: '2026-01-01T00:00:00.000Z', expiresAt: null }, now)).toBe(false);
    expect(tokenActive({ revokedAt: null, expiresAt: '2026-05-31T23:59:59.000Z' }, now)).toBe(false);
  });
});

describe('userPatch', () => {
  it('sends only filled fields and maps the access select', () => {
    expect(userPatch({ organisation: 'NPM', role: 'editor', password: null, disabled: 'keep' })).toEqual({
      organisation: 'NPM',
      role: 'editor',
    });
    expect(userPatch({ disabled: 'disable' })).toEqual({ disabled: true });
    expect(userPatch({ disabled: 'enable', password: 'a-long-password' })).toEqual({ disabled: false, password: 'a-long-password' });
  });
});
