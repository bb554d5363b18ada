import { describe, expect, it } from 'vitest';
import { asFormValues, doneOf, failureOf, pageSubject, safeNext } from './editing-links';

describe('safeNext', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNext('/review')).toBe('/review');
    expect(safeNext('/maps/rome-statute?asOf=2027-07-01')).toBe('/maps/rome-statute?asOf=2027-07-01');
  });
  it.each([
    null,
    undefined,
    '',
    'review',
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/a\nb',
    '/a\\b',
  ])('sends %j home', (next) => {
    expect(safeNext(next)).toBe('/');
  });
});

describe('pageSubject', () => {
  it('reads a State profile', () => {
    expect(pageSubject('/states/bfa')).toEqual({ instrumentId: null, stateIso3: 'BFA' });
  });
  it('reads a map, with or without a query', () => {
    expect(pageSubject('/maps/rome-statute?asOf=2027-07-01')).toEqual({ instrumentId: 'rome-statute', stateIso3: null });
    expect(pageSubject('/instruments/opcat')).toEqual({ instrumentId: 'opcat', stateIso3: null });
  });
  it('reads an advocacy brief for one State, but not the progress page as a State', () => {
    expect(pageSubject('/advocacy/uncat/KEN')).toEqual({ instrumentId: 'uncat', stateIso3: 'KEN' });
    expect(pageSubject('/advocacy/uncat/progress')).toEqual({ instrumentId: 'uncat', stateIso3: null });
  });
  it('reads a State’s UPR reviews', () => {
    expect(pageSubject('/upr/reviews/SVN?cycle=4')).toEqual({ instrumentId: null, stateIso3: 'SVN' });
  });
  it.each(['/', '/compare?states=KEN', '/states', '/states/Kenya', '/maps/Not%20An%20Id', 'https://x/states/KEN', null])(
    'knows nothing of %j',
    (page) => {
      expect(pageSubject(page)).toEqual({ instrumentId: null, stateIso3: null });
    },
  );
});

describe('failureOf / doneOf / asFormValues', () => {
  const refused = {
    formId: 'correct-3',
    message: 'status: Invalid option',
    details: [{ path: 'status', message: 'Invalid option' }],
    values: { status: 'x' },
  };
  it('finds the failure of the form it names only', () => {
    expect(failureOf(refused, 'correct-3')?.message).toBe('status: Invalid option');
    expect(failureOf(refused, 'retract-3')).toBeNull();
    expect(failureOf(refused)?.details).toHaveLength(1);
  });
  it('sees no failure in a success, and the success word in it', () => {
    expect(failureOf({ formId: 'add', done: 'added' }, 'add')).toBeNull();
    expect(doneOf({ formId: 'add', done: 'added' })).toBe('added');
    expect(doneOf(refused)).toBeNull();
    expect(doneOf(null)).toBeNull();
  });
  it('fills a form from a record', () => {
    expect(asFormValues({ id: 12, status: 'fully-implemented', evidence: null })).toEqual({
      id: '12',
      status: 'fully-implemented',
      evidence: null,
    });
  });
});
