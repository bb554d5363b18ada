import { describe, expect, it } from 'vitest';
import { buildIcsCalendar, escapeText, foldLine, icsDate, icsDateTime, unescapeText, unfold, type IcsEvent } from './ics.js';

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
    [
      'an event without DTSTAMP',
      good.replace(
        'END:VCALENDAR',
        'BEGIN:VEVENT\r\nUID:u\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260102\r\nEND:VEVENT\r\nEND:VCALENDAR',
      ),
    ],
    [
      'an unescaped comma',
      good.replace(
        'END:VCALENDAR',
        'BEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260102\r\nSUMMARY:a, b\r\nEND:VEVENT\r\nEND:VCALENDAR',
      ),
    ],
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
    for (const text of [
      "Côte d'Ivoire ".repeat(12),
      'كوت ديفوار '.repeat(12),
      'Türkiye 🇹🇷 '.repeat(12),
      '🙂'.repeat(40),
      'é'.repeat(100),
    ]) {
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
        event({
          uid: 'cat-ZZZ-report-1@treaty-tracker',
          date: '2026-12-31',
          summary: 'Year end',
          description: 'Line one\nLine two, with a comma; and a semicolon \\ backslash',
        }),
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
    expect(unescapeText(second!.properties.find((p) => p.name === 'SUMMARY')!.value)).toBe(
      "CAT: Côte d'Ivoire, 2nd periodic report due (computed date)",
    );
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
    expect(() =>
      buildIcsCalendar({ prodId: 'p', name: 'n', dtstamp: '2026-04-22', events: [event({ url: 'https://x.test/a b' })] }),
    ).toThrow(/URI/);
  });
});
