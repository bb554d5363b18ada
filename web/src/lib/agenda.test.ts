import { describe, expect, it } from 'vitest';
import { agendaFileHref, agendaPageHref, agendaSubscriptionHref, agendaWindow, byMonth, readAgendaQuery, statusWord } from './agenda';

describe('readAgendaQuery', () => {
  it('reads kinds repeated or comma-separated, in the vocabulary order, keeping an unknown one for the API to name', () => {
    const q = readAgendaQuery(new URLSearchParams('kind=upr-session&kind=cat-session,meeting&state=ukr&from=2026-01-01'));
    expect(q.kind).toEqual(['upr-session', 'cat-session', 'meeting']);
    expect(q.state).toBe('UKR');
    expect(q.from).toBe('2026-01-01');
    expect(q.to).toBeNull();
  });
});

describe('agendaWindow', () => {
  it('shows today and the year ahead when no date is given, and exactly the dates given otherwise', () => {
    const none = readAgendaQuery(new URLSearchParams(''));
    expect(agendaWindow(none, '2026-12-05')).toEqual({ from: '2026-12-05', to: '2027-12-05' });
    const onlyTo = readAgendaQuery(new URLSearchParams('to=2026-06-30'));
    expect(agendaWindow(onlyTo, '2026-12-05')).toEqual({ from: null, to: '2026-06-30' });
  });
});

describe('agenda links', () => {
  const q = readAgendaQuery(new URLSearchParams('kind=cat-session&instrument=uncat&from=2025-01-01&to=2025-12-31'));
  it('downloads the dates shown, and subscribes to the filters without dates', () => {
    expect(agendaFileHref({ from: '2025-01-01', to: '2025-12-31' }, q, 'csv')).toBe(
      '/api/agenda?from=2025-01-01&to=2025-12-31&kind=cat-session&instrument=uncat&format=csv&bom=true',
    );
    expect(agendaSubscriptionHref(q)).toBe('/api/agenda?kind=cat-session&instrument=uncat&format=ics');
    expect(agendaPageHref(q)).toBe('/agenda?from=2025-01-01&to=2025-12-31&kind=cat-session&instrument=uncat');
  });
});

describe('statusWord and byMonth', () => {
  it('says a meeting is held and a deadline has passed', () => {
    expect(statusWord('cat-session', 'held')).toBe('held');
    expect(statusWord('cat-report-due', 'held')).toBe('passed');
    expect(statusWord('entry-into-force', 'scheduled')).toBe('ahead');
  });
  it('groups events by the month they start in, in order', () => {
    const groups = byMonth([{ date: '2026-01-05' }, { date: '2026-01-20' }, { date: '2026-03-01' }]);
    expect(groups.map((g) => [g.month, g.events.length])).toEqual([
      ['2026-01', 2],
      ['2026-03', 1],
    ]);
  });
});
