import type { UprAssessment } from '@tracker/api/schemas';
import { describe, expect, it } from 'vitest';
import { byOrganisation } from './assessments';

let next = 1;
const assessment = (over: Partial<UprAssessment>): UprAssessment => ({
  id: next++,
  recommendationId: 'r',
  status: 'not-implemented',
  assessedOn: '2024-01-01',
  sourceKind: 'other',
  sourceTitle: 'A report',
  sourceUrl: null,
  evidence: null,
  documentSymbol: null,
  recordedBy: 'Someone',
  organisation: null,
  recordedAt: '2026-01-01T00:00:00Z',
  retractedAt: null,
  ...over,
});

describe('byOrganisation', () => {
  it('keeps two organisations apart, each with its own latest standing assessment', () => {
    const ngoOld = assessment({ organisation: 'NGO', assessedOn: '2023-05-01', status: 'not-implemented' });
    const nhri = assessment({ organisation: 'NHRI', assessedOn: '2024-02-01', status: 'fully-implemented' });
    const ngoNew = assessment({ organisation: 'NGO', assessedOn: '2024-03-01', status: 'partially-implemented' });
    const groups = byOrganisation([ngoOld, nhri, ngoNew]);
    expect(groups.map((g) => g.organisation)).toEqual(['NGO', 'NHRI']);
    expect(groups[0]?.latest).toBe(ngoNew);
    expect(groups[0]?.history).toEqual([ngoOld, ngoNew]);
    expect(groups[1]?.latest).toBe(nhri);
  });

  it('passes over a retracted assessment for the latest, but keeps it in the history', () => {
    const standing = assessment({ organisation: 'NGO', assessedOn: '2023-05-01' });
    const retracted = assessment({ organisation: 'NGO', assessedOn: '2024-05-01', retractedAt: '2026-12-04T10:00:00Z' });
    const [group] = byOrganisation([standing, retracted]);
    expect(group?.latest).toBe(standing);
    expect(group?.history).toHaveLength(2);
  });

  it('has no latest when every assessment is retracted, and puts the unnamed group last', () => {
    const old = assessment({ organisation: null });
    const gone = assessment({ organisation: 'NGO', retractedAt: '2026-12-04T10:00:00Z' });
    const groups = byOrganisation([old, gone]);
    expect(groups.map((g) => g.organisation)).toEqual(['NGO', null]);
    expect(groups[0]?.latest).toBeNull();
    expect(groups[1]?.latest).toBe(old);
  });
});
