import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  catDeadlines,
  catReportingStatuses,
  type CatFollowUpList,
  type CatReport,
  type CatReportingDataset,
  type CatReportingState,
  type CatSession,
} from './cat-reporting.js';
import { buildIcsCalendar, catCalendar, escapeText, foldLine, icsDate, icsDateTime, unescapeText, unfold, type IcsEvent } from './ics.js';
import { catDeadlineText } from '../messages/cat-reporting-en.js';
import type { Instrument } from './status-engine.js';
import type { ParticipationEvent } from './types.js';

import { checkRfc5545, octets } from '../../test/rfc5545.js';

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'cat-CIV-report-2@treaty-tracker',
  date: '2028-07-24',
  summary: "CAT: Côte d'Ivoire, 2nd periodic report due (computed date)",
  description: 'Due 2028-07-24.',
  ...over,
});

describe('the RFC 5545 checker used below', () => {
  const good = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:p\r\nEND:VCALENDAR\r\n';
  it('accepts a minimal calendar', () => {
    expect(checkRfc5545(good).name).toBe('VCALENDAR');
  });
  it.each([
    ['a bare LF', good.replace('VERSION:2.0\r\n', 'VERSION:2.0\n')],
    ['no final CRLF', good.slice(0, -2)],
    ['a line of 76 octets', good.replace('PRODID:p', `PRODID:${'p'.repeat(69)}`)],
    ['a missing PRODID', good.replace('PRODID:p\r\n', '')],
    ['an unclosed component', good.replace('END:VCALENDAR\r\n', '')],
    ['an event without DTSTAMP', good.replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nUID:u\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260102\r\nEND:VEVENT\r\nEND:VCALENDAR')],
    ['an unescaped comma', good.replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260102\r\nSUMMARY:a, b\r\nEND:VEVENT\r\nEND:VCALENDAR')],
  ])('rejects %s', (_, bad) => {
    expect(() => checkRfc5545(bad)).toThrow();
  });
});

describe('TEXT escaping (RFC 5545 3.3.11)', () => {
  it('escapes backslash, semicolon, comma and line breaks, and round-trips', () => {
    const text = 'a\\b;c,d\ne\r\nf\rg';
    expect(escapeText(text)).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(unescapeText(escapeText('a\\b;c,d\ne'))).toBe('a\\b;c,d\ne');
  });

  it('drops control characters that TEXT does not allow, keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });

  it('does not double an escape', () => {
    expect(escapeText('\\,')).toBe('\\\\\\,');
    expect(unescapeText('\\\\\\,')).toBe('\\,');
  });
});

describe('line folding (RFC 5545 3.1)', () => {
  it('leaves a line of 75 octets alone and folds the 76th octet onto a line that starts with a space', () => {
    const exact = `SUMMARY:${'x'.repeat(67)}`;
    expect(octets(exact)).toBe(75);
    expect(foldLine(exact)).toBe(exact);
    const folded = foldLine(`${exact}y`);
    expect(folded).toBe(`${exact}\r\n y`);
  });

  it('folds long ASCII lines into pieces of at most 75 octets that unfold to the original', () => {
    const line = `DESCRIPTION:${'The Committee against Torture, article 19; '.repeat(20)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(10);
    expect(octets(pieces[0]!)).toBe(75);
    for (const piece of pieces.slice(1)) {
      expect(piece.startsWith(' ')).toBe(true);
      expect(octets(piece)).toBeLessThanOrEqual(75);
    }
    expect(unfold(folded)).toBe(line);
  });

  it('counts octets, not characters, and never splits a character (accents, Arabic, emoji)', () => {
    for (const text of ["Côte d'Ivoire ".repeat(12), 'كوت ديفوار '.repeat(12), 'Türkiye 🇹🇷 '.repeat(12), '🙂'.repeat(40), 'é'.repeat(100)]) {
      const line = `SUMMARY:${text}`;
      const folded = foldLine(line);
      for (const piece of folded.split('\r\n')) {
        expect(octets(piece)).toBeLessThanOrEqual(75);
        expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
      }
      expect(unfold(folded)).toBe(line);
    }
    // 37 two-octet characters after "SUMMARY:" fill 8 + 74 = 82 octets: the first line stops at 74 octets (8 + 33 x 2).
    const accents = foldLine(`SUMMARY:${'é'.repeat(37)}`).split('\r\n');
    expect(accents.map(octets)).toEqual([74, 9]);
  });
});

describe('dates', () => {
  it('writes DATE and UTC DATE-TIME values', () => {
    expect(icsDate('2026-07-28')).toBe('20260728');
    expect(icsDateTime('2026-04-22')).toBe('20260422T000000Z');
    expect(icsDateTime('2026-04-22T13:05:09Z')).toBe('20260422T130509Z');
    expect(() => icsDateTime('2026-04-22T13:05:09+02:00')).toThrow(TypeError);
    expect(() => icsDate('2026-02-30')).toThrow(TypeError);
  });
});

describe('buildIcsCalendar', () => {
  it('writes a valid calendar with all-day events, one DTSTAMP, and CRLF after every line', () => {
    const ics = buildIcsCalendar({
      prodId: '-//Treaty ratification tracker//CAT reporting deadlines//EN',
      name: 'CAT reporting deadlines',
      description: 'Reports, follow-up; computed dates marked.',
      dtstamp: '2026-04-22',
      events: [
        event(),
        event({ uid: 'cat-ZZZ-report-1@treaty-tracker', date: '2026-12-31', summary: 'Year end', description: 'Line one\nLine two, with a comma; and a semicolon \\ backslash' }),
      ],
    });
    const calendar = checkRfc5545(ics);
    expect(calendar.children).toHaveLength(2);
    const [first, second] = calendar.children;
    // Sorted by date.
    expect(first!.properties.find((p) => p.name === 'UID')!.value).toBe('cat-ZZZ-report-1@treaty-tracker');
    expect(first!.properties.find((p) => p.name === 'DTEND')!.value).toBe('20270101');
    expect(unescapeText(first!.properties.find((p) => p.name === 'DESCRIPTION')!.value)).toBe(
      'Line one\nLine two, with a comma; and a semicolon \\ backslash',
    );
    expect(second!.properties.find((p) => p.name === 'DTSTAMP')!.value).toBe('20260422T000000Z');
    expect(unescapeText(second!.properties.find((p) => p.name === 'SUMMARY')!.value)).toBe("CAT: Côte d'Ivoire, 2nd periodic report due (computed date)");
  });

  it('is deterministic and refuses two events with one UID', () => {
    const cal = { prodId: 'p', name: 'n', dtstamp: '2026-04-22', events: [event()] };
    expect(buildIcsCalendar(cal)).toBe(buildIcsCalendar(cal));
    expect(() => buildIcsCalendar({ ...cal, events: [event(), event({ date: '2029-01-01' })] })).toThrow(/UID/);
  });

  it('writes an empty calendar that is still valid', () => {
    expect(checkRfc5545(buildIcsCalendar({ prodId: 'p', name: 'n', dtstamp: '2026-04-22', events: [] })).children).toEqual([]);
  });

  it('refuses a URL that would break the line', () => {
    expect(() => buildIcsCalendar({ prodId: 'p', name: 'n', dtstamp: '2026-04-22', events: [event({ url: 'https://x.test/a b' })] })).toThrow(/URI/);
  });
});

// ---------------------------------------------------------------------------------------------

const seedDir = join(dirname(fileURLToPath(import.meta.url)), '../../../data/seed');
const seed = <T>(name: string): T => JSON.parse(readFileSync(join(seedDir, name), 'utf8')) as T;

describe('the CAT calendar over data/seed', () => {
  const uncat = seed<{ id: string; entryIntoForceRule: Instrument['entryIntoForceRule']; withdrawalRule: Instrument['withdrawalRule'] }[]>('instruments.json').find((i) => i.id === 'uncat')!;
  const data: CatReportingDataset = {
    uncatInstrument: { id: 'uncat', entryIntoForceRule: uncat.entryIntoForceRule, withdrawalRule: uncat.withdrawalRule },
    uncatEvents: seed<ParticipationEvent[]>('events.json').filter((e) => e.instrumentId === 'uncat'),
    reports: seed<CatReport[]>('cat-reports.json'),
    followUpLists: seed<CatFollowUpList[]>('cat-follow-up-lists.json'),
    sessions: seed<CatSession[]>('cat-sessions.json'),
    states: seed<CatReportingState[]>('cat-reporting-states.json'),
  };
  const states = seed<{ iso3: string; names: { en: string } }[]>('states.json');
  const stateNames = Object.fromEntries(states.map((s) => [s.iso3, s.names.en]));
  const sourceTitles = Object.fromEntries(seed<{ id: string; title: string }[]>('sources.json').map((s) => [s.id, s.title]));
  const deadlinesOn = (asOf: string) => catReportingStatuses(data, states.map((s) => s.iso3), asOf).flatMap((s) => catDeadlines(s).map(catDeadlineText));
  const deadlines = deadlinesOn('2026-04-22');
  const ics = catCalendar(deadlines, { stateNames, sourceTitles, dtstamp: '2026-04-22', dataAsOf: '2026-04-22', url: (d) => `https://tracker.example/states/${d.stateIso3}` });

  it('is a valid RFC 5545 calendar with one event per deadline', () => {
    const calendar = checkRfc5545(ics);
    expect(calendar.children).toHaveLength(deadlines.length);
    expect(deadlines.length).toBe(21);
    expect(deadlines.filter((d) => d.status === 'overdue')).toHaveLength(3);
  });

  it('says in each event whether the date is computed, and cites its sources by title', () => {
    const text = unfold(ics);
    const kiribati = text.split('BEGIN:VEVENT').find((e) => e.includes('UID:cat-KIR-follow-up-1@treaty-tracker'))!;
    expect(kiribati).toContain('SUMMARY:CAT: Kiribati\\, follow-up to the concluding observations on the initial report due (overdue\\; computed date)');
    expect(unescapeText(/DESCRIPTION:(.*)\r\n/.exec(kiribati)![1]!)).toContain('The date is computed, not recorded in a source.');
    expect(kiribati).toContain('list of November 2025 (83rd session\\, position 10 of 23)');
    expect(kiribati).toContain('Report-by-report CAT reporting history of 17 States');
    expect(kiribati).toContain('DTSTART;VALUE=DATE:20241120');
  });

  it('says the data are as of the date the records run to, not the date the status was worked out for', () => {
    // The events' DESCRIPTIONs (the first one is the calendar's own), last line.
    const lastLines = (calendar: string) => [...unfold(calendar).matchAll(/^DESCRIPTION:(.*)\r$/gm)].slice(1).map((m) => unescapeText(m[1]!).split('\n').at(-1));
    const later = lastLines(catCalendar(deadlinesOn('2026-06-01'), { stateNames, dtstamp: '2026-04-22', dataAsOf: '2026-04-22' }));
    expect(later.length).toBeGreaterThan(0);
    expect(new Set(later)).toEqual(new Set(['Data as of 2026-04-22; status worked out for 2026-06-01.']));
    expect(new Set(lastLines(ics))).toEqual(new Set(['Data as of 2026-04-22.']));
  });

  it('keeps UIDs stable from one data date to another (State + report + kind)', () => {
    const later = new Map(deadlinesOn('2026-06-01').map((d) => [d.uid, d]));
    for (const d of deadlines.filter((x) => x.status === 'overdue')) expect(later.get(d.uid)?.date).toBe(d.date);
    expect(new Set(deadlines.map((d) => d.uid)).size).toBe(deadlines.length);
  });

  it('never puts a State whose history is not recorded in the calendar as overdue', () => {
    const complete = new Set(data.states.filter((s) => s.completeness === 'complete').map((s) => s.stateIso3));
    for (const d of deadlines.filter((x) => x.status === 'overdue' && x.kind === 'report')) expect(complete.has(d.stateIso3)).toBe(true);
  });
});
