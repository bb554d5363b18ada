import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { repoRoot } from '../src/config.js';
import { AGENDA_KINDS } from '../src/domain/vocabulary.js';
import type { AgendaResponse } from '../src/schemas/agenda.js';
import { setup, sharedSeededApp } from './helper.js';
import { createFollowUpService } from '../src/services/follow-up.service.js';
import { ActionInput, PlanInput, PublishInput } from '../src/schemas/follow-up.js';
import { checkRfc5545 } from './rfc5545.js';

const seed = <T>(name: string): T => JSON.parse(readFileSync(join(repoRoot, 'data/seed', name), 'utf8')) as T;
const inRange = (d: string | null | undefined) => !!d && d >= '2025-01-01' && d <= '2026-12-31';

let app: FastifyInstance;
let close: () => Promise<void>;
let agenda: AgendaResponse;
// One app for the file: the agenda is read-only, and gathering it once keeps the file fast.
beforeAll(async () => {
  ({ app, close } = await sharedSeededApp());
  const res = await app.inject('/api/agenda?from=2025-01-01&to=2026-12-31');
  expect(res.statusCode).toBe(200);
  agenda = res.json();
});

afterAll(() => close());

const ofKind = (kind: string) => agenda.events.filter((e) => e.kind === kind);

describe('GET /api/agenda on the seeded data, 2025-2026', () => {
  it('counts every kind, and the counts add up to the events listed', () => {
    expect(Object.keys(agenda.counts).sort()).toEqual([...AGENDA_KINDS].sort());
    for (const kind of AGENDA_KINDS) expect(agenda.counts[kind], kind).toBe(ofKind(kind).length);
    expect(agenda.total).toBe(agenda.events.length);
    expect(Object.values(agenda.counts).reduce((a, b) => a + b, 0)).toBe(agenda.total);
  });

  it('lists every UPR session and CAT session the seed dates in the range, and every dated UPR review', () => {
    const uprSessions = seed<{ startDate: string | null }[]>('upr-sessions.json').filter((s) => inRange(s.startDate));
    expect(agenda.counts['upr-session']).toBe(uprSessions.length);
    const catSessions = seed<{ start: string | null }[]>('cat-sessions.json').filter((s) => inRange(s.start));
    expect(agenda.counts['cat-session']).toBe(catSessions.length);
    const reviews = seed<{ reviewDate: string | null; status: string }[]>('upr-reviews.json').filter(
      (r) => inRange(r.reviewDate) && r.status !== 'postponed',
    );
    expect(agenda.counts['upr-review']).toBe(reviews.length);
    expect(agenda.counts['upr-review']).toBeGreaterThan(0);
  });

  it('gives the real dates of effect: Ukraine joins the Rome Statute on 1 January 2025, Hungary leaves it on 2 June 2026', () => {
    const ukraine = ofKind('entry-into-force').find((e) => e.stateIso3 === 'UKR' && e.instrumentId === 'rome-statute');
    expect(ukraine).toMatchObject({ date: '2025-01-01', status: 'held', computed: true });
    expect(ukraine!.sourceIds.length).toBeGreaterThan(0);
    const hungary = ofKind('withdrawal-effective').find((e) => e.stateIso3 === 'HUN' && e.instrumentId === 'rome-statute');
    expect(hungary).toMatchObject({ date: '2026-06-02' });
    expect(hungary!.title).toBe('Rome Statute: withdrawal of Hungary takes effect');
  });

  it('keeps "scheduled" and "held" apart: a UPR review is held only when recorded as held', () => {
    const recorded = new Map(
      seed<{ id: string; status: string }[]>('upr-reviews.json').map((r) => [`upr-review-${r.id}@treaty-tracker`, r.status]),
    );
    for (const e of ofKind('upr-review')) expect(e.status, e.uid).toBe(recorded.get(e.uid) === 'held' ? 'held' : 'scheduled');
    expect(new Set(agenda.events.map((e) => e.status))).toEqual(new Set(['held', 'scheduled']));
  });

  it('keeps every event in the range, sorted by date, with a unique UID and its sources listed', () => {
    const uids = new Set(agenda.events.map((e) => e.uid));
    expect(uids.size).toBe(agenda.events.length);
    const cited = new Set(agenda.sources.map((s) => s.id));
    let previous = '';
    for (const e of agenda.events) {
      expect((e.endDate ?? e.date) >= '2025-01-01' && e.date <= '2026-12-31', e.uid).toBe(true);
      expect(e.date >= previous, e.uid).toBe(true);
      previous = e.date;
      for (const id of e.sourceIds) expect(cited.has(id), `${e.uid} cites ${id}`).toBe(true);
      if (e.kind !== 'follow-up-action-due') expect(e.sourceIds.length, e.uid).toBeGreaterThan(0);
    }
  });
});

