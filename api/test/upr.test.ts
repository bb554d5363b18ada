import { parse } from 'csv-parse/sync';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { UprSearchResponse } from '../src/schemas/upr.js';
import { editorSession, editorToken, setup } from './helper.js';

type App = Awaited<ReturnType<typeof setup>>['app'];
const search = async (app: App, query: string) => {
  const res = await app.inject(`/api/upr/recommendations?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as UprSearchResponse;
};
const facet = (body: UprSearchResponse, name: keyof NonNullable<UprSearchResponse['facets']>) =>
  Object.fromEntries(body.facets![name].map((f) => [f.value, f.count]));

describe('GET /api/upr/recommendations', () => {
  it('holds the real recommendations of the sources: Slovenia’s three OHCHR lists (163, 215, 254) with their responses', async () => {
    const { app } = await setup({ seed: true });
    for (const [cycle, total, supported, noted] of [
      [2, 163, 142, 21],
      [3, 215, 182, 33],
      [4, 254, 217, 37],
    ] as const) {
      const body = await search(app, `state=SVN&cycle=${cycle}&facets=true&pageSize=1`);
      expect(body.total, `cycle ${cycle}`).toBe(total);
      expect(facet(body, 'response')).toEqual({ supported, noted });
    }
  });

  it('keeps the older "Accepted" wording as recorded and maps it to supported', async () => {
    const { app } = await setup({ seed: true });
    const body = await search(app, 'session=1&response=supported&pageSize=5');
    expect(body.total).toBeGreaterThan(0);
    expect(body.items).toHaveLength(Math.min(5, body.total));
    expect(body.items.every((r) => r.response === 'supported' && r.responseAsRecorded === 'Accepted')).toBe(true);
    const all = await search(app, 'cycle=1&facets=true&pageSize=1');
    expect(Object.keys(facet(all, 'response')).sort()).toEqual(['noted', 'supported']);
  });

  it('finds ratify, ratified and ratification with "ratif", and matches phrases', async () => {
    const { app } = await setup({ seed: true });
    const body = await search(app, 'q=ratif&pageSize=200');
    expect(body.total).toBeGreaterThan(1000);
    const words = new Set(body.items.flatMap((r) => r.text.toLowerCase().match(/\bratif\w*/g) ?? []));
    expect(words).toContain('ratify');
    expect(words).toContain('ratification');
    const phrase = await search(app, `q=${encodeURIComponent('"Rome Statute"')}&pageSize=50`);
    expect(phrase.total).toBeGreaterThan(50);
    expect(phrase.items).toHaveLength(50);
    expect(phrase.items.every((r) => /rome\s+statute/i.test(r.text))).toBe(true);
    // Operators and stray quotes are words, never FTS syntax errors.
    expect((await app.inject('/api/upr/recommendations?q=' + encodeURIComponent('torture AND "NEAR( -'))).statusCode).toBe(200);
  });

  it('filters by linked instrument and action, and every item says why it is linked', async () => {
    const { app } = await setup({ seed: true });
    const body = await search(app, 'instrument=opcat&action=ratify-accede&facets=true&pageSize=100');
    expect(body.total).toBeGreaterThan(100);
    for (const r of body.items) expect(r.links).toContainEqual({ instrumentId: 'opcat', action: 'ratify-accede' });
    expect(facet(body, 'instrument').opcat).toBe(body.total);
  });

  it('filters by recommending state and its regional group, and sorts by relevance only with a search text', async () => {
    const { app } = await setup({ seed: true });
    const byFrance = await search(app, 'recommendingState=FRA&pageSize=20');
    expect(byFrance.items).toHaveLength(20);
    expect(byFrance.items.every((r) => r.recommendingStates.some((s) => s.iso3 === 'FRA'))).toBe(true);
    const grulac = await search(app, 'recommendingGroup=latin-american-caribbean&pageSize=50');
    expect(grulac.items).toHaveLength(50);
    expect(grulac.items.every((r) => r.recommendingStates.some((s) => s.unRegionalGroup === 'latin-american-caribbean'))).toBe(true);
    const relevant = await search(app, 'q=torture&sort=relevance&pageSize=5');
    expect(relevant.items[0]!.text.toLowerCase()).toContain('tortur');
    expect((await app.inject('/api/upr/recommendations?sort=relevance')).statusCode).toBe(400);
  });

  it('counts the same matches as the SQL path of the CSV export, for every kind of filter', async () => {
    const { app } = await setup({ seed: true });
    for (const query of [
      'q=ratif',
      'q=%22national+preventive+mechanism%22',
      'instrument=uncat',
      'action=report-to-committee',
      'instrument=rome-statute&action=cooperate-with-court',
      'recommendingGroup=african&response=noted',
      'recommendingState=FRA&cycle=1',
      'theme=Death+penalty&session=12',
      'state=SVN&response=supported',
      'implementation=not-assessed&cycle=4',
    ]) {
      const json = await search(app, `${query}&pageSize=1&facets=true`);
      const csv = (await app.inject(`/api/upr/recommendations?${query}&format=csv`)).body;
      expect(parse(csv, { columns: true }), query).toHaveLength(json.total);
      expect(
        json.facets!.response.reduce((n, f) => n + f.count, 0),
        query,
      ).toBe(json.total);
    }
    // Ten exports over some 61,000 recommendations: seconds on two shared cores.
  }, 30_000);

  it('filters by the groups of the State under review, LDCs or SIDS alike in JSON, facets and CSV', async () => {
    const { app } = await setup({ seed: true });
    const states = (await app.inject('/api/states')).json() as {
      states: { iso3: string; ldc: { status: string }; sids: boolean; unRegionalGroup: string | null }[];
    };
    const ldc = new Set(states.states.filter((s) => s.ldc.status === 'ldc').map((s) => s.iso3));
    const sids = new Set(states.states.filter((s) => s.sids).map((s) => s.iso3));
    const base = 'instrument=rome-statute&action=ratify-accede';
    const all = async (query: string) => {
      const first = await search(app, `${query}&pageSize=200`);
      const items = [...first.items];
      for (let page = 2; items.length < first.total; page++) items.push(...(await search(app, `${query}&pageSize=200&page=${page}`)).items);
      return { total: first.total, ids: new Set(items.map((r) => r.id)), states: new Set(items.map((r) => r.stateUnderReview.iso3)) };
    };
    const either = await all(`${base}&stateLdc=true&stateSids=true&stateCombine=any`);
    const onlyLdc = await all(`${base}&stateLdc=true`);
    const onlySids = await all(`${base}&stateSids=true`);
    const both = await all(`${base}&stateLdc=true&stateSids=true`);
    const unfiltered = await search(app, `${base}&pageSize=1`);
    expect(onlyLdc.total).toBeGreaterThan(0);
    expect(onlySids.total).toBeGreaterThan(0);
    expect([...onlyLdc.states].every((s) => ldc.has(s))).toBe(true);
    expect([...onlySids.states].every((s) => sids.has(s))).toBe(true);
    expect([...both.states].every((s) => ldc.has(s) && sids.has(s))).toBe(true);
    expect([...either.states].every((s) => ldc.has(s) || sids.has(s))).toBe(true);
    // "any" is the union of the two, "all" (the default) their intersection.
    expect(either.ids).toEqual(new Set([...onlyLdc.ids, ...onlySids.ids]));
    expect(either.total).toBe(onlyLdc.total + onlySids.total - both.total);
    expect(either.total).toBeLessThan(unfiltered.total);

    for (const query of [
      `${base}&stateLdc=true&stateSids=true&stateCombine=any`,
      `${base}&stateGroup=asia-pacific&stateSids=false`,
      'stateRegion=002&response=noted',
      'q=ratif&stateGroup=african&stateLdc=false',
    ]) {
      const json = await search(app, `${query}&pageSize=1&facets=true`);
      expect(json.total, query).toBeGreaterThan(0);
      expect(
        json.facets!.response.reduce((n, f) => n + f.count, 0),
        query,
      ).toBe(json.total);
      const csv = parse((await app.inject(`/api/upr/recommendations?${query}&format=csv`)).body, { columns: true }) as Record<
        string,
        string
      >[];
      expect(csv, query).toHaveLength(json.total);
    }
    const african = await search(app, 'stateGroup=african&cycle=4&pageSize=200');
    const group = new Map(states.states.map((s) => [s.iso3, s.unRegionalGroup]));
    expect(african.items.every((r) => group.get(r.stateUnderReview.iso3) === 'african')).toBe(true);
  }, 30_000);

  it('pages through results without overlap', async () => {
    const { app } = await setup({ seed: true });
    const first = await search(app, 'state=SVN&page=1&pageSize=100');
    const second = await search(app, 'state=SVN&page=2&pageSize=100');
    expect(first.items).toHaveLength(100);
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(200);
  });

  it('rejects bad parameters with a 400 naming them', async () => {
    const { app } = await setup({ seed: true });
    for (const [query, name] of [
      ['cycle=5', 'cycle'],
      ['session=0', 'session'],
      ['response=accepted', 'response'],
      ['instrument=icc', 'instrument'],
      ['pageSize=1000', 'pageSize'],
      ['state=Slovenia', 'state'],
      ['stateGroup=africa', 'stateGroup'],
      ['stateRegion=2', 'stateRegion'],
      ['stateRegion=999', 'stateRegion'],
      ['stateLdc=yes', 'stateLdc'],
      ['stateSids=1', 'stateSids'],
      ['stateCombine=or', 'stateCombine'],
    ] as const) {
      const res = await app.inject(`/api/upr/recommendations?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message).toContain(name);
    }
  });

  it('exports the whole filtered set as CSV, streamed, gzip when asked, with the source of each row', async () => {
    const { app } = await setup({ seed: true });
    const json = await search(app, 'state=SVN&pageSize=1');
    const res = await app.inject({ url: '/api/upr/recommendations?state=SVN&format=csv', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-encoding']).toBe('gzip');
    const rows = parse(gunzipSync(res.rawPayload).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.total);
    expect(rows[0]!.source).toContain('as of');
    const all = await app.inject('/api/upr/recommendations?format=csv');
    const count = (all.body.match(/\r\n/g) ?? []).length;
    // 61,467 recommendations (data/README.md, seed/), each one CSV line.
    expect(count).toBeGreaterThan(61_000);
  }, 30_000);
});

