import { describe, expect, it } from 'vitest';
import type { AdvocacyRecommendation, AdvocacyState, SourceRef } from '@tracker/api/schemas';
import { briefPath, briefSources, groupByCycle, printCut } from './advocacy-brief';

const rec = (id: string, cycle: number, text = 'Ratify the Rome Statute', response: AdvocacyRecommendation['response'] = 'supported') =>
  ({
    id,
    cycle,
    session: cycle * 10,
    reviewDate: null,
    year: 2000 + cycle,
    paragraph: null,
    text,
    recommendingStates: ['Ecuador'],
    response,
    responseAsRecorded: null,
    sourceId: `src-${cycle}`,
  }) satisfies AdvocacyRecommendation;

describe('the brief groups recommendations by cycle', () => {
  it('puts the latest cycle first and keeps the API order within a cycle', () => {
    const groups = groupByCycle([rec('a', 1), rec('b', 2), rec('c', 1), rec('d', 3)]);
    expect(groups.map((g) => g.cycle)).toEqual([3, 2, 1]);
    expect(groups[2]!.recommendations.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('gives no group when there is no recommendation', () => {
    expect(groupByCycle([])).toEqual([]);
  });
});

describe('the printed brief shows the first recommendations in full and counts the others', () => {
  it('prints them all when they fit', () => {
    const cut = printCut(groupByCycle([rec('a', 1), rec('b', 2)]));
    expect([...cut.printed]).toEqual(['b', 'a']);
    expect(cut.more).toEqual({ count: 0, supported: 0, noted: 0 });
  });

  it('stops at the item limit and counts the rest by response', () => {
    const list = Array.from({ length: 12 }, (_, i) => rec(`r${i}`, 2, 'x', i % 3 === 0 ? 'noted' : i % 3 === 1 ? 'supported' : null));
    const cut = printCut(groupByCycle(list), { items: 8, characters: 10_000 });
    expect([...cut.printed]).toEqual(list.slice(0, 8).map((r) => r.id));
    // r8 (null), r9 (noted), r10 (supported), r11 (null)
    expect(cut.more).toEqual({ count: 4, supported: 1, noted: 1 });
  });

  it('stops at the character budget, never skipping a long one to print a later short one', () => {
    const list = [rec('a', 1, 'x'.repeat(50)), rec('b', 1, 'y'.repeat(500)), rec('c', 1, 'z')];
    const cut = printCut(groupByCycle(list), { items: 8, characters: 200 });
    expect([...cut.printed]).toEqual(['a']);
    expect(cut.more.count).toBe(2);
  });

  it('always prints the first one, however long', () => {
    const cut = printCut(groupByCycle([rec('a', 1, 'x'.repeat(5000))]), { items: 8, characters: 100 });
    expect([...cut.printed]).toEqual(['a']);
    expect(cut.more.count).toBe(0);
  });
});

describe("the brief's sources and permalink", () => {
  it("lists only the sources the State's row cites, in the list's order", () => {
    const source = (id: string): SourceRef => ({ id, title: id, url: null, asOf: null });
    const state = {
      sourceIds: ['status'],
      upr: {
        recommendations: [rec('a', 2)],
        lastReview: { sourceIds: ['calendar'] },
        nextReview: null,
      },
      cat: { situation: 'up-to-date', nextDialogue: { session: 80, sessionStart: '2027-01-01', sourceId: 'cat' } },
    } as unknown as AdvocacyState;
    const all = ['other', 'cat', 'src-2', 'status', 'calendar'].map(source);
    expect(briefSources(all, state).map((s) => s.id)).toEqual(['cat', 'src-2', 'status', 'calendar']);
  });

  it('writes the date into the permalink', () => {
    expect(briefPath('rome-statute', 'JAM', '2026-12-04')).toBe('/advocacy/rome-statute/JAM?asOf=2026-12-04');
  });
});
