import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AdvocacyProgressResponse } from '../src/schemas/advocacy-progress.js';
import { ErrorBody } from '../src/schemas/common.js';
import type { InstrumentStatusResponse } from '../src/schemas/instrument.js';
import type { State } from '../src/schemas/state.js';
import { setup } from './helper.js';

type App = Awaited<ReturnType<typeof setup>>['app'];
const get = async <T>(app: App, url: string): Promise<T> => {
  const res = await app.inject(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json() as T;
};
const UN_GROUPS = ['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-others'];
const PARTY = ['party', 'withdrawal-pending'];

describe('GET /api/advocacy/{instrument}/progress', () => {
  // Today's date in the tracker's data, and 2017-02-15, when Burundi's and South Africa's withdrawals were pending (124 States Parties).
  it.each(['2026-12-04', '2017-02-15'])(
    'Rome Statute on %s: the UN regional groups and the states in none add up to the status count',
    async (asOf) => {
      const { app } = await setup({ seed: true });
      const progress = await get<AdvocacyProgressResponse>(app, `/api/advocacy/rome-statute/progress?asOf=${asOf}`);
      const status = await get<InstrumentStatusResponse>(app, `/api/instruments/rome-statute/status?asOf=${asOf}`);
      const { states } = await get<{ states: State[] }>(app, '/api/states');
      const inNoGroup = new Set(states.filter((s) => s.unRegionalGroup === null).map((s) => s.iso3));
      const partiesInNoGroup = status.states.filter((s) => inNoGroup.has(s.iso3) && PARTY.includes(s.status)).length;
      const unGroups = progress.groups.filter((g) => g.kind === 'un-group');
      expect(unGroups.map((g) => g.id)).toEqual(UN_GROUPS);
      const sum = unGroups.reduce((n, g) => n + g.statesParties, 0);
      expect(sum + partiesInNoGroup).toBe(status.statesParties);
      expect(progress.statesParties).toBe(status.statesParties);
      // The M49 regions cover every state once, so they add up to the whole count too.
      const regions = progress.groups.filter((g) => g.kind === 'region');
      expect(regions.reduce((n, g) => n + g.members, 0)).toBe(states.length);
      expect(regions.reduce((n, g) => n + g.statesParties, 0)).toBe(status.statesParties);
    },
  );

  it('names the States whose withdrawal was pending among the States Parties of their group', async () => {
    const { app } = await setup({ seed: true });
    const progress = await get<AdvocacyProgressResponse>(app, '/api/advocacy/rome-statute/progress?asOf=2017-02-15');
    const african = progress.groups.find((g) => g.id === 'african')!;
    expect(african.byStatus['withdrawal-pending'].map((m) => m.iso3).sort()).toEqual(['BDI', 'ZAF']);
    expect(african.statesParties).toBe(african.byStatus.party.length + 2);
  });

  it("counts each group's members as GET /api/states does with the same filter, and its parties as the status endpoint does", async () => {
    const { app } = await setup({ seed: true });
    const asOf = '2026-12-04';
    const progress = await get<AdvocacyProgressResponse>(app, `/api/advocacy/rome-statute/progress?asOf=${asOf}`);
    expect(progress.groups.map((g) => g.kind)).toEqual([
      ...UN_GROUPS.map(() => 'un-group'),
      ...Array<string>(5).fill('region'),
      'ldc',
      'sids',
    ]);
    expect(progress.groups.filter((g) => g.kind === 'region').map((g) => g.label)).toEqual([
      'Africa',
      'Oceania',
      'Americas',
      'Asia',
      'Europe',
    ]);
    for (const group of progress.groups) {
      const query = new URLSearchParams(group.statesQuery).toString();
      const { states } = await get<{ states: State[] }>(app, `/api/states?${query}`);
      expect(group.members, group.id).toBe(states.length);
      const listed = Object.values(group.byStatus).flat();
      expect(listed.map((m) => m.iso3).sort(), group.id).toEqual(states.map((s) => s.iso3).sort());
      const status = await get<InstrumentStatusResponse>(app, `/api/instruments/rome-statute/status?asOf=${asOf}&${query}`);
      expect(group.statesParties, group.id).toBe(status.statesParties);
      expect(group.signatories, group.id).toBe(status.counts.signatory);
    }
  });

  it("ends each group's series on the count of asOf, and starts it on `from`", async () => {
    const { app } = await setup({ seed: true });
    for (const [instrument, asOf] of [
      ['rome-statute', '2026-12-04'],
      ['rome-statute', '2016-12-31'],
      ['opcat', '2020-06-30'],
    ] as const) {
      const progress = await get<AdvocacyProgressResponse>(app, `/api/advocacy/${instrument}/progress?asOf=${asOf}`);
      expect(progress.to).toBe(asOf);
      for (const group of progress.groups) {
        expect(group.series.at(-1)!.date <= asOf).toBe(true);
        expect(group.series.at(-1)!.statesParties, `${instrument} ${group.id}`).toBe(group.statesParties);
      }
    }
    const ranged = await get<AdvocacyProgressResponse>(
      app,
      '/api/advocacy/rome-statute/progress?asOf=2026-12-04&from=2002-07-01&to=2010-12-31',
    );
    const { statesParties: partiesEnd2010 } = await get<InstrumentStatusResponse>(
      app,
      '/api/instruments/rome-statute/status?asOf=2010-12-31',
    );
    expect(ranged.from).toBe('2002-07-01');
    expect(ranged.groups.every((g) => g.series[0]!.date === '2002-07-01')).toBe(true);
    expect(ranged.groups.filter((g) => g.kind === 'region').reduce((n, g) => n + g.series.at(-1)!.statesParties, 0)).toBe(partiesEnd2010);
    // Before the Statute was adopted nobody had joined: the default series starts at 0 on adoption.
    const whole = await get<AdvocacyProgressResponse>(app, '/api/advocacy/rome-statute/progress');
    expect(whole.from).toBe('1998-07-17');
    expect(whole.groups.every((g) => g.series[0]!.statesParties === 0)).toBe(true);
  });

  it('gives the same answer as CSV, one row per group, with a byte order mark on request', async () => {
    const { app } = await setup({ seed: true });
    const progress = await get<AdvocacyProgressResponse>(app, '/api/advocacy/rome-statute/progress?asOf=2026-12-04');
    const res = await app.inject('/api/advocacy/rome-statute/progress?asOf=2026-12-04&format=csv&bom=true');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(res.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(progress.groups.length);
    expect(rows.map((r) => r.groupId)).toEqual(progress.groups.map((g) => g.id));
    for (const [i, row] of rows.entries()) {
      const group = progress.groups[i]!;
      expect(Number(row.members)).toBe(group.members);
      expect(Number(row.statesParties)).toBe(group.statesParties);
      expect(row.statesPartiesMembers ? row.statesPartiesMembers.split(' ; ').length : 0).toBe(group.statesParties);
      expect(row.asOf).toBe('2026-12-04');
    }
  });

  it('answers 404 for an unknown instrument and 400 for bad dates or ranges', async () => {
    const { app } = await setup({ seed: true });
    const notFound = await app.inject('/api/advocacy/geneva-1949/progress');
    expect(notFound.statusCode).toBe(404);
    expect(ErrorBody.parse(notFound.json()).message).toContain('rome-statute');
    for (const query of [
      'asOf=2026-02-30',
      'from=yesterday',
      'to=2026-13-01',
      'from=2020-01-01&to=2019-12-31',
      'asOf=1990-01-01',
      'bom=yes',
    ]) {
      const res = await app.inject(`/api/advocacy/rome-statute/progress?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(ErrorBody.parse(res.json()).message.length, query).toBeGreaterThan(0);
    }
  });
});
