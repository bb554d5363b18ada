import { describe, expect, it } from 'vitest';
import { advocacySearch, isFiltered, QUESTIONS, readAdvocacyView, sessionRanges } from './advocacy';

describe('the advocacy view in the URL', () => {
  it('reads statuses repeated (as checkboxes send them) or comma-separated, in the vocabulary order, without duplicates', () => {
    const view = readAdvocacyView(new URLSearchParams('status=no-action&status=signatory,no-action&ldc=true&sids=true&combine=any'));
    expect(view.status).toEqual(['signatory', 'no-action']);
    expect(view.params).toEqual({ ldc: 'true', sids: 'true', combine: 'any' });
  });

  it('keeps an unknown status, so that the API can say what is wrong with it', () => {
    expect(readAdvocacyView(new URLSearchParams('status=party')).status).toEqual(['party']);
  });

  it('drops empty form fields ("any")', () => {
    expect(readAdvocacyView(new URLSearchParams('group=&region=&asOf=&supported=true')).params).toEqual({ supported: 'true' });
  });

  it('writes a view back in a fixed order, statuses repeated, so the same view has the same URL', () => {
    const search = advocacySearch({ params: { combine: 'any', sids: 'true', ldc: 'true' }, status: ['signatory'] }, { format: 'csv' });
    expect(search).toBe('?ldc=true&sids=true&combine=any&format=csv&status=signatory');
    expect(readAdvocacyView(new URLSearchParams(search))).toEqual({
      params: { ldc: 'true', sids: 'true', combine: 'any' },
      status: ['signatory'],
    });
    expect(advocacySearch({ params: {}, status: [] })).toBe('');
  });

  it('tells a filtered view from the whole list (the date and the windows span do not filter)', () => {
    expect(isFiltered({ params: { asOf: '2020-01-01', windowMonths: '6' }, status: [] })).toBe(false);
    expect(isFiltered({ params: {}, status: ['signatory'] })).toBe(true);
    expect(isFiltered({ params: { reviewWithin: '12' }, status: [] })).toBe(true);
  });

  it('asks the LDC-or-SIDS question as "signatory, ldc or sids"', () => {
    const question = QUESTIONS.find((q) => q.id === 'ldcSidsSignedRome')!;
    expect(`/advocacy/${question.instrumentId}${advocacySearch(question.view)}`).toBe(
      '/advocacy/rome-statute?ldc=true&sids=true&combine=any&status=signatory',
    );
  });
});

describe('session ranges', () => {
  it('writes runs of sessions as ranges, the rest one by one', () => {
    expect(sessionRanges([48, 1, 2, 3, 34, 27, 26, 3])).toBe('1–3, 26–27, 34, 48');
    expect(sessionRanges([])).toBe('');
    expect(sessionRanges([9])).toBe('9');
  });
});
