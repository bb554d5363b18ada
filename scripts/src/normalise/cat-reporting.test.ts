import { describe, expect, it } from 'vitest';
import type { CatSession, Instrument } from '@tracker/api';
import { assembleSeed } from './assemble.js';
import { buildCatReporting, readFollowUpText } from './cat-reporting.js';
import { Problems } from './common.js';

const seed = assembleSeed();
const reports = seed.files['cat-reports.json'];
const lists = seed.files['cat-follow-up-lists.json'];
const sessions = seed.files['cat-sessions.json'];
const states = seed.files['cat-reporting-states.json'];
const annual = seed.files['cat-annual-reports.json'];
const report = (id: string) => reports.find((r) => r.id === id)!;

const SESSIONS: Record<number, Pick<CatSession, 'start'>> = { 76: { start: '2023-04-17' }, 82: { start: '2025-04-07' } };
const session = (n: number) => (SESSIONS[n] ? ({ ...SESSIONS[n], session: n } as CatSession) : null);

describe('readFollowUpText', () => {
  const read = (text: string) => {
    const reasons: string[] = [];
    return { ...readFollowUpText(text, session, (r) => reasons.push(r)), reasons };
  };

  it('reads a reply received on a day', () => {
    expect(read('considered together with the 3rd report; follow-up information received 11 May 2018')).toMatchObject({
      received: { on: '2018-05-11', by: '2018-05-11' },
      reasons: [],
    });
  });

  it('reads replies known only to have arrived by a date, conservatively', () => {
    expect(read('follow-up report received before the 82nd session (Apr 2025)').received).toMatchObject({ on: null, by: '2025-04-06' });
    expect(read('follow-up report received before Nov 2025').received).toMatchObject({ on: null, by: '2025-10-31' });
    expect(read('on the Jul 2024 follow-up overdue list, follow-up report received by Nov 2024').received).toMatchObject({
      on: null,
      by: '2024-11-30',
    });
    expect(read('a follow-up report was received between the 75th and 76th sessions').received).toMatchObject({
      on: null,
      by: '2023-04-16',
    });
  });

  it('reads the date the Committee asked for', () => {
    expect(read('COAR distributed 21 Dec 2021; follow-up information requested by 3 Dec 2022').dueRecorded).toBe('2022-12-03');
  });

  it('reads the follow-up lists a row says the State was on', () => {
    expect([...read('Gabon was on the follow-up overdue lists of Jul/Nov 2023 and Jul 2024').listMonths!]).toEqual([
      '2023-07',
      '2023-11',
      '2024-07',
    ]);
    expect([...read('on the follow-up overdue lists of Nov 2024, Apr 2025 and Nov 2025').listMonths!]).toEqual([
      '2024-11',
      '2025-04',
      '2025-11',
    ]);
    expect([...read('acceded 2019; on the follow-up overdue lists of Apr and Nov 2025').listMonths!]).toEqual(['2025-04', '2025-11']);
  });

  it('reports a mention of follow-up in words it does not know, and a session it has no date for', () => {
    expect(read('follow-up reply said to be forthcoming').reasons).toHaveLength(1);
    expect(read('follow-up report received before the 70th session (Apr 2021)').reasons.join()).toMatch(/session 70 has no start date/);
    expect(read('LOIPR adopted at the 62nd session (Dec 2017)')).toMatchObject({
      received: null,
      dueRecorded: null,
      listMonths: null,
      reasons: [],
    });
  });
});

