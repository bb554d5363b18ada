import { describe, expect, it } from 'vitest';
import { parseCalendarCsv, parseReviewYearsCsv, parseSessionByStateCsv, parseSessionYearCsv } from './calendar.js';
import { rawUpr, replaceLine, states } from './test-support.js';

const CALENDAR = 'upr_calendar_cycle4_sessions41-54.csv';
const calendarText = rawUpr(CALENDAR);
const calendar = parseCalendarCsv(calendarText, { sourceId: 'calendar-test', states });

describe('parseCalendarCsv on the 4th-cycle calendar', () => {
  it('reads all 194 rows as reviews: the 193 Member States once, the United States twice', () => {
    expect(calendar.rejected).toEqual([]);
    expect(calendar.records).toHaveLength(194);
    expect(new Set(calendar.records.map((r) => r.stateIso3)).size).toBe(193);
    expect(calendar.records.filter((r) => r.stateIso3 === 'USA').map((r) => [r.id, r.status, r.reviewDate])).toEqual([
      ['USA-50', 'postponed', '2025-11-07'],
      ['USA-53', 'scheduled', null],
    ]);
  });

  it('keeps the status wording and maps it: 151 held, 42 scheduled, 1 postponed', () => {
    const count = (status: string) => calendar.records.filter((r) => r.status === status).length;
    expect([count('held'), count('scheduled'), count('postponed')]).toEqual([151, 42, 1]);
    expect(calendar.records.find((r) => r.id === 'USA-50')?.statusAsRecorded).toBe(
      'not held - State under review absent; HRC decision (7 Nov 2025) rescheduled the review to 2026',
    );
    expect(calendar.records.find((r) => r.id === 'NAM-52')).toMatchObject({
      status: 'scheduled',
      statusAsRecorded: 'scheduled per third-party planning file (held status not verified)',
      reviewDate: '2026-05-04',
    });
  });

  it('keeps the notes and the sources of each row, and the confirmed review order', () => {
    expect(calendar.records.find((r) => r.id === 'BHR-41')?.note).toBe(
      'Position 1 in the review order, as announced by OHCHR. Calendar sources: https://www.silkway.news/universal-periodic-review-working-group-99603/ (copy of OHCHR press release, Nov 2022).',
    );
    expect(calendar.records.find((r) => r.id === 'UKR-54')?.note).toMatch(/^Moved from the group of session 42/);
  });

  it('gives the dates of the 14 sessions, end dates only where known', () => {
    expect(calendar.sessions).toHaveLength(14);
    expect(calendar.sessions.find((s) => s.session === 41)).toMatchObject({ startDate: '2022-11-07', endDate: '2022-11-18' });
    expect(calendar.sessions.find((s) => s.session === 54)).toMatchObject({ startDate: '2027-01-19', endDate: null });
  });

  it('refuses a State listed twice in a session, an unknown status and dates that disagree, with lines', () => {
    let broken = replaceLine(calendarText, 3, (l) => l.replace(',Ecuador,', ',Bahrain,'));
    broken = replaceLine(broken, 4, (l) => l.replace(',held,', ',cancelled,'));
    broken = replaceLine(broken, 5, (l) => l.replace('2022-11-18', '2022-11-19'));
    const result = parseCalendarCsv(broken, { sourceId: 'calendar-test', states });
    expect(result.rejected).toEqual([
      { line: 3, reason: 'Bahrain is listed twice for session 41' },
      { line: 4, reason: 'unknown status "cancelled"' },
      { line: 5, reason: 'session 41 dates 2022-11-07 to 2022-11-19 differ from line 2 (2022-11-07 to 2022-11-18)' },
    ]);
  });
});

describe('session look-ups', () => {
  it('reads the session-year look-up: 53 sessions, 2008 to 2026', () => {
    const { records, rejected } = parseSessionYearCsv(rawUpr('upr_session-year-lookup_sessions01-53.csv'));
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(53);
    expect([records[0], records[52]]).toEqual([
      { session: 1, year: 2008, line: 2 },
      { session: 53, year: 2026, line: 54 },
    ]);
    expect(parseSessionYearCsv('session,year\n1,2008\n1,2009\n60,2030\n').rejected).toEqual([
      { line: 3, reason: 'session 1 is listed twice' },
      { line: 4, reason: 'session 60 is outside the known UPR cycles' },
    ]);
  });

  it('reads the session-by-state list: 305 reviews of sessions 1-20, 193 in cycle 1', () => {
    const { records, rejected } = parseSessionByStateCsv(rawUpr('upr_session-by-state_sessions01-20_2008-2014.csv'), { states });
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(305);
    expect(records.filter((r) => r.cycle === 1)).toHaveLength(193);
    expect(records.find((r) => r.nameAsRecorded === 'Macedonia FYR')).toMatchObject({ stateIso3: 'MKD', session: 5, line: 72 });
  });

  it('reads the review-years table, "." as missing', () => {
    const { records, rejected } = parseReviewYearsCsv(rawUpr('upr_review-years_cycles1-2_by-state.csv'), { states });
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(193);
    expect(records.find((r) => r.stateIso3 === 'AND')).toMatchObject({ review1: 2010, review2: 2015, report1: 2011, report2: null });
    expect(records.find((r) => r.line === 98)).toMatchObject({ stateIso3: 'LBY', review1: 2010 }); // "Libyan Arab Jamahiriya"
  });
});
