import { describe, expect, it } from 'vitest';
import {
  IMPORTED_NARRATIVE,
  matchRow,
  planImport,
  readEvidence,
  readHeaders,
  readProgressStatus,
  textSimilarity,
} from './follow-up-matrix.js';

/** Texts of Slovenia's 4th-cycle review (A/HRC/55/15), as the bundled UPR data holds them. */
const OPCAT = 'Ratify the Optional Protocol to the Convention against Torture';
const targets = [
  { itemId: 'i1', recommendationId: 'r1', paragraph: '140.7', text: OPCAT, clusterTitle: 'Torture', actions: [], progress: null },
  {
    itemId: 'i2',
    recommendationId: 'r2',
    paragraph: '140.8',
    text: 'Continue efforts to combat hate speech, including online',
    clusterTitle: 'Equality',
    actions: ['Train prosecutors'],
    progress: { status: 'in-progress' as const, date: '2026-03-01' },
  },
  {
    itemId: 'i3',
    recommendationId: 'r3',
    paragraph: '140.8',
    text: 'Strengthen the Ombudsman',
    clusterTitle: null,
    actions: [],
    progress: null,
  },
];
const plan = { targets, clusterTitles: ['Torture', 'Equality'], today: '2026-12-05' };
const row = (n: number, cells: Record<string, string>) => ({ row: n, cells });

describe('reading a matrix', () => {
  it('knows the export’s headers and the usual variants, and refuses a sheet that names no recommendation', () => {
    expect(readHeaders(['Para.', 'Recommendation', 'Responsible institution', 'Deadline', 'Comments', 'Budget'])).toEqual({
      columns: ['paragraph', 'recommendation', 'responsibleBody', 'timeline', 'narrative', null],
    });
    expect(readHeaders(['Cluster', 'Action'])).toMatchObject({ error: expect.stringContaining('no column says which recommendation') });
    expect(readHeaders(['Paragraph', 'Para'])).toMatchObject({ error: expect.stringContaining('repeats') });
  });

  it('reads statuses in words or codes, and evidence as address and symbol', () => {
    expect(readProgressStatus('Partially implemented')).toBe('partially-implemented');
    expect(readProgressStatus('fully implemented')).toBe('implemented');
    expect(readProgressStatus('in_progress')).toBe('in-progress');
    expect(readProgressStatus('done-ish')).toBeNull();
    expect(readEvidence('https://www.gov.si/x\nA/HRC/55/15')).toEqual({ sourceUrl: 'https://www.gov.si/x', documentSymbol: 'A/HRC/55/15' });
    expect(readEvidence('')).toEqual({ sourceUrl: null, documentSymbol: null });
  });
});

describe('matching rows to recommendations', () => {
  it('matches by id, then by a paragraph only one recommendation has, then by text with a score', () => {
    expect(matchRow({ id: 'r3', paragraph: '', recommendation: '' }, targets)).toEqual({ by: 'id', itemId: 'i3' });
    expect(matchRow({ id: '', paragraph: 'para. 140.7', recommendation: '' }, targets)).toEqual({ by: 'paragraph', itemId: 'i1' });
    // 140.8 is two recommendations' paragraph here: the text decides.
    const byText = matchRow(
      { id: '', paragraph: '140.8', recommendation: 'Continue efforts to combat hate speech, including on-line.' },
      targets,
    );
    expect(byText).toMatchObject({ by: 'text', itemId: 'i2' });
    expect(byText.by === 'text' && byText.score).toBeGreaterThan(0.6);
    expect(matchRow({ id: '', paragraph: '', recommendation: 'Abolish the death penalty' }, targets)).toMatchObject({ by: 'none' });
  });

  it('scores near-copies high and different recommendations low', () => {
    expect(textSimilarity(OPCAT, `${OPCAT}.`)).toBe(1);
    expect(textSimilarity(OPCAT, 'Ratify the Optional Protocol to the Convention against Torture (Denmark)')).toBeGreaterThan(0.8);
    expect(textSimilarity(OPCAT, 'Ratify the Rome Statute of the International Criminal Court')).toBeLessThan(0.3);
    expect(textSimilarity('', '')).toBe(0);
  });
});

describe('planning an import', () => {
  it('lists what each row changes, and nothing for what the plan already holds', () => {
    const planned = planImport(
      [
        row(2, {
          paragraph: '140.7',
          cluster: 'Torture',
          action: 'Draft the bill',
          responsibleBody: 'Ministry of Justice',
          timeline: '2027-06-30',
        }),
        row(3, { paragraph: '140.7', cluster: 'Torture', action: 'Consult the Ombudsman', status: 'In progress', evidence: 'A/HRC/55/15' }),
        row(4, {
          id: 'r2',
          cluster: 'Equality',
          action: 'Train prosecutors',
          status: 'in-progress',
          statusDate: '2026-03-01',
          evidence: 'https://e.org',
        }),
        row(5, { id: 'r3', cluster: 'Institutions' }),
      ],
      plan,
      new Set(),
    );
    expect(planned.refused).toEqual([]);
    expect(planned.rows.map((r) => r.changes.map((c) => c.kind))).toEqual([
      ['action'],
      ['action', 'progress'],
      [],
      ['new-cluster', 'cluster'],
    ]);
    expect(planned.rows[1]!.changes[1]).toMatchObject({ status: 'in-progress', date: '2026-12-05', narrative: IMPORTED_NARRATIVE });
  });

  it('refuses rows it cannot match or read, with their numbers, and asks to confirm matches by text', () => {
    const planned = planImport(
      [
        row(2, { recommendation: 'Abolish the death penalty' }),
        row(3, { paragraph: '140.7', action: 'Draft', timeline: 'Q4 2027' }),
        row(4, { paragraph: '140.7', status: 'done-ish', evidence: 'x/y' }),
        row(5, { paragraph: '140.7', status: 'implemented' }),
        row(6, { paragraph: '140.7', status: 'implemented', statusDate: '2027-01-01', evidence: 'A/1' }),
        row(7, { recommendation: 'Strengthen the Ombudsman.' }),
        row(8, { recommendation: 'Strengthen the Ombudsman' }),
      ],
      plan,
      new Set([8]),
    );
    expect(planned.refused.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(planned.refused[1]!.message).toContain('"Q4 2027" is not a date');
    expect(planned.refused[3]!.message).toContain('needs its evidence');
    expect(planned.refused[4]!.message).toContain('has not come yet');
    expect(planned.rows.map((r) => [r.row, r.matchedBy, r.confirmed])).toEqual([
      [7, 'text', false],
      [8, 'text', true],
    ]);
  });

  it('refuses a row that contradicts an earlier row about the same recommendation', () => {
    const planned = planImport(
      [row(2, { paragraph: '140.7', cluster: 'Torture' }), row(3, { paragraph: '140.7', cluster: 'Detention' })],
      plan,
      new Set(),
    );
    expect(planned.refused).toEqual([{ row: 3, message: expect.stringContaining('given for the same recommendation in row 2') }]);
  });
});
