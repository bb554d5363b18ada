import { describe, expect, it } from 'vitest';
import { english } from '$lib/test-helpers';
import { buildCatTimeline, formatSpan, historyRows, LANES, receiptText } from './cat-reporting-profile';
import { NIGERIA_2026_04_22 as nigeria, SPAIN_2026_04_22 as spain } from './__fixtures__/cat-reporting';

const { t } = english();
const text = { t, locale: 'en' };

describe('formatSpan', () => {
  it('writes a span of days once, a single day as a day, and a coarse date no finer than the source', () => {
    expect(formatSpan({ from: '2021-11-16', to: '2021-11-17', precision: 'day' }, 'en')).toMatch(/^16\s?–\s?17 Nov 2021$/);
    expect(formatSpan({ from: '2021-11-26', to: '2021-11-26', precision: 'day' }, 'en')).toBe('26 Nov 2021');
    expect(formatSpan({ from: '2009-11-01', to: '2009-11-01', precision: 'month' }, 'en')).toBe('November 2009');
  });
});

describe('historyRows', () => {
  it('puts each report with its recorded round and the follow-up to it (Spain: initial, then 5th to 8th)', () => {
    const rows = historyRows(spain);
    expect(rows.map((r) => [r.report?.label, r.record?.id ?? null, r.followUp?.reportNumber ?? null])).toEqual([
      // Not recorded, but the later reports show it was submitted: its due date is still shown.
      ['initial', null, null],
      ['5th periodic', 'ESP:5', 5],
      ['6th periodic', 'ESP:6', 6],
      ['7th periodic', 'ESP:7', 7],
      // Due 2027-07-27: no source records it yet, and it has no concluding observations to follow up.
      ['8th periodic', null, null],
    ]);
    expect(rows[0]?.report).toMatchObject({ status: 'submitted-not-recorded', due: { date: '1988-11-20', basis: 'computed' } });
    expect(rows[3]?.followUp?.status).toBe('overdue');
  });

  it('keeps a follow-up no report is identified for, on a row of its own', () => {
    const followUp = { ...spain.followUps[2]!, recordId: null, reportNumber: null, lastReportNumber: null };
    const rows = historyRows({ ...spain, followUps: [...spain.followUps.slice(0, 2), followUp] });
    expect(rows).toHaveLength(6);
    expect(rows[5]).toEqual({ report: null, record: null, followUp });
  });

  it('says how a receipt is known, and null when it is not', () => {
    const [initial, fifth, sixth, seventh, eighth] = historyRows(spain);
    expect(receiptText(initial!.report!, null, text)).toBeNull(); // submitted, at a date not recorded
    expect(receiptText(fifth!.report!, fifth!.record, text)).toBe('by 30 Nov 2009');
    expect(receiptText(sixth!.report!, sixth!.record, text)).toBe('by 28 Apr 2015');
    expect(receiptText(seventh!.report!, seventh!.record, text)).toBe('by 20 Jul 2023');
    expect(receiptText(eighth!.report!, null, text)).toBeNull();
    const [nigeriaInitial] = historyRows(nigeria);
    expect(receiptText(nigeriaInitial!.report!, nigeriaInitial!.record, text)).toBeNull(); // never submitted
  });
});

describe('buildCatTimeline', () => {
  it('draws Nigeria: initial report due 28 Jul 2002 (computed), overdue to 22 Apr 2026, reviewed without it in 2021', () => {
    const chart = buildCatTimeline(nigeria, text);
    expect(chart).not.toBeNull();
    if (!chart) return;
    expect(chart.lanes.map((l) => l.key)).toEqual([...LANES]);
    expect(chart.from).toBe('2001-01-01'); // the year the Convention entered into force for Nigeria
    expect(chart.to).toBe('2027-01-01');
    expect(chart.entryIntoForce?.date).toBe('2001-07-28');
    const due = chart.marks.find((m) => m.lane === 'reports' && m.kind === 'due');
    expect(due).toMatchObject({ date: '2002-07-28', computed: true });
    expect(due?.title).toBe('Initial report due 28 Jul 2002 (computed); established as overdue');
    expect(chart.marks.some((m) => m.lane === 'reports' && m.kind === 'received')).toBe(false);
    expect(chart.spans).toEqual([
      expect.objectContaining({
        lane: 'reports',
        kind: 'overdue',
        title: 'Initial report due 28 Jul 2002 (computed), not recorded as received; established as of 22 Apr 2026',
      }),
      expect.objectContaining({ lane: 'followUp', kind: 'late' }),
    ]);
    const overdue = chart.spans[0]!;
    expect(overdue.x1).toBe(due?.x);
    expect(overdue.x2).toBe(chart.asOf.x);
    expect(chart.marks.filter((m) => m.lane === 'review').map((m) => [m.kind, m.date])).toEqual([
      ['dialogue', '2021-11-16'],
      ['concluding-observations', '2021-11-26'],
    ]);
    expect(chart.marks.filter((m) => m.lane === 'followUp').map((m) => [m.kind, m.date, m.computed])).toEqual([
      ['due', '2022-12-03', false], // the Committee's own request: recorded
      ['received', '2023-04-16', false],
    ]);
    // Everything inside the plot, in time order.
    for (const m of chart.marks) expect(m.x).toBeGreaterThanOrEqual(chart.plot.left);
    expect(chart.asOf.x).toBeLessThanOrEqual(chart.plot.right);
    expect(chart.xTicks.map((tick) => tick.year)).toEqual([2005, 2010, 2015, 2020, 2025]);
  });

  it('draws only what had happened by the date shown, and due dates ahead of it', () => {
    const chart = buildCatTimeline(spain, text);
    expect(chart?.marks.find((m) => m.kind === 'due' && m.date === '2027-07-27')).toBeDefined(); // 8th report, ahead
    const before = buildCatTimeline({ ...spain, asOf: '2020-01-01' }, text);
    expect(before?.marks.some((m) => m.kind !== 'due' && m.date > '2020-01-01')).toBe(false);
  });

  it('draws a session that lists the state where no recorded report covers it', () => {
    const chart = buildCatTimeline({ ...nigeria, records: [] }, text);
    expect(chart?.marks.filter((m) => m.lane === 'review').map((m) => [m.kind, m.date, m.title])).toEqual([
      ['session', '2021-11-16', expect.stringMatching(/^72nd session \(16\s?–\s?17 Nov 2021\): Considered without a report$/)],
    ]);
    // Covered by the recorded report: drawn as its dialogue, not twice.
    expect(buildCatTimeline(nigeria, text)?.marks.some((m) => m.kind === 'session')).toBe(false);
  });

  it('draws nothing for a state that is not a party and owes nothing', () => {
    const notParty = {
      ...nigeria,
      summary: { ...nigeria.summary, party: false, entryIntoForce: null },
      reports: [],
      followUps: [],
      records: [],
    };
    expect(buildCatTimeline(notParty, text)).toBeNull();
    // A party with nothing dated (Bangladesh: only an undated listing and the Committee's list) has no chart either.
    expect(buildCatTimeline({ ...nigeria, reports: [], followUps: [], records: [], activities: [] }, text)).toBeNull();
  });
});