describe('GET /api/upr/reviews/{iso3} and /api/upr/calendar', () => {
  it('gives Slovenia’s reviews with their recommendations and documents, and the calendar its sessions', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/upr/reviews/svn');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const cycle4 = body.reviews.find((r: { session: number }) => r.session === 48);
    expect(cycle4.recommendations).toMatchObject({ total: 254, byResponse: { supported: 217, noted: 37 } });
    expect(cycle4.documents.map((d: { symbol: string }) => d.symbol)).toContain('A/HRC/59/15');
    expect(body.pastScheduledReview).toBeNull();
    expect((await app.inject('/api/upr/reviews/XYZ')).statusCode).toBe(404);

    // Namibia's 4th-cycle review is on the calendar for 2026-05-04 (52nd session), recorded as
    // scheduled and nowhere as held: once that date has passed it is not "next", and it is not
    // taken to have happened either.
    const namibia = (await app.inject('/api/upr/reviews/NAM')).json();
    expect(namibia.pastScheduledReview).toMatchObject({ id: 'NAM-52', status: 'scheduled', reviewDate: '2026-05-04' });
    expect(namibia.nextReview).toBeNull();
    // Palau's is known only by its session, which opened on 2026-05-04 (no review day, no end date):
    // the same holds once the session's first day has passed.
    const palau = (await app.inject('/api/upr/reviews/PLW')).json();
    expect(palau.nextReview).toBeNull();
    expect(palau.pastScheduledReview).toMatchObject({
      id: 'PLW-52',
      status: 'scheduled',
      reviewDate: null,
      sessionStart: '2026-05-04',
      sessionEnd: null,
    });
    expect(palau.reviews.map((r: { id: string; status: string }) => `${r.id} ${r.status}`)).toEqual([
      'PLW-11 held',
      'PLW-24 held',
      'PLW-52 scheduled',
    ]);

    // The 26th session (2018 export) holds 11 of its 14 States, and says so; no other session has a note.
    const cycle2 = (await app.inject('/api/upr/calendar?cycle=2')).json();
    const session26 = cycle2.sessions.find((s: { session: number }) => s.session === 26);
    expect(session26.reviews).toHaveLength(11);
    expect(session26.note).toMatch(/^Recommendations of 11 of the 14 States reviewed in this session are in the data \(Haiti, /);
    expect(cycle2.sessions.filter((s: { note: string | null }) => s.note !== null).map((s: { session: number }) => s.session)).toEqual([
      26,
    ]);

    const calendar = (await app.inject('/api/upr/calendar?cycle=4')).json();
    expect(calendar.sessions.map((s: { session: number }) => s.session)).toEqual(Array.from({ length: 14 }, (_, i) => 41 + i));
    const reviewed = calendar.sessions.flatMap((s: { reviews: { stateIso3: string }[] }) => s.reviews.map((r) => r.stateIso3));
    expect(new Set(reviewed).size).toBe(193);
  });
});

