import { describe, expect, it } from 'vitest';
import { digestSince, readDigestQuery, statusChanges } from './digest';

describe('readDigestQuery and digestSince', () => {
  it('reads the State in capitals and defaults to the last 90 days', () => {
    const q = readDigestQuery(new URLSearchParams('state=hun&instrument=rome-statute'));
    expect(q).toEqual({ state: 'HUN', instrument: 'rome-statute', since: null });
    expect(digestSince(q, '2026-12-05')).toBe('2026-09-06');
    expect(digestSince({ ...q, since: '2025-01-01' }, '2026-12-05')).toBe('2025-01-01');
  });
});

describe('statusChanges', () => {
  it('lists the pairs whose status differs, with what it was and is', () => {
    const before = [
      { iso3: 'HUN', instrumentId: 'rome-statute', status: 'withdrawal-pending' },
      { iso3: 'UKR', instrumentId: 'rome-statute', status: 'party' },
    ];
    const after = [
      { iso3: 'HUN', instrumentId: 'rome-statute', status: 'withdrawn' },
      { iso3: 'UKR', instrumentId: 'rome-statute', status: 'party' },
    ];
    expect(statusChanges(before, after)).toEqual([
      { iso3: 'HUN', instrumentId: 'rome-statute', before: 'withdrawal-pending', after: 'withdrawn' },
    ]);
  });
});
