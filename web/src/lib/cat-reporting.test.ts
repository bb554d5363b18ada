import type { MapShape } from '$lib/charts/world-map';
import { CAT_SITUATIONS as API_SITUATIONS } from '@tracker/api/domain';
import { describe, expect, it } from 'vitest';
import { PALETTE } from '$lib/status';
import { english } from '$lib/test-helpers';
import {
  addMonths,
  CAT_SITUATION_PAINT,
  CAT_SITUATIONS,
  catMapItems,
  catSearch,
  completenessBasis,
  completenessSentence,
  daysText,
  deadlineText,
  dueExplanation,
  dueText,
  obligationLabel,
  ordinal,
  overdueBasis,
  overdueEntries,
  overdueStatement,
  procedureBasis,
  readCatQuery,
  reportName,
  ruleTexts,
  situationBasis,
  situationFill,
  situationLegend,
  situationSentence,
  upcomingDeadlines,
  type CatDue,
  type CatRow,
} from './cat-reporting';
import { LIST_2026_04_22 } from './__fixtures__/cat-reporting';

const { t } = english();
const text = { t, locale: 'en' };
const rows = LIST_2026_04_22.states;
const row = (iso3: string): CatRow => {
  const found = rows.find((r) => r.iso3 === iso3);
  if (!found) throw new Error(`No ${iso3} in the fixture`);
  return found;
};
const names: Record<string, string> = Object.fromEntries(rows.map((r) => [r.iso3, r.name]));
const nameOf = (iso3: string) => names[iso3] ?? iso3;

describe('situations', () => {
  it('are the API’s, in its order', () => {
    expect(CAT_SITUATIONS).toEqual(API_SITUATIONS);
  });

  it('paint "history not recorded" in the status maps’ neutral grey, never an overdue colour', () => {
    expect(CAT_SITUATION_PAINT['history-not-recorded']).toEqual({ kind: 'solid', colour: PALETTE.grey });
    const overdueColours = ['follow-up-overdue', 'periodic-report-overdue', 'initial-report-never-submitted'] as const;
    for (const s of overdueColours) expect(situationFill(s)).not.toBe(PALETTE.grey);
    expect(situationFill('follow-up-overdue')).toBe('url(#cat-follow-up-overdue)');
    expect(situationFill(null)).toBe(PALETTE.none);
  });

  it('give the key every situation with its count, zeros included', () => {
    const legend = situationLegend({ 'up-to-date': 14, 'history-not-recorded': 137 }, t);
    expect(legend.map((e) => [e.key, e.label, e.count])).toEqual([
      ['up-to-date', 'Up to date', 14],
      ['follow-up-overdue', 'Follow-up overdue', 0],
      ['periodic-report-overdue', 'Periodic report overdue', 0],
      ['initial-report-never-submitted', 'Initial report never submitted', 0],
      ['history-not-recorded', 'History not recorded', 137],
      ['not-a-party', 'Not a party', 0],
    ]);
  });
});

describe('the page query', () => {
  it('reads the filters, the date and "overdue only", ignoring empty fields and other parameters', () => {
    const query = readCatQuery(new URLSearchParams('group=african&region=&ldc=true&oda=true&overdue=true&asOf=2026-04-22'));
    expect(query).toEqual({ asOf: '2026-04-22', filters: { group: 'african', ldc: 'true' }, overdue: 'true' });
  });

  it('writes the same query for the page and the API, in a fixed order', () => {
    const query = readCatQuery(new URLSearchParams('overdue=true&sids=true&group=african&asOf=2026-04-22'));
    expect(catSearch(query, { format: 'csv' })).toBe('?asOf=2026-04-22&group=african&sids=true&overdue=true&format=csv');
    expect(catSearch(readCatQuery(new URLSearchParams('')))).toBe('');
  });
});

