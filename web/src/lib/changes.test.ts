import { describe, expect, it } from 'vitest';
import { changeDay, changesFeedHref, changesPageHref, readChangesQuery, subscriptions } from './changes';

const none = { instrument: null, state: null, kind: null };

describe('readChangesQuery', () => {
  it('reads the filters and the page, empty fields as absent, the State in capitals', () => {
    expect(readChangesQuery(new URLSearchParams('instrument=opcat&state=ken&kind=&before=120'))).toEqual({
      instrument: 'opcat',
      state: 'KEN',
      kind: null,
      before: '120',
    });
    expect(readChangesQuery(new URLSearchParams(''))).toEqual({ ...none, before: null });
  });
});

describe('links', () => {
  it('pages with before, keeping the filters', () => {
    expect(changesPageHref({ ...none, instrument: 'opcat' }, 1200)).toBe('/changes?instrument=opcat&before=1200');
    expect(changesPageHref(none)).toBe('/changes');
  });

  it('gives the filter’s Atom feed and CSV file, never a later page', () => {
    const q = { instrument: 'opcat', state: 'KEN', kind: 'participation-event', before: '99' } as const;
    expect(changesFeedHref(q, 'atom')).toBe('/api/changes?instrument=opcat&state=KEN&kind=participation-event&format=atom');
    expect(changesFeedHref(q, 'csv')).toBe('/api/changes?instrument=opcat&state=KEN&kind=participation-event&format=csv&bom=true');
  });

  it('offers "anything about" the instrument and the State, then everything, without repeats', () => {
    expect(subscriptions({ instrument: 'opcat', state: 'KEN', kind: null }, { instrument: 'OPCAT', state: 'Kenya' })).toEqual([
      { about: 'instrument', name: 'OPCAT', href: '/api/changes?instrument=opcat&format=atom' },
      { about: 'state', name: 'Kenya', href: '/api/changes?state=KEN&format=atom' },
      { about: 'everything', name: null, href: '/api/changes?format=atom' },
    ]);
    expect(subscriptions(none, { instrument: null, state: null })).toEqual([
      { about: 'everything', name: null, href: '/api/changes?format=atom' },
    ]);
    // A name the page does not know falls back to the code.
    expect(subscriptions({ ...none, state: 'XYZ' }, { instrument: null, state: null })[0]).toMatchObject({ name: 'XYZ' });
  });

  it('takes the UTC day of a recorded time', () => {
    expect(changeDay('2026-12-04T23:59:59.999Z')).toBe('2026-12-04');
  });
});
