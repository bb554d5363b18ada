import { describe, expect, it } from 'vitest';
import { isOverdue, progressAsOf, progressCounts, suggestClusters, UNCLASSIFIED_CLUSTER } from './follow-up.js';

const rec = (id: string, themes: string[] | null, sdgs: string[] | null = null) => ({ id, themes, sdgs, affectedPersons: null });

describe('suggested clusters', () => {
  // Themes as the UHRI annotates Slovenia's 48th-session recommendations.
  const recs = [
    rec('a', ['Ratification of & accession to international instruments', 'Economic, social & cultural rights']),
    rec('b', ['Racial discrimination']),
    rec('c', ['Ratification of & accession to international instruments']),
    rec('d', null, ['5 - GENDER EQUALITY']),
  ];
  it('groups by the first theme, largest first, the unclassified last', () => {
    expect(suggestClusters(recs, 'theme', 'All')).toEqual([
      { title: 'Ratification of & accession to international instruments', recommendationIds: ['a', 'c'] },
      { title: 'Racial discrimination', recommendationIds: ['b'] },
      { title: UNCLASSIFIED_CLUSTER, recommendationIds: ['d'] },
    ]);
  });
  it('groups by SDG, or puts all in one cluster', () => {
    expect(suggestClusters(recs, 'sdg', 'All').map((c) => c.title)).toEqual(['5 - GENDER EQUALITY', UNCLASSIFIED_CLUSTER]);
    expect(suggestClusters(recs, 'none', 'All')).toEqual([{ title: 'All', recommendationIds: ['a', 'b', 'c', 'd'] }]);
    expect(suggestClusters([], 'none', 'All')).toEqual([]);
  });
});

describe('progress over time', () => {
  const updates = [
    { id: 1, itemId: 'a', status: 'not-started' as const, date: '2024-01-10' },
    { id: 2, itemId: 'a', status: 'in-progress' as const, date: '2025-03-01' },
    { id: 3, itemId: 'b', status: 'implemented' as const, date: '2025-03-01' },
    { id: 4, itemId: 'b', status: 'partially-implemented' as const, date: '2025-03-01' },
  ];
  it('takes the latest update dated on or before the date; of two on one date, the later recorded', () => {
    expect(progressAsOf(updates, '2024-12-31').get('a')?.status).toBe('not-started');
    expect(progressAsOf(updates, '2024-12-31').has('b')).toBe(false);
    expect(progressAsOf(updates, '2026-01-01').get('a')?.status).toBe('in-progress');
    expect(progressAsOf(updates, '2026-01-01').get('b')?.status).toBe('partially-implemented');
  });
  it('counts recommendations by status, those without an update apart', () => {
    const counts = progressCounts(['a', 'b', 'c'], progressAsOf(updates, '2026-01-01'));
    expect(counts).toMatchObject({ 'in-progress': 1, 'partially-implemented': 1, 'no-update': 1, implemented: 0 });
  });
  it('calls an action overdue only past its target date and not done', () => {
    expect(isOverdue({ targetDate: '2026-06-30', status: 'planned' }, '2026-12-04')).toBe(true);
    expect(isOverdue({ targetDate: '2026-06-30', status: 'completed' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ targetDate: '2026-12-04', status: 'in-progress' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ targetDate: null, status: 'stalled' }, '2026-12-04')).toBe(false);
  });
});