describe('words', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [72, '72nd'],
    [83, '83rd'],
  ])('ordinal %i is %s', (n, expected) => {
    expect(ordinal(n, t)).toBe(expected);
  });

  it('names reports and what is owed', () => {
    expect(reportName(1, 1, t)).toBe('initial report');
    expect(reportName(5, 6, t)).toBe('5th–6th periodic reports (combined)');
    expect(obligationLabel(row('NGA').establishedOverdue[0]!, t)).toBe('Initial report');
    expect(obligationLabel(row('BWA').nextReportDue!, t)).toBe('2nd periodic report');
    expect(obligationLabel({ kind: 'report', reportNumber: 6, lastReportNumber: 7 }, t)).toBe('6th–7th periodic reports (combined)');
    expect(obligationLabel(row('ESP').establishedOverdue[0]!, t)).toBe(
      'Follow-up to the concluding observations on the 7th periodic report',
    );
    expect(obligationLabel(row('BGD').establishedOverdue[0]!, t)).toBe('Follow-up to concluding observations not identified in the record');
  });

  it('says how each due date is known', () => {
    expect(dueText(row('NGA').establishedOverdue[0]!.due, text)).toBe('28 Jul 2002 (computed)');
    // Nigeria's follow-up date is the Committee's own request ("by 3 Dec 2022").
    expect(dueText(row('NGA').latestFollowUp!.due, text)).toBe('3 Dec 2022 (recorded)');
    const recordedYear: CatDue = { ...row('NGA').establishedOverdue[0]!.due, date: '2002-01-01', precision: 'year', basis: 'recorded' };
    expect(dueText(recordedYear, text)).toBe('in 2002 (recorded)');
    // Denmark: the concluding observations are not dated to the day, so only a lower bound follows.
    expect(dueText(row('DNK').nextReportDue!.due, text)).toBe('not before 9 Nov 2027 (computed)');
    expect(dueText(row('BGD').establishedOverdue[0]!.due, text)).toBe('not recorded');
  });

  it('counts days overdue, and says when they are not known', () => {
    expect(daysText(8669, text)).toBe('8,669 days');
    expect(daysText(1, text)).toBe('1 day');
    expect(daysText(null, text)).toBe('not known (due date not recorded)');
  });

  it('states each established overdue obligation factually, with the date the evidence covers', () => {
    expect(overdueStatement(row('NGA').establishedOverdue[0]!, text)).toBe(
      'Initial report due 28 Jul 2002 (computed), not recorded as received; established as of 22 Apr 2026',
    );
    expect(overdueStatement(row('KIR').establishedOverdue[0]!, text)).toBe(
      'Follow-up to the concluding observations on the initial report due 20 Nov 2024 (computed), not recorded as received; ' +
        'the Committee lists the state as late with follow-up; established as of 28 Nov 2025',
    );
    expect(overdueStatement(row('BGD').establishedOverdue[0]!, text)).toBe(
      'Follow-up to concluding observations not identified in the record, due date not recorded; ' +
        'the Committee lists the state as late with follow-up; established as of 28 Nov 2025',
    );
  });

  it('names the simplified procedure in a deadline', () => {
    expect(deadlineText(row('BWA').nextReportDue!, text)).toBe('2nd periodic report due 28 Jul 2026 (computed), simplified procedure');
    expect(deadlineText(row('URY').nextReportDue!, text)).toBe('5th periodic report due 12 May 2026 (computed)');
  });
});

