import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { unfold } from '../src/domain/ics.js';
import type { CatReportingDetail, CatReportingListResponse } from '../src/schemas/cat-reporting.js';
import { setup } from './helper.js';
import { checkRfc5545 } from './rfc5545.js';

/** The data's own date: the records cover events up to it. */
const DATA_AS_OF = '2026-04-22';
const seed = <T>(name: string): T => JSON.parse(readFileSync(join(repoRoot, 'data/seed', name), 'utf8')) as T;
const histories = seed<{ stateIso3: string; completeness: string }[]>('cat-reporting-states.json');
const lists = seed<{ session: number; states: { iso3: string }[] }[]>('cat-follow-up-lists.json');

type App = Awaited<ReturnType<typeof setup>>['app'];
const list = async (app: App, query: string) => {
  const res = await app.inject(`/api/cat-reporting${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CatReportingListResponse;
};

describe('GET /api/cat-reporting', () => {
  it('gives every party’s recorded history as complete, partial or none, as the seed records it', async () => {
    const { app } = await setup({ seed: true });
    const body = await list(app, `?asOf=${DATA_AS_OF}`);
    expect(body.states).toHaveLength(197);
    expect(body.dataAsOf).toBe(DATA_AS_OF);
    const parties = body.states.filter((s) => s.party);
    expect(body.summary.parties).toBe(parties.length);
    for (const c of ['complete', 'partial', 'none'] as const) {
      const recorded = histories.filter((h) => h.completeness === c && parties.some((p) => p.iso3 === h.stateIso3)).length;
      const withoutRecord = c === 'none' ? parties.filter((p) => !histories.some((h) => h.stateIso3 === p.iso3)).length : 0;
      expect(body.summary.completeness[c], c).toBe(recorded + withoutRecord);
    }
    expect(Object.values(body.summary.situations).reduce((a, b) => a + b, 0)).toBe(197);
  });

  it('establishes follow-up as overdue for exactly the states on the Committee’s latest list, and Nigeria’s initial report', async () => {
    const { app } = await setup({ seed: true });
    const body = await list(app, `?asOf=${DATA_AS_OF}&overdue=true`);
    const latest = lists.reduce((a, b) => (b.session > a.session ? b : a));
    const followUp = body.states
      .filter((s) => s.establishedOverdue.some((o) => o.kind === 'follow-up'))
      .map((s) => s.iso3)
      .sort();
    expect(followUp).toEqual(latest.states.map((s) => s.iso3).sort());
    const reports = body.states.flatMap((s) => s.establishedOverdue.filter((o) => o.kind === 'report').map((o) => `${s.iso3}:${o.label}`));
    expect(reports).toEqual(['NGA:initial']);
    const nigeria = body.states.find((s) => s.iso3 === 'NGA')!;
    expect(nigeria).toMatchObject({ situation: 'initial-report-never-submitted', region: { name: 'Africa' }, unRegionalGroup: 'african' });
    expect(nigeria.nextReportDue?.due).toMatchObject({ date: '2002-07-28', basis: 'computed' });
    expect(nigeria.daysOverdue).toBe(8669);
    expect(body.summary.establishedOverdueReports + body.summary.establishedOverdueFollowUps).toBe(1 + latest.states.length);
  });

  it('never lists a state whose reporting history is not recorded as overdue, on any date', async () => {
    const { app } = await setup({ seed: true });
    for (const asOf of ['2005-01-01', DATA_AS_OF, '2026-11-23', '2031-01-01']) {
      const body = await list(app, `?asOf=${asOf}`);
      const unrecorded = body.states.filter((s) => s.party && s.completeness === 'none');
      expect(unrecorded.length).toBeGreaterThan(10);
      for (const s of unrecorded) {
        expect(
          s.establishedOverdue.filter((o) => o.kind === 'report'),
          s.iso3,
        ).toEqual([]);
        expect(['history-not-recorded', 'up-to-date', 'follow-up-overdue']).toContain(s.situation);
      }
      const overdue = await list(app, `?asOf=${asOf}&overdue=true`);
      // Each state listed as overdue has something established overdue; without a recorded history, only follow-up.
      if (asOf !== '2005-01-01') expect(overdue.states.length, asOf).toBeGreaterThan(0);
      expect(
        overdue.states.filter((s) => s.establishedOverdue.length === 0).map((s) => s.iso3),
        asOf,
      ).toEqual([]);
      expect(
        overdue.states
          .filter((s) => s.completeness === 'none' && s.establishedOverdue.some((o) => o.kind !== 'follow-up'))
          .map((s) => s.iso3),
        asOf,
      ).toEqual([]);
    }
    // Algeria: only a computed initial due date (1990), no recorded history.
    const algeria = (await list(app, '?region=002')).states.find((s) => s.iso3 === 'DZA')!;
    expect(algeria).toMatchObject({ completeness: 'none', situation: 'history-not-recorded', daysOverdue: null, establishedOverdue: [] });
  });

  it('filters by UN regional group, region, LDC and SIDS, with counts over the states shown', async () => {
    const { app } = await setup({ seed: true });
    const weog = await list(app, '?group=western-european-others');
    expect(weog.states.length).toBeGreaterThan(20);
    expect(weog.states.every((s) => s.unRegionalGroup === 'western-european-others')).toBe(true);
    expect(weog.summary.parties).toBe(weog.states.filter((s) => s.party).length);
    const sidsLdc = await list(app, '?sids=true&ldc=true');
    expect(sidsLdc.states.length).toBeGreaterThan(5);
    expect(sidsLdc.states.every((s) => s.sids && s.ldc)).toBe(true);
    expect(sidsLdc.states.some((s) => s.iso3 === 'KIR')).toBe(true);
    const notOverdue = await list(app, '?overdue=false');
    expect(notOverdue.states.length).toBeGreaterThan(100);
    expect(notOverdue.states.every((s) => s.establishedOverdue.length === 0)).toBe(true);
  });

  it('rejects a bad filter with a 400 naming it', async () => {
    const { app } = await setup({ seed: true });
    for (const [query, name] of [
      ['?overdue=yes', 'overdue'],
      ['?asOf=2026-02-30', 'asOf'],
      ['?group=WEOG', 'group'],
      ['?region=999', 'region'],
    ] as const) {
      const res = await app.inject(`/api/cat-reporting${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message).toContain(name === 'region' ? '999' : name);
    }
  });

  it('exports the same selection as CSV, one row per state with its sources', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject(`/api/cat-reporting?asOf=${DATA_AS_OF}&overdue=true&format=csv`);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength((await list(app, `?asOf=${DATA_AS_OF}&overdue=true`)).states.length);
    const nigeria = rows.find((r) => r.iso3 === 'NGA')!;
    expect(nigeria).toMatchObject({
      situation: 'initial-report-never-submitted',
      nextReportDue: '2002-07-28',
      nextReportDueBasis: 'computed',
      daysOverdue: '8669',
    });
    expect(nigeria.sources).toContain('as of');
  });
});

