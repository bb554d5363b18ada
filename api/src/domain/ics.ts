/**
 * RFC 5545 (iCalendar) output for the CAT reporting deadlines and the agenda. Pure: text in, text out.
 *
 * Written here rather than taken from npm, on purpose (checked November 2026):
 * - `ics` (3.12) folds at 75 *characters* and continues lines with a TAB, so a line with
 *   "Côte d'Ivoire" or Arabic text can exceed the 75-octet limit of RFC 5545 section 3.1;
 * - `ical-generator` 11 needs Node 22 (this project runs on Node 20.19+); 10.2 runs on Node 20 and
 *   folds by octets, but leaves the last line (END:VCALENDAR) without its CRLF, which the
 *   grammar of section 3.1 requires, so its output would have to be patched after the fact.
 * What is needed is small (all-day events over one or more days, a few properties), and ics.test.ts checks the rules: every
 * line ends in CRLF and is at most 75 octets, continuation lines start with one space and unfold
 * to the original, TEXT values escape backslash, semicolon, comma and newlines, and the required
 * VCALENDAR / VEVENT properties (VERSION, PRODID, UID, DTSTAMP, DTSTART) are present.
 */
import { addDays, assertIsoDate } from './entry-into-force.js';
import type { IsoDate } from './types.js';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** An all-day event. */
export interface IcsEvent {
  /** Globally unique and stable across exports (clients use it to update the event). */
  uid: string;
  date: IsoDate;
  /** The last day of an event over several days (a session); absent for one day. */
  endDate?: IsoDate | null;
  summary: string;
  description: string;
  url?: string | null;
  categories?: string[];
}

export interface IcsCalendar {
  /** e.g. "-//Treaty tracker//CAT reporting deadlines//EN" */
  prodId: string;
  name: string;
  description?: string | null;
  /**
   * DTSTAMP of every event: a UTC instant, "YYYY-MM-DDTHH:MM:SSZ" (or a date, read as midnight UTC).
   * Pass a fixed value (the data's date) so the same data always gives the same file.
   */
  dtstamp: string;
  events: IcsEvent[];
}

/** RFC 5545 3.3.11: TEXT escapes backslash, semicolon, comma and line breaks; other control characters are not allowed. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Control characters are exactly what this removes.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

/** The inverse of `escapeText` (for tests and for reading feeds back). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * RFC 5545 3.1: splits a content line into lines of at most 75 octets (UTF-8), never inside a
 * character; each continuation line starts with one space, which counts toward its 75 octets.
 * Returns the physical lines joined by CRLF (without a final CRLF).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** Octets of one code point in UTF-8. */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** RFC 5545 3.1 unfolding: a CRLF followed by one space or tab is removed. */
export function unfold(text: string): string {
  return text.replace(/\r\n[ \t]/g, '');
}

/** 2026-07-28 -> 20260728 (DATE value). */
export function icsDate(date: IsoDate): string {
  assertIsoDate(date);
  return date.replace(/-/g, '');
}

/** "2026-04-22T00:00:00Z" or "2026-04-22" -> 20260422T000000Z (UTC DATE-TIME). */
export function icsDateTime(instant: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z)?$/.exec(instant);
  if (!m) throw new TypeError(`Expected a UTC instant YYYY-MM-DDTHH:MM:SSZ or a date, got ${JSON.stringify(instant)}`);
  assertIsoDate(m[1]!);
  const [h, min, s] = [m[2] ?? '00', m[3] ?? '00', m[4] ?? '00'];
  if (Number(h) > 23 || Number(min) > 59 || Number(s) > 60) throw new TypeError(`Not a time of day: ${instant}`);
  return `${icsDate(m[1]!)}T${h}${min}${s}Z`;
}

/** A URI value may not hold characters that would break the content line. */
function uri(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\u0000-\u0020\u007F"<>\\^`{|}]/.test(value)) throw new TypeError(`Not a URI that can go in a calendar: ${JSON.stringify(value)}`);
  return value;
}

/** The whole calendar, each content line folded and ended by CRLF. Events are sorted by date, then UID. */
export function buildIcsCalendar(calendar: IcsCalendar): string {
  const dtstamp = icsDateTime(calendar.dtstamp);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(calendar.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  if (calendar.description) {
    lines.push(`DESCRIPTION:${escapeText(calendar.description)}`, `X-WR-CALDESC:${escapeText(calendar.description)}`);
  }
  const uids = new Set<string>();
  const events = [...calendar.events].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0,
  );
  for (const event of events) {
    if (uids.has(event.uid)) throw new Error(`Two events with UID ${event.uid}`);
    uids.add(event.uid);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
      // DTEND of an all-day event is exclusive: the day after the last day.
      `DTEND;VALUE=DATE:${icsDate(addDays(event.endDate ?? event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      'TRANSP:TRANSPARENT',
    );
    if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
    if (event.url) lines.push(`URL:${uri(event.url)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => foldLine(line) + CRLF).join('');
}