describe("the facts behind a situation, worded from the API's codes", () => {
  it('words them as the API does, with the dates for people', () => {
    expect(situationBasis(row('NGA'), text)).toBe(
      'Initial report due 28 Jul 2002 (computed); never submitted: the Committee considered the State without it (“initial report never submitted”); reporting history recorded complete to 22 Apr 2026.',
    );
    expect(situationBasis(row('BWA'), text)).toBe('Initial report received on 4 Apr 2022; 2nd periodic report due 28 Jul 2026 (computed).');
    expect(situationBasis(row('UKR'), text)).toBe(
      '7th periodic report received by 24 Apr 2025 (the date of receipt is not recorded); 8th periodic report due 1 May 2029 (computed).',
    );
    expect(situationBasis(row('IND'), text)).toBe('Not a party to the Convention on 22 Apr 2026.');
    expect(situationBasis(row('DZA'), text)).toMatch(
      /^Initial report due 12 Oct 1990 \(computed\), not recorded as received\. Reporting history not recorded: No report/,
    );
  });

  it("words the evidence of an overdue follow-up from the Committee's list, month by Intl", () => {
    const kiribati = row('KIR').establishedOverdue[0]!;
    expect(overdueBasis(kiribati.overdue!, text)).toBe(
      "Named as late with follow-up information on the Committee's list of November 2025 (83rd session, position 10 of 23).",
    );
    // The API's own text says the same, with ISO days.
    expect(kiribati.overdue!.basis).toBe(overdueBasis(kiribati.overdue!, text));
  });

  it('says what the completeness record says, or that there is none', () => {
    expect(completenessBasis(row('IND'), text)).toBe('No reporting history is recorded for this State.');
    expect(completenessBasis(row('DZA'), text)).toBe(row('DZA').completenessBasis);
  });

  it('explains a computed due date by its rule and reasons, and a recorded procedure', () => {
    const next = row('BWA').nextReportDue!;
    expect(dueExplanation(next.due, text)).toEqual({
      rule: 'UNCAT art. 19(1): periodic report due four years after the concluding observations on the previous report, unless the Committee set another date (not recorded here)',
      note: '4 years after the concluding observations on the initial report (28 Jul 2022). Simplified procedure: the date the Committee set with its list of issues prior to reporting is not recorded.',
    });
    expect(procedureBasis(next, text)).toBe('Recorded: simplified reporting procedure.');
  });

  it('words the deadline rules of the list answer by their ids', () => {
    expect(ruleTexts({ initialReport: 'as the API words it', followUp: 'as the API words it' }, text)).toEqual([
      'UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State',
      'Follow-up information due one year after the concluding observations',
    ]);
  });
});