describe('CAT reporting seed files', () => {
  it('has the records of the five raw files', () => {
    expect(reports).toHaveLength(39);
    expect(lists.map((l) => [l.session, l.states.length])).toEqual([
      [77, 22],
      [78, 22],
      [80, 30],
      [81, 22],
      [82, 23],
      [83, 23],
    ]);
    expect(sessions).toHaveLength(30);
    expect(states).toHaveLength(175);
    expect(annual.map((a) => a.symbol)).toEqual(['A/70/44', 'A/71/44', 'A/72/44', 'A/74/44', 'A/75/44', 'A/79/44', 'A/80/44']);
  });

  it('gives every record a source and an as-of date', () => {
    for (const r of reports) expect([r.sourceId, r.asOf]).toEqual(['cat-reporting-history-17-states', '2026-04-22']);
    for (const l of lists) expect(l.asOf).toBe(l.sessionEnd);
    for (const s of sessions) expect(s.asOf).toBe(s.end);
    for (const s of states) expect(s.sourceIds).toContain('untc-iv-9-2026-02-03');
    for (const a of annual) expect(a.asOf).toBe(a.periodEnd);
  });

  it('keeps a due date stated by the source, and marks computed ones', () => {
    expect(report('SVN:4')).toMatchObject({
      dueRecorded: { date: '2015-06-03', precision: 'day' },
      due: { date: '2015-06-03', basis: 'recorded' },
    });
    expect(report('BWA:1')).toMatchObject({ dueAsStated: '2001', due: { date: '2001-10-08', basis: 'computed', asStated: '2001' } });
    expect(report('DNK:6-7')).toMatchObject({
      number: 6,
      lastNumber: 7,
      due: { date: '2011-01-01', precision: 'year', basis: 'recorded' },
    });
    expect(report('BHR:3').due).toMatchObject({ date: null, basis: null });
  });

  it('does not read a date printed on a report as its date of receipt (Gabon)', () => {
    expect(report('GAB:1')).toMatchObject({
      receivedOn: null,
      receivedAsStated: '2011-10-26 (date on report)',
      distributedOn: '2012-02-16',
    });
    expect(report('BHR:3')).toMatchObject({ receivedOn: { date: '2016-01-01', precision: 'year' }, receivedAsStated: '2016' });
  });

  it('records a review without a report, and the follow-up the Committee asked for (Nigeria)', () => {
    expect(report('NGA:1')).toMatchObject({
      consideredWithoutReport: true,
      procedure: null,
      concludingObservationsSymbol: 'CAT/C/NGA/COAR/1',
      followUpDueRecorded: '2022-12-03',
      followUpReceived: { on: null, by: '2023-04-16' },
    });
  });

  it('reads both names of the simplified procedure as one procedure', () => {
    const simplified = reports.filter((r) => r.procedure === 'simplified').map((r) => r.procedureAsStated);
    expect(new Set(simplified)).toEqual(
      new Set([
        'optional reporting procedure (LOIPR)',
        'simplified reporting procedure',
        'simplified/optional reporting procedure (LOIPR)',
      ]),
    );
  });

  it('notes the six session numbers the compilers derived from the dates', () => {
    expect(reports.filter((r) => r.dialogueSessionNote !== null).map((r) => `${r.id}@${r.dialogueSession}`)).toEqual([
      'ARM:3@48',
      'BHR:1@34',
      'DNK:5@38',
      'ESP:5@43',
      'TUR:3@45',
      'UKR:5@38',
    ]);
  });

  it('files China’s reports on Hong Kong and Macao under China, and says where the sources are silent', () => {
    const s56 = sessions.find((s) => s.session === 56)!;
    expect(s56.activities.filter((a) => a.stateIso3 === 'CHN').map((a) => a.territory)).toEqual([null, 'Hong Kong, China', 'Macao, China']);
    expect(s56.note).toBe('Session dates: not in the sources.');
    const s81 = sessions.find((s) => s.session === 81)!;
    expect(s81).toMatchObject({ start: '2024-10-28', end: '2024-11-22', activities: [] });
    expect(s81.note).toMatch(/^States reviewed: not found in the sources\./);
    const s63 = sessions.find((s) => s.session === 63)!.activities;
    expect(s63.length).toBeGreaterThan(0);
    expect(s63.every((a) => a.kind === 'review-scheduled' && a.planned)).toBe(true);
  });

  it('keeps the annual reports’ totals and says which are missing', () => {
    expect(annual.find((a) => a.symbol === 'A/79/44')).toMatchObject({
      statesParties: 174,
      statesWithOverdueInitialReports: 28,
      statesWithOverduePeriodicReports: 49,
    });
    const a80 = annual.find((a) => a.symbol === 'A/80/44')!;
    expect(a80).toMatchObject({
      statesParties: null,
      statesWithOverdueInitialReports: null,
      sourceId: 'ungeneva-2025-05-cat-82nd-session-closes',
    });
    expect(a80.note).toMatch(/^Not found in the source/);
  });

  it('classifies the completeness of each party’s history', () => {
    const by = (c: string) => states.filter((s) => s.completeness === c);
    expect([by('complete').length, by('partial').length, by('none').length]).toEqual([8, 123, 44]);
    expect(states.find((s) => s.stateIso3 === 'BHR')).toMatchObject({ completeness: 'complete', reportNumbersRecorded: [1, 2, 3, 4] });
    expect(states.find((s) => s.stateIso3 === 'ESP')).toMatchObject({
      completeness: 'partial',
      reportNumbersRecorded: [5, 6, 7],
      followUpListsNaming: [81, 82, 83],
    });
    expect(states.find((s) => s.stateIso3 === 'DZA')!.basis).toMatch(/only the initial report's due date can be computed \(1990-10-12/);
    // Partial histories from the history file, the sessions list or the follow-up lists only:
    expect(by('partial').filter((s) => s.reportNumbersRecorded.length > 0)).toHaveLength(9);
    expect(by('partial').filter((s) => s.reportNumbersRecorded.length === 0 && s.sessionsRecorded.length === 0)).toHaveLength(12);
  });
});

describe('cross-checks', () => {
  const uncat = seed.files['instruments.json'].find((i) => i.id === 'uncat')!;
  const instrument: Instrument = { id: 'uncat', entryIntoForceRule: uncat.entryIntoForceRule, withdrawalRule: uncat.withdrawalRule! };
  const iso3s = new Set(seed.files['states.json'].map((s) => s.iso3));

  it('finds nothing wrong in the bundled files', () => {
    const problems = new Problems();
    buildCatReporting(problems, { events: seed.files['events.json'], uncatInstrument: instrument, iso3s });
    expect(problems.list).toEqual([]);
  });

  it('reports a computed due date in the states-parties file that the status engine does not give', () => {
    const events = seed.files['events.json'].map((e) =>
      e.id === 'uncat:DZA:ratification:1989-09-12' ? { ...e, date: '1989-09-13', id: 'uncat:DZA:ratification:1989-09-13' } : e,
    );
    const problems = new Problems();
    buildCatReporting(problems, { events, uncatInstrument: instrument, iso3s });
    expect(problems.list.join('\n')).toMatch(
      /cat_states-parties_untc-status-2026-02-03_with-computed-initial-report-due\.csv:\d+: DZA: entry into force 1989-10-12 here, 1989-10-13/,
    );
  });
});