describe('GET /api/agenda filters', () => {
  it('narrows by kind (comma-separated or repeated), State, instrument and regional group', async () => {
    const sessions = (await app.inject('/api/agenda?kind=cat-session&kind=upr-session')).json() as AgendaResponse;
    expect(new Set(sessions.events.map((e) => e.kind))).toEqual(new Set(['cat-session', 'upr-session']));
    const same = (await app.inject('/api/agenda?kind=cat-session,upr-session')).json() as AgendaResponse;
    expect(same.total).toBe(sessions.total);

    const ukraine = (await app.inject('/api/agenda?state=ukr')).json() as AgendaResponse;
    expect(ukraine.total).toBeGreaterThan(0);
    expect(ukraine.events.every((e) => e.stateIso3 === 'UKR')).toBe(true);

    const opcat = (await app.inject('/api/agenda?instrument=opcat')).json() as AgendaResponse;
    expect(opcat.total).toBeGreaterThan(0);
    expect(opcat.events.every((e) => e.instrumentId === 'opcat')).toBe(true);

    const african = (await app.inject('/api/agenda?group=african&kind=entry-into-force')).json() as AgendaResponse;
    const members = seed<{ iso3: string; unRegionalGroup: string | null }[]>('states.json');
    const africanCodes = new Set(members.filter((s) => s.unRegionalGroup === 'african').map((s) => s.iso3));
    expect(african.total).toBeGreaterThan(0);
    expect(african.events.every((e) => africanCodes.has(e.stateIso3!))).toBe(true);
  });

  it('words titles in the language asked for', async () => {
    const fr = (await app.inject('/api/agenda?state=HUN&kind=withdrawal-effective&lang=fr')).json() as AgendaResponse;
    expect(fr.events.find((e) => e.instrumentId === 'rome-statute')!.title).toBe('Statut de Rome : le retrait de Hongrie prend effet');
  });

  it('refuses bad input with a 4xx that says what is wrong', async () => {
    const kind = await app.inject('/api/agenda?kind=cat-session,meeting');
    expect(kind.statusCode).toBe(400);
    expect(kind.json().message).toContain('"meeting" is not a kind');
    const range = await app.inject('/api/agenda?from=2026-01-01&to=2025-01-01');
    expect(range.statusCode).toBe(400);
    expect(range.json().message).toContain('"to" (2025-01-01) is before "from" (2026-01-01)');
    expect((await app.inject('/api/agenda?from=2026-02-30')).statusCode).toBe(400);
    expect((await app.inject('/api/agenda?format=pdf')).statusCode).toBe(400);
    const unknown = await app.inject('/api/agenda?state=XYZ');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /api/agenda?format=ics and format=csv', () => {
  it('is a calendar a parser reads, one event per agenda event, with the same stable UIDs', async () => {
    const url = '/api/agenda?from=2025-01-01&to=2026-12-31&format=ics';
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    checkRfc5545(res.body);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid).sort()).toEqual(agenda.events.map((e) => e.uid).sort());
    const byUid = new Map(agenda.events.map((e) => [e.uid, e]));
    for (const event of events) {
      const source = byUid.get(event.uid)!;
      expect(event.summary).toBe(source.title);
      expect(event.startDate.toString()).toBe(source.date);
      // DTEND is exclusive: the day after the last day.
      expect(event.endDate.compare(event.startDate)).toBe(1);
      if (source.endDate) expect(event.endDate.toString() > source.endDate).toBe(true);
    }
    const again = await app.inject(url);
    expect(again.body).toBe(res.body);
  });

  it('gives a CSV with one row per event and its sources', async () => {
    const res = await app.inject('/api/agenda?from=2025-01-01&to=2026-12-31&format=csv');
    expect(res.statusCode).toBe(200);
    // The file says how to cite it: its own address and the dataset version it was made from.
    expect(res.headers.link).toBe('<http://127.0.0.1:3000/api/agenda?from=2025-01-01&to=2026-12-31&format=csv>; rel="cite-as"');
    expect(Number(res.headers['x-dataset-version'])).toBeGreaterThan(0);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(agenda.total);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['date', 'kind', 'status', 'title', 'sources', 'uid', 'asOf']));
    expect(rows.every((r) => r.kind === 'follow-up-action-due' || r.sources!.length > 0)).toBe(true);
  });
});

describe('GET /api/agenda: actions due in follow-up plans', () => {
  it('lists an action with a target date once its plan is published, never from a draft', async () => {
    const { app: own } = await setup({ seed: true });
    const plans = createFollowUpService(own.db);
    const nhri = { name: 'Ana Novak', organisation: 'Human Rights Ombudsman (test)' };
    const plan = await plans.create(PlanInput.parse({ reviewId: 'SVN-48', title: 'Mid-term follow-up (test)' }), nhri);
    const item = plan.clusters.flatMap((c) => c.recommendations)[0]!;
    await plans.addAction(
      plan.id,
      ActionInput.parse({ itemId: item.itemId, description: 'Draft the bill (test)', targetDate: '2027-03-31' }),
      nhri,
    );
    const url = '/api/agenda?kind=follow-up-action-due&state=SVN';
    expect(((await own.inject(url)).json() as AgendaResponse).total).toBe(0);
    await plans.publish(plan.id, PublishInput.parse({ reason: 'Adopted' }), nhri);
    const listed = (await own.inject(url)).json() as AgendaResponse;
    expect(listed.total).toBe(1);
    expect(listed.events[0]).toMatchObject({
      date: '2027-03-31',
      status: 'scheduled',
      stateIso3: 'SVN',
      link: `/follow-up/plans/${plan.id}`,
      title: 'Slovenia: action due in the follow-up plan “Mid-term follow-up (test)”: Draft the bill (test)',
    });
    expect(listed.events[0]!.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