describe('overdueEntries', () => {
  it('lists each established overdue obligation, longest overdue first, unknown last, by name among equals', () => {
    const entries = overdueEntries(rows, { nameOf, locale: 'en' });
    expect(entries.map((e) => [e.iso3, e.overdue.daysOverdue])).toEqual([
      ['NGA', 8669],
      ['ESP', 489],
      ['KIR', 373],
      ['BGD', null],
      ['BDI', null],
    ]);
    expect(entries[0]?.obligation.kind).toBe('report');
    expect(entries[0]?.overdue.establishedAsOf).toBe('2026-04-22');
  });

  it('does not depend on the order of the rows', () => {
    const reversed = overdueEntries([...rows].reverse(), { nameOf, locale: 'en' });
    expect(reversed.map((e) => e.iso3)).toEqual(['NGA', 'ESP', 'KIR', 'BGD', 'BDI']);
  });

  it('never lists a state whose history is not recorded, whatever its due dates (Algeria: initial report due 1990)', () => {
    expect(row('DZA').situation).toBe('history-not-recorded');
    expect(row('DZA').nextReportDue?.due.date).toBe('1990-10-12');
    expect(overdueEntries(rows, { nameOf, locale: 'en' }).some((e) => e.iso3 === 'DZA')).toBe(false);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-04-22', 12, '2027-04-22'],
    ['2026-11-23', 12, '2027-11-23'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe('upcomingDeadlines', () => {
  it('lists what is not yet due with a day-precise date in the next 12 months, by date', () => {
    const upcoming = upcomingDeadlines(rows, { from: '2026-04-22', nameOf, locale: 'en' });
    expect(upcoming.map((d) => [d.iso3, d.date, d.obligation.kind])).toEqual([
      ['UKR', '2026-05-01', 'follow-up'],
      ['URY', '2026-05-12', 'report'],
      ['BWA', '2026-07-28', 'report'],
      ['SOM', '2026-11-22', 'report'],
      ['ALB', '2026-11-27', 'follow-up'],
    ]);
  });

  it('leaves out dates known only as "not before" (Denmark) and dates beyond the window (Albania’s 4th report, 2029)', () => {
    const upcoming = upcomingDeadlines(rows, { from: '2026-04-22', months: 48, nameOf, locale: 'en' });
    expect(upcoming.some((d) => d.iso3 === 'DNK')).toBe(false);
    expect(upcoming.find((d) => d.iso3 === 'ALB' && d.obligation.kind === 'report')?.date).toBe('2029-11-27');
    expect(upcomingDeadlines(rows, { from: '2026-04-22', nameOf, locale: 'en' }).some((d) => d.date > '2027-04-22')).toBe(false);
  });

  it('includes both ends of the window', () => {
    const at = (from: string) => upcomingDeadlines(rows, { from, nameOf, locale: 'en' }).map((d) => d.iso3);
    expect(at('2026-07-28')).toContain('BWA'); // due that very day
    expect(at('2025-11-27')).toContain('ALB'); // due 2026-11-27, exactly 12 months on
    expect(at('2025-11-26')).not.toContain('ALB');
    expect(at('2026-07-29')).not.toContain('BWA');
  });
});

describe('sentences', () => {
  it('counts states parties by how complete their recorded history is', () => {
    expect(
      completenessSentence(
        { parties: 175, completeness: { complete: 8, partial: 123, none: 44 }, asOf: '2026-04-22', filtered: false },
        text,
      ),
    ).toBe(
      '175 states parties on 22 Apr 2026: 8 with a complete recorded reporting history, 123 with a history recorded in part and 44 with no recorded history.',
    );
    expect(
      completenessSentence({ parties: 1, completeness: { complete: 1, partial: 0, none: 0 }, asOf: '2026-04-22', filtered: true }, text),
    ).toBe(
      '1 state party among the states shown on 22 Apr 2026: 1 with a complete recorded reporting history, 0 with a history recorded in part and 0 with no recorded history.',
    );
  });

  it('summarises the map, leaving out situations nobody is in', () => {
    expect(
      situationSentence(
        {
          counts: {
            'up-to-date': 14,
            'follow-up-overdue': 23,
            'periodic-report-overdue': 0,
            'initial-report-never-submitted': 1,
            'history-not-recorded': 137,
            'not-a-party': 22,
          },
          asOf: '2026-04-22',
          filtered: false,
        },
        text,
      ),
    ).toBe(
      'On 22 Apr 2026, all 197 states: 14 up to date, 23 with follow-up established as overdue, 1 whose initial report was never submitted, ' +
        '137 whose reporting history is not recorded and 22 not parties.',
    );
  });
});

describe('catMapItems', () => {
  const shapes = [
    { iso3: 'NGA', d: 'M0 0l1 0 0 1z', marker: null, box: [0, 0, 1, 1] },
    { iso3: 'DZA', d: 'M2 2l1 0 0 1z', marker: null, box: [0, 0, 1, 1] },
    { iso3: 'KIR', d: null, marker: { x: 900, y: 250 }, box: [0, 0, 1, 1] },
    { iso3: 'FRA', d: 'M5 5l1 0 0 1z', marker: null, box: [0, 0, 1, 1] },
    { iso3: 'IND', d: 'M7 7l1 0 0 1z', marker: null, box: [0, 0, 1, 1] },
  ] satisfies MapShape[];
  const items = catMapItems({
    shapes,
    rows: new Map(rows.map((r) => [r.iso3, r])),
    names: { ...names, FRA: 'France' },
    href: (iso3) => `/states/${iso3}#cat-reporting`,
    t,
    locale: 'en',
  });
  const byIso = new Map(items.map((i) => [i.iso3, i]));

  it('colours each state by its situation, outlines before markers, by name', () => {
    expect(items.map((i) => i.iso3)).toEqual(['DZA', 'FRA', 'IND', 'NGA', 'KIR']);
    expect(byIso.get('NGA')?.fill).toBe('#a63603');
    expect(byIso.get('DZA')?.fill).toBe(PALETTE.grey);
    expect(byIso.get('IND')?.fill).toBe('url(#cat-not-a-party)');
    expect(byIso.get('FRA')?.status).toBeNull(); // not in the rows: outside the selection
  });

  it('labels and explains each state', () => {
    expect(byIso.get('DZA')?.label).toBe('Algeria: History not recorded');
    expect(byIso.get('FRA')?.label).toBe('France: outside the selection');
    expect(byIso.get('NGA')?.details).toEqual([
      'Nigeria',
      'Initial report never submitted',
      'Reporting history: complete',
      'Initial report due 28 Jul 2002 (computed), not recorded as received; established as of 22 Apr 2026',
    ]);
    expect(byIso.get('IND')?.details).toEqual(['India', 'Not a party']);
  });
});
