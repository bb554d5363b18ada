import { expect } from 'vitest';
import { unfold } from '../src/domain/ics.js';

export const octets = (s: string) => Buffer.byteLength(s, 'utf8');

export interface Component {
  name: string;
  properties: { name: string; params: string; value: string }[];
  children: Component[];
}

/**
 * Checks a calendar against RFC 5545 and returns its components. Section 3.1: content lines end
 * in CRLF, physical lines are at most 75 octets, a continuation line starts with one space or
 * tab; section 3.6: BEGIN/END nesting; 3.6 / 3.8.4.7 / 3.8.7.2 / 3.8.2.4: VERSION and PRODID in
 * the calendar, UID, DTSTAMP and DTSTART in each event; 3.3.11: TEXT has no unescaped , ; or newline.
 */
export function checkRfc5545(ics: string): Component {
  expect(ics.endsWith('\r\n'), 'the last line ends with CRLF').toBe(true);
  expect(/\r(?!\n)|(?<!\r)\n/.test(ics), 'CRLF only, no bare CR or LF').toBe(false);
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(octets(line), `≤ 75 octets: ${line}`).toBeLessThanOrEqual(75);
    expect(line.length, 'no empty line').toBeGreaterThan(0);
    // A valid UTF-8 line: folding never splits a character.
    expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line), 'no broken surrogate pair').toBe(false);
  }
  expect(physical[0]!.startsWith(' '), 'the first line is not a continuation').toBe(false);
  const contentLines = unfold(ics).slice(0, -2).split('\r\n');
  const root: Component = { name: '', properties: [], children: [] };
  const stack: Component[] = [root];
  for (const line of contentLines) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=[^;:]*)*):(.*)$/.exec(line);
    expect(m, `a content line: ${line}`).not.toBeNull();
    const [, name, params, value] = m!;
    if (name === 'BEGIN') {
      const child: Component = { name: value!, properties: [], children: [] };
      stack.at(-1)!.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(stack.pop()!.name, `END:${value} closes the open component`).toBe(value);
    } else {
      stack.at(-1)!.properties.push({ name: name!, params: params!, value: value! });
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.children.map((c) => c.name)).toEqual(['VCALENDAR']);
  const calendar = root.children[0]!;
  const one = (c: Component, name: string) => {
    const found = c.properties.filter((p) => p.name === name);
    expect(found, `${c.name} has exactly one ${name}`).toHaveLength(1);
    return found[0]!;
  };
  expect(one(calendar, 'VERSION').value).toBe('2.0');
  expect(one(calendar, 'PRODID').value.length).toBeGreaterThan(0);
  const uids = new Set<string>();
  for (const event of calendar.children) {
    expect(event.name).toBe('VEVENT');
    const uid = one(event, 'UID').value;
    expect(uids.has(uid), `UID ${uid} is unique`).toBe(false);
    uids.add(uid);
    expect(one(event, 'DTSTAMP').value).toMatch(/^\d{8}T\d{6}Z$/);
    const start = one(event, 'DTSTART');
    expect(start.params).toBe(';VALUE=DATE');
    expect(start.value).toMatch(/^\d{8}$/);
    const end = one(event, 'DTEND');
    expect(end.value > start.value, 'DTEND after DTSTART').toBe(true);
    for (const p of event.properties.filter((p) => ['SUMMARY', 'DESCRIPTION', 'UID'].includes(p.name))) {
      // Drop escaped backslashes first; then every , and ; must be escaped.
      expect(/(?<!\\)[;,]/.test(p.value.replace(/\\\\/g, '')), `${p.name} escapes ; and ,`).toBe(false);
    }
  }
  return calendar;
}
