import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AdvocacyResponse } from '../src/schemas/advocacy.js';
import type { InstrumentStatusResponse } from '../src/schemas/instrument.js';
import type { UprSearchResponse } from '../src/schemas/upr.js';
import { setup } from './helper.js';

type App = Awaited<ReturnType<typeof setup>>['app'];
const get = async <T>(app: App, url: string): Promise<T> => {
  const res = await app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json() as T;
};
const codes = (r: AdvocacyResponse) => r.states.map((s) => s.iso3);
const NOT_JOINED = ['signatory', 'withdrawal-pending', 'withdrawn', 'signature-withdrawn', 'no-action'];

describe('GET /api/advocacy/{instrument}', () => {
  it('lists exactly the States that have not joined the Rome Statute on the date, never a party', async () => {
    const { app } = await setup({ seed: true });
    const asOf = '2026-12-04';
    const advocacy = await get<AdvocacyResponse>(app, `/api/advocacy/rome-statute?asOf=${asOf}`);
    const status = await get<InstrumentStatusResponse>(app, `/api/instruments/rome-statute/status?asOf=${asOf}`);
    const expected = status.states.filter((s) => NOT_JOINED.includes(s.status)).map((s) => s.iso3);
    expect(codes(advocacy).sort()).toEqual(expected.sort());
    expect(advocacy.counts.listed).toBe(expected.length);
    // Slovenia has been a State Party since 2002: it must not appear.
    expect(codes(advocacy)).not.toContain('SVN');
    for (const row of advocacy.states) expect(status.states.find((s) => s.iso3 === row.iso3)?.status).toBe(row.status);
  });

  it('gives a signatory its signature date and the recommendations to ratify it received, with wording, recommending States, response and source', async () => {
    const { app } = await setup({ seed: true });
    const advocacy = await get<AdvocacyResponse>(app, '/api/advocacy/rome-statute?state=jam&recommendations=true');
    expect(codes(advocacy)).toEqual(['JAM']);
    // Jamaica signed the Statute on 8 September 2000 and has not ratified it.
    const jamaica = advocacy.states.find((s) => s.iso3 === 'JAM')!;
    const recommendations = jamaica.upr.recommendations!;
    expect(jamaica.status).toBe('signatory');
    expect(jamaica.signature?.date).toBe('2000-09-08');
    expect(jamaica.upr.received).toBeGreaterThan(0);
    expect(recommendations).toHaveLength(jamaica.upr.received);
    // By cycle: the counts add up, and each cycle's count is its recommendations'.
    expect(jamaica.upr.byCycle.reduce((n, c) => n + c.received, 0)).toBe(jamaica.upr.received);
    for (const c of jamaica.upr.byCycle) expect(c.received).toBe(recommendations.filter((r) => r.cycle === c.cycle).length);
    for (const r of recommendations) {
      expect(r.text).toMatch(/Rome Statute|International Criminal Court|ICC/i);
      expect(r.recommendingStates.length).toBeGreaterThan(0);
      expect(advocacy.sources.map((s) => s.id)).toContain(r.sourceId);
    }
    // The same count the UPR search gives for the same question.
    const search = await get<UprSearchResponse>(
      app,
      '/api/upr/recommendations?state=JAM&instrument=rome-statute&action=ratify-accede&pageSize=1',
    );
    expect(jamaica.upr.received).toBe(search.total);
    // Reviews the data holds no recommendations from are named, so that a count is never read as complete.
    expect(jamaica.upr.reviewsNotRecorded.length).toBeGreaterThan(0);
    for (const review of jamaica.upr.reviewsNotRecorded) {
      const held = await get<UprSearchResponse>(app, `/api/upr/recommendations?state=JAM&session=${review.session}&pageSize=1`);
      expect(held.total, `session ${review.session}`).toBe(0);
      expect(advocacy.uprSessionsRecorded).not.toContain(review.session);
    }
    expect(advocacy.uprSessionsRecorded).toEqual(expect.arrayContaining(jamaica.upr.byCycle.length ? [recommendations[0]!.session] : []));
    // Without `recommendations=true` the list gives the counts, not the recommendations.
    const light = await get<AdvocacyResponse>(app, '/api/advocacy/rome-statute');
    const lightJamaica = light.states.find((s) => s.iso3 === 'JAM')!;
    expect(lightJamaica.upr.recommendations).toBeNull();
    expect(lightJamaica.upr).toMatchObject({
      received: jamaica.upr.received,
      supported: jamaica.upr.supported,
      byCycle: jamaica.upr.byCycle,
    });
    // A State that has joined is not in the list, even when asked for.
    expect((await get<AdvocacyResponse>(app, '/api/advocacy/rome-statute?state=SVN')).states).toEqual([]);
    expect(jamaica.related.map((r) => r.instrumentId)).toEqual(expect.arrayContaining(['apic', 'rs-aggression-2010']));
  });

  it('puts a State that supported an OPCAT recommendation and is still not a party in "supported but not joined"', async () => {
    const { app } = await setup({ seed: true });
    const opcat = await get<AdvocacyResponse>(app, '/api/advocacy/opcat');
    const supported = await get<UprSearchResponse>(
      app,
      '/api/upr/recommendations?state=AGO&instrument=opcat&action=ratify-accede&response=supported&pageSize=1',
    );
    expect(supported.total).toBeGreaterThan(0);
    // Angola signed OPCAT in 2013 and has not ratified it.
    const angola = opcat.supportedNotJoined.find((s) => s.iso3 === 'AGO')!;
    expect(angola).toMatchObject({ status: 'signatory', supported: supported.total });
    expect(angola.yearsSinceFirstSupported).toBeGreaterThanOrEqual(10);
    // Everyone in the headline list is listed, not joined, and supported at least once.
    for (const s of opcat.supportedNotJoined) expect(opcat.states.find((r) => r.iso3 === s.iso3)?.upr.supported).toBeGreaterThan(0);
    expect(opcat.supportedNotJoined).toHaveLength(opcat.counts.supportedRecommendation);
    // For the torture instruments: the CAT situation, and the status on UNCAT.
    const row = opcat.states.find((s) => s.iso3 === 'AGO')!;
    expect(row.cat?.situation).toBeDefined();
    expect(row.related).toEqual([{ instrumentId: 'uncat', status: 'party' }]);
  });

  it('answers "which LDCs or SIDS signed but have not ratified the Rome Statute, and which supported a recommendation to ratify it" in one request', async () => {
    const { app } = await setup({ seed: true });
    const base = '/api/advocacy/rome-statute?status=signatory';
    const either = await get<AdvocacyResponse>(app, `${base}&ldc=true&sids=true&combine=any`);
    const ldc = await get<AdvocacyResponse>(app, `${base}&ldc=true`);
    const sids = await get<AdvocacyResponse>(app, `${base}&sids=true`);
    expect(codes(either).sort()).toEqual([...new Set([...codes(ldc), ...codes(sids)])].sort());
    for (const s of either.states) expect(s.status).toBe('signatory');
    const both = await get<AdvocacyResponse>(app, `${base}&ldc=true&sids=true`);
    for (const s of both.states) expect(s.ldc === 'ldc' && s.sids).toBe(true);
    const promised = await get<AdvocacyResponse>(app, `${base}&ldc=true&sids=true&combine=any&supported=true`);
    expect(codes(promised).sort()).toEqual(
      either.states
        .filter((s) => s.upr.supported > 0)
        .map((s) => s.iso3)
        .sort(),
    );
    expect(codes(promised)).toContain('JAM');
    // Repeated and comma-separated statuses are the same question.
    const repeated = await get<AdvocacyResponse>(app, '/api/advocacy/rome-statute?status=signatory&status=withdrawn');
    const comma = await get<AdvocacyResponse>(app, '/api/advocacy/rome-statute?status=signatory,withdrawn');
    expect(codes(repeated)).toEqual(codes(comma));
    expect(new Set(repeated.states.map((s) => s.status))).toEqual(new Set(['signatory', 'withdrawn']));
  });

  it('lists withdrawals: Burundi and the Philippines withdrew, Hungary is withdrawing', async () => {
    const { app } = await setup({ seed: true });
    const advocacy = await get<AdvocacyResponse>(app, '/api/advocacy/rome-statute?asOf=2026-01-01');
    const statusOf = (iso3: string) => advocacy.states.find((s) => s.iso3 === iso3);
    expect(statusOf('BDI')).toMatchObject({ status: 'withdrawn', withdrawal: { effective: '2017-10-27' } });
    expect(statusOf('PHL')).toMatchObject({ status: 'withdrawn', withdrawal: { effective: '2019-03-17' } });
    expect(statusOf('HUN')?.status).toBe('withdrawal-pending');
  });

  it('on a past date lists those not yet joined then, and counts only the recommendations made by then', async () => {
    const { app } = await setup({ seed: true });
    const then = await get<AdvocacyResponse>(app, '/api/advocacy/rome-statute?asOf=2005-01-01');
    // Japan acceded in 2007.
    expect(codes(then)).toContain('JPN');
    for (const s of then.states) expect(s.upr.received).toBe(0);
    const later = await get<AdvocacyResponse>(app, '/api/advocacy/opcat?asOf=2012-01-01&recommendations=true');
    for (const s of later.states) for (const r of s.upr.recommendations!) expect(r.year! <= 2012).toBe(true);
  });

  it('lists the advocacy windows: the next review within the months asked, by date, and filters by them', async () => {
    const { app } = await setup({ seed: true });
    const asOf = '2025-06-01';
    const opcat = await get<AdvocacyResponse>(app, `/api/advocacy/opcat?asOf=${asOf}&windowMonths=12`);
    expect(opcat.windows.until).toBe('2026-06-01');
    expect(opcat.windows.states.length).toBeGreaterThan(0);
    const dates = opcat.windows.states.map((w) => w.date);
    expect(dates).toEqual([...dates].sort());
    for (const d of dates) expect(d > asOf && d <= '2026-06-01').toBe(true);
    // A CAT dialogue counts for the torture instruments.
    expect(opcat.windows.states.map((w) => w.kind)).toContain('cat-dialogue');
    const within = await get<AdvocacyResponse>(app, `/api/advocacy/opcat?asOf=${asOf}&reviewWithin=12`);
    expect(codes(within).sort()).toEqual(opcat.windows.states.map((w) => w.iso3).sort());
    // The Rome Statute has no CAT dialogues.
    const rome = await get<AdvocacyResponse>(app, `/api/advocacy/rome-statute?asOf=${asOf}`);
    expect(rome.windows.states.every((w) => w.kind === 'upr-review')).toBe(true);
    expect(rome.states.every((s) => s.cat === null)).toBe(true);
  });

  it('gives exactly the filtered list as CSV, with the UPR columns and the sources', async () => {
    const { app } = await setup({ seed: true });
    const query = 'status=signatory&ldc=true&sids=true&combine=any';
    const json = await get<AdvocacyResponse>(app, `/api/advocacy/rome-statute?${query}`);
    const res = await app.inject(`/api/advocacy/rome-statute?${query}&format=csv`);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.iso3)).toEqual(codes(json));
    const jamaica = rows.find((r) => r.iso3 === 'JAM')!;
    const row = json.states.find((s) => s.iso3 === 'JAM')!;
    expect(Number(jamaica.uprRecommendationsReceived)).toBe(row.upr.received);
    expect(Number(jamaica.uprSupported)).toBe(row.upr.supported);
    expect(jamaica.sources).toContain('as of');
    expect(jamaica.uprByCycle).toMatch(/^cycle \d: \d+ received/);
  });

  it('refuses what it cannot answer, saying why', async () => {
    const { app } = await setup({ seed: true });
    const cases: [string, number, RegExp][] = [
      ['/api/advocacy/nato', 404, /No instrument "nato"/],
      ['/api/advocacy/rome-statute?status=party', 400, /have not joined/],
      ['/api/advocacy/rome-statute?status=ratified', 400, /status/],
      ['/api/advocacy/rome-statute?combine=either', 400, /combine/],
      ['/api/advocacy/rome-statute?reviewWithin=0', 400, /reviewWithin/],
      ['/api/advocacy/rome-statute?asOf=2026-02-30', 400, /asOf/],
      ['/api/advocacy/rome-statute?region=999', 400, /Unknown M49 region/],
      ['/api/advocacy/rome-statute?supported=yes', 400, /supported/],
      ['/api/advocacy/rome-statute?state=JA', 400, /ISO 3166-1 alpha-3/],
      ['/api/advocacy/rome-statute?recommendations=1', 400, /recommendations/],
    ];
    for (const [url, code, message] of cases) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(code);
      expect(res.json().message, url).toMatch(message);
    }
  });

  it("lists every instrument, an amendment with each State's status on the Statute", async () => {
    const { app } = await setup({ seed: true });
    const aggression = await get<AdvocacyResponse>(app, '/api/advocacy/rs-aggression-2010');
    const status = await get<InstrumentStatusResponse>(app, '/api/instruments/rome-statute/status');
    const onStatute = new Map(status.states.map((s) => [s.iso3, s.status]));
    for (const s of aggression.states) expect(s.related).toEqual([{ instrumentId: 'rome-statute', status: onStatute.get(s.iso3) }]);
    // A list is only as complete as the participation data: the known gaps travel with it.
    const fragments = await get<AdvocacyResponse>(app, '/api/advocacy/rs-art8-2017-fragments');
    const instrument = (await app.inject('/api/instruments/rs-art8-2017-fragments')).json() as { completenessNote: string };
    expect(fragments.completenessNote).toBe(instrument.completenessNote);
    expect(fragments.completenessNote.length).toBeGreaterThan(0);
    // Not a party to the Statute at all, and so not able to join the amendment as such: the United States.
    expect(aggression.states.find((s) => s.iso3 === 'USA')?.related[0]?.status).not.toBe('party');
  });

  it('answers for the latest date a reader may ask, its windows ending on that date', async () => {
    const { app } = await setup({ seed: true });
    for (const instrument of ['rome-statute', 'rs-art8-2017-fragments', 'opcat']) {
      const res = await app.inject(`/api/advocacy/${instrument}?asOf=9999-12-31`);
      expect(res.statusCode, `${instrument}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.json<AdvocacyResponse>().asOf).toBe('9999-12-31');
    }
  });
});