describe('GET /api/cat-reporting/{iso3}', () => {
  const detail = async (app: App, path: string) => {
    const res = await app.inject(`/api/cat-reporting/${path}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CatReportingDetail;
  };

  it('gives the full recorded history: Slovenia, with the recorded due date of its 4th report and the sessions that reviewed it', async () => {
    const { app } = await setup({ seed: true });
    const body = await detail(app, `SVN?asOf=${DATA_AS_OF}`);
    expect(body.records.map((r) => r.id)).toEqual(['SVN:1', 'SVN:2', 'SVN:3', 'SVN:4']);
    const fourth = body.reports.find((r) => r.reportNumber === 4)!;
    expect(fourth).toMatchObject({ procedure: 'simplified', status: 'received', due: { date: '2015-06-03', basis: 'recorded' } });
    expect(body.activities.some((a) => a.session === 78)).toBe(true);
    expect(body.sources.map((s) => s.id)).toContain(fourth.due.sourceId);
  });

  it('a state under the simplified procedure: Botswana’s 2nd periodic report due 2026-07-28 (computed), upcoming on the data date', async () => {
    const { app } = await setup({ seed: true });
    const body = await detail(app, `bwa?asOf=${DATA_AS_OF}`);
    expect(body.summary).toMatchObject({ situation: 'up-to-date', procedure: 'simplified' });
    expect(body.deadlines).toEqual([expect.objectContaining({ kind: 'report', date: '2026-07-28', computed: true, status: 'upcoming' })]);
  });

  it("shows the initial report's due date even when its submission is not recorded, with the reason codes and their English words", async () => {
    const { app } = await setup({ seed: true });
    // Norway: only an announced review (63rd session) is recorded; the initial report was due 1988-06-26.
    const norway = await detail(app, `NOR?asOf=${DATA_AS_OF}`);
    expect(norway.reports).toEqual([
      expect.objectContaining({ reportNumber: 1, recordId: null, status: 'submitted-not-recorded', label: 'initial', overdue: null }),
    ]);
    expect(norway.reports[0]!.due).toMatchObject({
      date: '1988-06-26',
      basis: 'computed',
      ruleId: 'initialReport',
      rule: 'UNCAT art. 19(1): initial report due one year after the Convention entered into force for the State',
      reasons: [{ code: 'entry-into-force', entryIntoForce: '1987-06-26', computed: true }],
      note: 'Entry into force for the State: 1987-06-26 (computed from the deposit, art. 27).',
    });
    expect(norway.summary).toMatchObject({
      nextReportDue: null,
      situation: 'history-not-recorded',
      situationReason: { code: 'unidentified-review', session: 63, activityKind: 'review-scheduled' },
      situationBasis:
        'The sessions list records “report scheduled for consideration (announced Dec 2017)” at the 63rd session; which report that was, and the date of the next one, are not recorded.',
    });
    // Serbia succeeded: no date is computed, and the row says why.
    const serbia = await detail(app, `SRB?asOf=${DATA_AS_OF}`);
    expect(serbia.reports[0]!.due).toMatchObject({
      date: null,
      reasons: [{ code: 'successor-state' }],
      note: expect.stringMatching(/^Not computed: for a successor State/),
    });
  });

  it('exports the history as CSV, one row per report and follow-up', async () => {
    const { app } = await setup({ seed: true });
    const json = await detail(app, `KIR?asOf=${DATA_AS_OF}`);
    const res = await app.inject(`/api/cat-reporting/KIR?asOf=${DATA_AS_OF}&format=csv`);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.reports.length + json.followUps.length);
    expect(rows.find((r) => r.kind === 'follow-up')).toMatchObject({ status: 'overdue', due: '2024-11-20', dueBasis: 'computed' });
  });

  it('answers 404 for an unknown state and 400 for a malformed code', async () => {
    const { app } = await setup({ seed: true });
    expect((await app.inject('/api/cat-reporting/XYZ')).statusCode).toBe(404);
    expect((await app.inject('/api/cat-reporting/NG1')).statusCode).toBe(400);
  });
});

describe('GET /api/cat-reporting/calendar.ics', () => {
  it('is a valid RFC 5545 calendar of every party’s upcoming and established-overdue deadlines', async () => {
    const { app } = await setup({ seed: true, env: { PUBLIC_URL: 'https://tracker.example/' } });
    const res = await app.inject('/api/cat-reporting/calendar.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const calendar = checkRfc5545(res.body);
    const text = unfold(res.body);
    // Every established-overdue obligation with a known due date is in it.
    const overdue = (await list(app, '?overdue=true')).states.flatMap((s) =>
      s.establishedOverdue.filter((o) => o.due.precision === 'day').map((o) => `${s.iso3}-${o.kind}`),
    );
    expect(overdue).toContain('NGA-report');
    const uids = calendar.children.map((e) => e.properties.find((p) => p.name === 'UID')!.value);
    for (const key of overdue)
      expect(
        uids.some((u) => u.startsWith(`cat-${key}`)),
        key,
      ).toBe(true);
    expect(text).toContain('UID:cat-NGA-report-1@treaty-tracker');
    expect(text).toContain('URL:https://tracker.example/states/NGA#cat-reporting');
    // Same data, same file: DTSTAMP comes from the data's date, not the clock.
    expect((await app.inject('/api/cat-reporting/calendar.ics')).body.match(/DTSTAMP:\S+/g)?.[0]).toBe('DTSTAMP:20260422T000000Z');
  });

  it('gives one state’s deadlines with ?state=, and 404 for an unknown state', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/cat-reporting/calendar.ics?state=kir');
    const calendar = checkRfc5545(res.body);
    expect(calendar.children.length).toBeGreaterThan(0);
    for (const event of calendar.children) expect(event.properties.find((p) => p.name === 'UID')!.value).toMatch(/^cat-KIR-/);
    expect(unfold(res.body)).toContain('NAME:CAT reporting deadlines: Kiribati');
    expect((await app.inject('/api/cat-reporting/calendar.ics?state=XYZ')).statusCode).toBe(404);
    expect((await app.inject('/api/cat-reporting/calendar.ics?state=12')).statusCode).toBe(400);
  });
});

/**
 * The dashboard's tests (web/src/lib/cat-reporting*.test.ts) run on real answers of this API,
 * kept in web/src/lib/__fixtures__/cat-reporting.json. This test is that file's generator and its
 * check: it fails when the API's answers differ from the file; to accept today's answers, run
 *   cd api && npx vitest run test/cat-reporting.test.ts -u
 * and review the diff of the JSON file.
 */
describe('the dashboard’s CAT reporting fixture', () => {
  /** The states of the list the dashboard tests use: each situation and completeness, and the edge cases they name. */
  const FIXTURE_STATES = ['ALB', 'DZA', 'BGD', 'BWA', 'BDI', 'DNK', 'IND', 'KIR', 'NGA', 'SOM', 'ESP', 'UKR', 'URY'];

  it('is what the API answers today for the list and for Spain and Nigeria on the data date', async () => {
    const { app } = await setup({ seed: true });
    const all = await list(app, `?asOf=${DATA_AS_OF}`);
    const states = all.states.filter((s) => FIXTURE_STATES.includes(s.iso3));
    expect(states.map((s) => s.iso3).sort()).toEqual([...FIXTURE_STATES].sort());
    const detail = async (iso3: string) => (await app.inject(`/api/cat-reporting/${iso3}?asOf=${DATA_AS_OF}`)).json() as CatReportingDetail;
    const fixture = {
      $comment: `Generated by api/test/cat-reporting.test.ts from GET /api/cat-reporting?asOf=${DATA_AS_OF} (some states) and GET /api/cat-reporting/{ESP,NGA}?asOf=${DATA_AS_OF}; regenerate with: cd api && npx vitest run test/cat-reporting.test.ts -u`,
      list: { asOf: all.asOf, dataAsOf: all.dataAsOf, states },
      spain: await detail('ESP'),
      nigeria: await detail('NGA'),
    };
    await expect(`${JSON.stringify(fixture, null, 1)}\n`).toMatchFileSnapshot(
      join(repoRoot, 'web/src/lib/__fixtures__/cat-reporting.json'),
    );
  });
});
