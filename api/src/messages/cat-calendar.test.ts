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
} from '../domain/cat-reporting.js';
import { unescapeText, unfold } from '../domain/ics.js';
import type { Instrument } from '../domain/status-engine.js';
import type { ParticipationEvent } from '../domain/types.js';
import { checkRfc5545 } from '../../test/rfc5545.js';
import { catCalendar } from './cat-calendar.js';
import { catDeadlineText, catEnglish } from './cat-reporting-en.js';

const seedDir = join(dirname(fileURLToPath(import.meta.url)), '../../../data/seed');
const seed = <T>(name: string): T => JSON.parse(readFileSync(join(seedDir, name), 'utf8')) as T;

describe('the CAT calendar over data/seed', () => {
  const uncat = seed<{ id: string; entryIntoForceRule: Instrument['entryIntoForceRule']; withdrawalRule: Instrument['withdrawalRule'] }[]>(
    'instruments.json',
  ).find((i) => i.id === 'uncat')!;
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
  const deadlinesOn = (asOf: string) =>
    catReportingStatuses(
      data,
      states.map((s) => s.iso3),
      asOf,
    ).flatMap((s) => catDeadlines(s).map((d) => catDeadlineText(d)));
  const deadlines = deadlinesOn('2026-04-22');
  const ics = catCalendar(deadlines, {
    wording: catEnglish,
    stateNames,
    sourceTitles,
    dtstamp: '2026-04-22',
    dataAsOf: '2026-04-22',
    url: (d) => `https://tracker.example/states/${d.stateIso3}`,
  });

  it('is a valid RFC 5545 calendar with one event per deadline', () => {
    const calendar = checkRfc5545(ics);
    expect(calendar.children).toHaveLength(deadlines.length);
    expect(deadlines.length).toBe(21);
    expect(deadlines.filter((d) => d.status === 'overdue')).toHaveLength(3);
  });

  it('says in each event whether the date is computed, and cites its sources by title', () => {
    const text = unfold(ics);
    const kiribati = text.split('BEGIN:VEVENT').find((e) => e.includes('UID:cat-KIR-follow-up-1@treaty-tracker'))!;
    expect(kiribati).toContain(
      'SUMMARY:CAT: Kiribati\\, follow-up to the concluding observations on the initial report due (overdue\\; computed date)',
    );
    expect(unescapeText(/DESCRIPTION:(.*)\r\n/.exec(kiribati)![1]!)).toContain('The date is computed, not recorded in a source.');
    expect(kiribati).toContain('list of November 2025 (83rd session\\, position 10 of 23)');
    expect(kiribati).toContain('Report-by-report CAT reporting history of 17 States');
    expect(kiribati).toContain('DTSTART;VALUE=DATE:20241120');
  });

  it('says the data are as of the date the records run to, not the date the status was worked out for', () => {
    // The events' DESCRIPTIONs (the first one is the calendar's own), last line.
    const lastLines = (calendar: string) =>
      [...unfold(calendar).matchAll(/^DESCRIPTION:(.*)\r$/gm)].slice(1).map((m) => unescapeText(m[1]!).split('\n').at(-1));
    const later = lastLines(
      catCalendar(deadlinesOn('2026-06-01'), { wording: catEnglish, stateNames, dtstamp: '2026-04-22', dataAsOf: '2026-04-22' }),
    );
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
