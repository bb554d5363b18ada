import { describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS } from '../src/domain/types.js';
import { ErrorBody } from '../src/schemas/common.js';
import { setup } from './helper.js';

type StatusBody = {
  asOf: string;
  counts: Record<string, number>;
  states: {
    iso3: string;
    status: string;
    entryIntoForce: { date: string; computed: boolean } | null;
    withdrawal: { effective: string | null } | null;
    sourceIds: string[];
    unconfirmedReports: string[];
  }[];
  sources: { id: string; asOf: string | null }[];
};

const statusOf = async (app: Awaited<ReturnType<typeof setup>>['app'], path: string) => {
  const res = await app.inject(path);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatusBody;
};
const stateIn = (body: StatusBody, iso3: string) => body.states.find((s) => s.iso3 === iso3)!;

describe('GET /api/instruments', () => {
  it('lists the 11 instruments under their public ids, each with sources and as-of date', async () => {
    const { app } = await setup({ seed: true });
    const { instruments } = (await app.inject('/api/instruments')).json() as {
      instruments: { id: string; dataAsOf: string; sources: unknown[] }[];
    };
    expect(instruments.map((i) => i.id).sort()).toEqual([...INSTRUMENT_IDS].sort());
    for (const i of instruments) {
      expect(i.sources.length).toBeGreaterThan(0);
      expect(i.dataAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('GET /api/instruments/{id}', () => {
  it('gives the amendment its parent and the counts its sources publish', async () => {
    const { app } = await setup({ seed: true });
    const body = (await app.inject('/api/instruments/rs-aggression-2010')).json();
    expect(body).toMatchObject({ id: 'rs-aggression-2010', parentId: 'rome-statute', untcReference: 'XVIII-10-b' });
    expect(body.publishedCounts.some((c: { value: number; asOf: string }) => c.value === 39 && c.asOf === '2019-11-27')).toBe(true);
  });

  it('answers 404 with the known ids for an instrument it does not track', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/instruments/paris-agreement');
    expect(res.statusCode).toBe(404);
    expect(ErrorBody.parse(res.json()).message).toContain('rome-statute');
  });

  it('answers 400 for a malformed id', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/instruments/Rome%20Statute');
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).details?.[0]?.path).toBe('params.id');
  });
});

describe('GET /api/instruments/{id}/status: counts equal the depositary figures', () => {
  // Every count the depositary itself published with a date (UNTC status pages and MTDSG
  // copies), read from the bundled data, against the engine's count on that date. UNTC's
  // "Parties" counts every state whose consent is deposited (in force or not, withdrawal pending
  // or not); its "Signatories" counts every state that signed.
  it('matches every dated UNTC count in data/seed/counts.json', async () => {
    const { app, db } = await setup({ seed: true });
    const counts = await db
      .selectFrom('publishedCount')
      .innerJoin('source', 'source.id', 'publishedCount.sourceId')
      .select(['publishedCount.instrumentId', 'measure', 'value', 'publishedCount.asOf'])
      .where('source.publisher', 'like', 'United Nations Treaty Collection%')
      .where('publishedCount.asOf', 'is not', null)
      .execute();
    expect(counts.length).toBeGreaterThanOrEqual(10);
    for (const c of counts) {
      const body = await statusOf(app, `/api/instruments/${c.instrumentId}/status?asOf=${c.asOf}`);
      const consented = body.counts['party']! + body.counts['party-not-in-force']! + body.counts['withdrawal-pending']!;
      const everSigned = body.states.filter((s) => s.status !== 'no-action' && (s as { signature?: unknown }).signature).length;
      const ours = c.measure === 'parties' ? consented : everSigned;
      expect(ours, `${c.instrumentId} ${c.measure} on ${c.asOf}`).toBe(c.value);
    }
  });

  it.each([
    ['opcat', '2026-02-03', 96],
    ['uncat', '2026-02-03', 175],
    ['rome-statute', '2014-01-27', 122],
    ['apic', '2013-07-06', 72],
  ])('%s has %s parties on %s', async (id, asOf, parties) => {
    const { app } = await setup({ seed: true });
    const body = await statusOf(app, `/api/instruments/${id}/status?asOf=${asOf}`);
    expect(body.counts['party']! + body.counts['party-not-in-force']! + body.counts['withdrawal-pending']!).toBe(parties);
  });
});

describe('GET /api/instruments/{id}/status: real cases', () => {
  it('shows Burundi pending withdrawal the day before 27 Oct 2017 and withdrawn on it', async () => {
    const { app } = await setup({ seed: true });
    expect(stateIn(await statusOf(app, '/api/instruments/rome-statute/status?asOf=2017-10-26'), 'BDI').status).toBe('withdrawal-pending');
    expect(stateIn(await statusOf(app, '/api/instruments/rome-statute/status?asOf=2017-10-27'), 'BDI').status).toBe('withdrawn');
  });

  it('has Ukraine bound from 1 Jan 2025 after its deposit of 25 Oct 2024', async () => {
    const { app } = await setup({ seed: true });
    expect(stateIn(await statusOf(app, '/api/instruments/rome-statute/status?asOf=2024-12-31'), 'UKR').status).toBe('party-not-in-force');
    const ukr = stateIn(await statusOf(app, '/api/instruments/rome-statute/status?asOf=2025-01-01'), 'UKR');
    expect(ukr.status).toBe('party');
    expect(ukr.entryIntoForce?.date).toBe('2025-01-01');
  });

  it('never applies an unverified report, and lists it with the state', async () => {
    const { app } = await setup({ seed: true });
    // Nauru: a single unverified claim of a withdrawal notification on 2026-09-23.
    const nru = stateIn(await statusOf(app, '/api/instruments/rome-statute/status?asOf=2026-11-01'), 'NRU');
    expect(nru.status).toBe('party');
    expect(nru.unconfirmedReports.length).toBe(1);
  });

  it('keeps the art. 124 deletion out of force: acceptances fall short of 7/8 of the parties', async () => {
    const { app } = await setup({ seed: true });
    const body = await statusOf(app, '/api/instruments/rs-art124-2015/status?asOf=2026-01-01');
    expect(body.counts['party']).toBe(0);
    expect(body.counts['party-not-in-force']).toBeGreaterThan(0);
  });

  it('cites every source behind the rows, with its as-of date', async () => {
    const { app } = await setup({ seed: true });
    const body = await statusOf(app, '/api/instruments/uncat/status?asOf=2026-02-03');
    const cited = new Set(body.states.flatMap((s) => s.sourceIds));
    expect(new Set(body.sources.map((s) => s.id))).toEqual(cited);
    expect(body.sources.find((s) => s.id === 'untc-iv-9-2026-02-03')?.asOf).toBe('2026-02-03');
  });
});

describe('GET /api/instruments/{id}/status: filters, formats and caching', () => {
  it('restricts rows and counts to the filtered states', async () => {
    const { app } = await setup({ seed: true });
    const all = await statusOf(app, '/api/instruments/opcat/status?asOf=2026-02-03');
    const african = await statusOf(app, '/api/instruments/opcat/status?asOf=2026-02-03&group=african');
    const total = (b: StatusBody) => Object.values(b.counts).reduce((a, n) => a + n, 0);
    expect(total(african)).toBe(african.states.length);
    expect(african.states.length).toBeLessThan(all.states.length);
    expect(african.states.map((s) => s.iso3)).toContain('NGA');
    expect(african.states.map((s) => s.iso3)).not.toContain('FRA');
  });

  it.each([
    ['asOf=2026-02-30', 'querystring.asOf'],
    ['asOf=yesterday', 'querystring.asOf'],
    ['group=nordic', 'querystring.group'],
    ['ldc=yes', 'querystring.ldc'],
    ['region=europe', 'querystring.region'],
  ])('rejects %s with a 400 naming the parameter', async (query, path) => {
    const { app } = await setup({ seed: true });
    const res = await app.inject(`/api/instruments/uncat/status?${query}`);
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).details?.map((d) => d.path)).toContain(path);
  });

  it('keeps the states with one of several statuses, in the LDCs or the SIDS (combine=any)', async () => {
    const { app } = await setup({ seed: true });
    const base = '/api/instruments/rome-statute/status?asOf=2026-02-03';
    const either = await statusOf(app, `${base}&status=signatory&ldc=true&sids=true&combine=any`);
    const ldcs = await statusOf(app, `${base}&status=signatory&ldc=true`);
    const sids = await statusOf(app, `${base}&status=signatory&sids=true`);
    const both = await statusOf(app, `${base}&status=signatory&ldc=true&sids=true`);
    const codes = (b: StatusBody) => b.states.map((s) => s.iso3).sort();
    expect(either.states.length).toBeGreaterThan(0);
    expect(either.states.every((s) => s.status === 'signatory')).toBe(true);
    expect(codes(either)).toEqual([...new Set([...codes(ldcs), ...codes(sids)])].sort());
    // "any" is the union, not the intersection "all" gives.
    expect(codes(both).length).toBeLessThan(codes(either).length);
    expect(either.counts).toMatchObject({ signatory: either.states.length, party: 0, 'no-action': 0 });
    const everySignatory = await statusOf(app, `${base}&status=signatory`);
    expect(either.states.length).toBeLessThan(everySignatory.states.length);
  });

  it('reads several statuses comma-separated or repeated, as checkboxes send them', async () => {
    const { app } = await setup({ seed: true });
    const base = '/api/instruments/opcat/status?asOf=2026-02-03&group=african';
    const repeated = await statusOf(app, `${base}&status=signatory&status=no-action`);
    const comma = await statusOf(app, `${base}&status=signatory,no-action`);
    expect(repeated).toEqual(comma);
    const all = await statusOf(app, base);
    const expected = all.states.filter((s) => s.status === 'signatory' || s.status === 'no-action').map((s) => s.iso3);
    expect(repeated.states.map((s) => s.iso3)).toEqual(expected);
    expect(new Set(repeated.states.map((s) => s.status))).toEqual(new Set(['signatory', 'no-action']));
    expect((repeated.counts.signatory ?? 0) + (repeated.counts['no-action'] ?? 0)).toBe(repeated.states.length);
    const csv = await app.inject(`${base}&status=signatory&status=no-action&format=csv`);
    expect(csv.body.trim().split('\r\n').slice(1)).toHaveLength(expected.length);
  });

  it('rejects an unknown status with a 400 naming it', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/instruments/opcat/status?status=signatory&status=ratified');
    expect(res.statusCode).toBe(400);
    const body = ErrorBody.parse(res.json());
    expect(body.details).toHaveLength(1);
    expect(body.details?.[0]?.path).toMatch(/^querystring\.status/);
    expect(body.details?.[0]?.message).toContain('"ratified"');
  });

  it('rejects an M49 code no state has', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/instruments/uncat/status?region=999');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('999');
  });

  it('gives CSV with the as-of date and the sources in the columns', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/instruments/opcat/status?asOf=2026-02-03&format=csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...lines] = res.body.trim().split('\r\n');
    expect(header).toBe(
      'instrument,asOf,dataAsOf,iso3,name,status,since,signature,consent,consentKind,entryIntoForce,entryIntoForceComputed,withdrawalNotified,withdrawalEffective,uncertain,sources,sincePrecision,successionEffective,jurisdictionFrom,jurisdictionSource,withdrawalsRevoked,uncertainReports',
    );
    expect(lines).toHaveLength(197);
    const colombia = lines.find((l) => l.includes(',COL,'));
    expect(colombia).toContain('2025-11-10');
    expect(colombia).toContain('treaties.un.org');
    expect(colombia).toContain('(as of 2026-02-03)');
  });

  it('sends an ETag and Cache-Control, and answers 304 when the client has it', async () => {
    const { app } = await setup({ seed: true });
    const first = await app.inject('/api/instruments/opcat/status?asOf=2026-02-03');
    expect(first.headers['cache-control']).toContain('max-age');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await app.inject({ url: '/api/instruments/opcat/status?asOf=2026-02-03', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });
});

describe('GET /api/instruments/{id}/timeline', () => {
  it('counts parties over time, with the withdrawals and entries into force as dated changes', async () => {
    const { app } = await setup({ seed: true });
    const body = (await app.inject('/api/instruments/rome-statute/timeline?to=2025-01-01')).json() as {
      points: { date: string; parties: number; change: { iso3: string; to: string }[] }[];
    };
    const on = (date: string) => body.points.find((p) => p.date === date);
    expect(on('2017-10-27')?.change).toContainEqual(expect.objectContaining({ iso3: 'BDI', to: 'withdrawn' }));
    expect(on('2025-01-01')?.change).toContainEqual(expect.objectContaining({ iso3: 'UKR', to: 'party' }));
    const dates = body.points.map((p) => p.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('rejects a range that ends before it starts', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/instruments/uncat/timeline?from=2020-01-01&to=2019-01-01');
    expect(res.statusCode).toBe(400);
  });
});