describe('implementation assessments', () => {
  const assessment = {
    status: 'partially-implemented',
    assessedOn: '2025-06-01',
    sourceKind: 'stakeholder-report',
    sourceTitle: 'Joint stakeholder submission (test)',
    sourceUrl: 'https://example.org/submission.pdf',
    evidence: 'The national preventive mechanism was designated but has no budget line.',
    reason: 'Mid-term stakeholder submission received',
  };

  it('are refused without an account', async () => {
    const { app } = await setup({ seed: true });
    const id = (await search(app, 'state=SVN&pageSize=1')).items[0]!.id;
    const res = await app.inject({
      method: 'POST',
      url: `/api/upr/recommendations/${encodeURIComponent(id)}/assessments`,
      payload: assessment,
    });
    expect(res.statusCode).toBe(401);
  });

  it('append history: the latest status shows on the recommendation and filters, earlier ones stay', async () => {
    const { app } = await setup({ seed: true });
    const { headers } = await editorToken(app, ['upr-assessments'], { organisation: 'National mechanism' });
    const id = (await search(app, 'state=SVN&cycle=4&pageSize=1')).items[0]!.id;
    const url = `/api/upr/recommendations/${encodeURIComponent(id)}/assessments`;
    expect((await app.inject({ method: 'POST', url, payload: assessment, headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(
      401,
    );
    const bad = await app.inject({ method: 'POST', url, payload: { ...assessment, status: 'done' }, headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('status');
    const uncited = await app.inject({ method: 'POST', url, payload: { ...assessment, sourceUrl: null }, headers });
    expect(uncited.statusCode).toBe(400);
    expect(uncited.body).toContain('cite a source');
    const first = await app.inject({ method: 'POST', url, payload: assessment, headers });
    expect(first.statusCode).toBe(201);
    expect(first.json().organisation).toBe('National mechanism');
    const second = await app.inject({
      method: 'POST',
      url,
      payload: { ...assessment, status: 'fully-implemented', assessedOn: '2026-02-01' },
      headers,
    });
    expect(second.statusCode).toBe(201);
    const detail = (await app.inject(`/api/upr/recommendations/${encodeURIComponent(id)}`)).json();
    expect(detail.assessments.map((a: { status: string }) => a.status)).toEqual(['partially-implemented', 'fully-implemented']);
    expect(detail.implementation.status).toBe('fully-implemented');
    const filtered = await search(app, 'implementation=fully-implemented');
    expect(filtered.items.map((r) => r.id)).toEqual([id]);
    expect(
      (await app.inject({ method: 'POST', url: '/api/upr/recommendations/nope/assessments', payload: assessment, headers })).statusCode,
    ).toBe(404);

    // Retracting the latest gives the earlier one back as the recommendation's status; the row stays, marked.
    const retraction = { reason: 'Entered against the wrong recommendation', documentSymbol: 'A/HRC/WG.6/48/SVN/1' };
    const retracted = await app.inject({
      method: 'POST',
      url: `/api/upr/assessments/${second.json().id}/retract`,
      payload: retraction,
      headers,
    });
    expect(retracted.statusCode).toBe(200);
    expect(retracted.json().retractedAt).not.toBeNull();
    const after = (await app.inject(`/api/upr/recommendations/${encodeURIComponent(id)}`)).json();
    expect(after.implementation.status).toBe('partially-implemented');
    expect(after.assessments).toHaveLength(2);
    expect(
      (await app.inject({ method: 'POST', url: `/api/upr/assessments/${second.json().id}/retract`, payload: retraction, headers }))
        .statusCode,
    ).toBe(409);

    // A correction changes the row in place; the audit log keeps what it was, with the reason and organisation.
    const corrected = await app.inject({
      method: 'PUT',
      url: `/api/upr/assessments/${first.json().id}`,
      payload: { ...assessment, status: 'not-implemented', reason: 'The submission says the budget line was refused' },
      headers,
    });
    expect(corrected.statusCode).toBe(200);
    const audit = await app.db.selectFrom('auditLog').selectAll().where('entity', '=', 'uprAssessment').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['insert', 'insert', 'retract', 'correct']);
    expect(audit.at(-1)).toMatchObject({
      organisation: 'National mechanism',
      reason: 'The submission says the budget line was refused',
      stateIso3: 'SVN',
    });
    expect(JSON.parse(audit.at(-1)!.before!).status).toBe('partially-implemented');
  });

  it('from two organisations are both kept and shown', async () => {
    const { app } = await setup({ seed: true });
    const nhri = await editorToken(app, ['upr-assessments'], { organisation: 'Ombudsman (NHRI)' });
    const ngo = await editorSession(app, { organisation: 'Coalition of NGOs' });
    const id = (await search(app, 'state=SVN&cycle=4&pageSize=1')).items[0]!.id;
    const url = `/api/upr/recommendations/${encodeURIComponent(id)}/assessments`;
    expect((await app.inject({ method: 'POST', url, payload: assessment, headers: nhri.headers })).statusCode).toBe(201);
    expect(
      (await app.inject({ method: 'POST', url, payload: { ...assessment, status: 'not-implemented' }, headers: ngo.headers })).statusCode,
    ).toBe(201);
    const detail = (await app.inject(`/api/upr/recommendations/${encodeURIComponent(id)}`)).json();
    expect(detail.assessments.map((a: { organisation: string; status: string }) => [a.organisation, a.status])).toEqual([
      ['Ombudsman (NHRI)', 'partially-implemented'],
      ['Coalition of NGOs', 'not-implemented'],
    ]);
  });
});
