import { describe, expect, it } from 'vitest';
import { actionBody, mayEditPlan, planBody, progressSegments, readFollowUpQuery, reviewSearch } from './follow-up';

describe('follow-up pages', () => {
  it('reads the list filters, empty ones as absent', () => {
    expect(readFollowUpQuery(new URLSearchParams('state=svn&cycle=&organisation=%20NHRI%20'))).toEqual({
      state: 'SVN',
      cycle: null,
      organisation: 'NHRI',
    });
  });

  it('turns progress counts into chart segments in a fixed order, leaving out the empty', () => {
    expect(progressSegments({ 'no-update': 2, implemented: 1, 'in-progress': 1, 'not-started': 0 })).toEqual([
      { status: 'implemented', count: 1, share: 25 },
      { status: 'in-progress', count: 1, share: 25 },
      { status: 'no-update', count: 2, share: 50 },
    ]);
    expect(progressSegments({})).toEqual([]);
  });

  it('lets only editors of the owning organisation edit', () => {
    const user = (organisation: string, role: 'editor' | 'admin') => ({
      user: { id: 1, email: 'e@x.org', name: 'N', organisation, role },
      csrfToken: 't',
    });
    expect(mayEditPlan({ organisation: 'NHRI' }, user('NHRI', 'editor'))).toBe(true);
    expect(mayEditPlan({ organisation: 'NHRI' }, user('NGO', 'admin'))).toBe(false);
    expect(mayEditPlan({ organisation: 'NHRI' }, user('NHRI', 'admin'))).toBe(true);
    expect(mayEditPlan({ organisation: 'NHRI' }, null)).toBe(false);
  });

  it('builds write bodies from form fields', () => {
    expect(
      planBody({ reviewId: ' svn-48 ', title: 'Plan', scope: 'chosen', recommendationIds: 'a, b\nc', clusterBy: null, description: null }),
    ).toEqual({
      reviewId: 'SVN-48',
      title: 'Plan',
      description: null,
      clusterBy: 'theme',
      recommendations: ['a', 'b', 'c'],
    });
    expect(planBody({ reviewId: 'SVN-48', title: 'Plan', scope: 'all', recommendationIds: 'a' }).recommendations).toBe('all');
    expect(planBody({ reviewId: 'SVN-48', title: 'Plan', scope: 'search' }, ['x', 'y']).recommendations).toEqual(['x', 'y']);
    expect(reviewSearch(' svn-48 ')).toEqual({ state: 'SVN', session: '48' });
    expect(reviewSearch('Slovenia 48')).toBeNull();
    expect(actionBody('item-1', { description: 'Draft', responsibleBody: null, targetDate: '2027-01-01', status: null })).toEqual({
      itemId: 'item-1',
      description: 'Draft',
      responsibleBody: null,
      targetDate: '2027-01-01',
      status: 'planned',
    });
  });
});
