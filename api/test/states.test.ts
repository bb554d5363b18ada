import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../src/schemas/common.js';
import { setup } from './helper.js';

describe('GET /api/states', () => {
  it('lists the 193 UN members, the two observer states, the Cook Islands and Niue', async () => {
    const { app } = await setup({ seed: true });
    const { states } = (await app.inject('/api/states')).json() as { states: { iso3: string; membership: string }[] };
    expect(states).toHaveLength(197);
    expect(states.filter((s) => s.membership === 'un-member')).toHaveLength(193);
    expect(states.map((s) => s.iso3)).toEqual(expect.arrayContaining(['PSE', 'VAT', 'COK', 'NIU']));
  });

  it.each([
    ['sids=true', 'TUV', 'FRA'],
    ['ldc=true', 'AFG', 'BWA'],
    ['group=eastern-european', 'UKR', 'DEU'],
    ['region=142', 'JPN', 'BRA'],
  ])('filters with %s (keeps %s, drops %s)', async (query, kept, dropped) => {
    const { app } = await setup({ seed: true });
    const { states } = (await app.inject(`/api/states?${query}`)).json() as { states: { iso3: string }[] };
    const codes = states.map((s) => s.iso3);
    expect(codes).toContain(kept);
    expect(codes).not.toContain(dropped);
  });

  it('gives CSV with names in the four languages', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/states?format=csv');
    expect(res.body.split('\r\n')[0]).toContain('nameEn,nameFr,nameEs,nameAr');
  });

  it('keeps the CSV header when the filters select no state', async () => {
    const { app } = await setup({ seed: true });
    const json = (await app.inject('/api/states?sids=true&group=eastern-european')).json();
    expect(json.states).toHaveLength(0);
    const res = await app.inject('/api/states?sids=true&group=eastern-european&format=csv');
    expect(res.body.trim()).toBe(
      'iso3,iso2,nameEn,nameFr,nameEs,nameAr,membership,region,subRegion,unRegionalGroup,ldc,ldcGraduatedOn,sids,odaRecipient,odaIncomeGroup,sources',
    );
  });
});

describe('GET /api/states?instrument=…&status=…', () => {
  type Listed = { states: { iso3: string; ldc: { status: string }; sids: boolean }[] };
  it('lists the states with that status, as many as the status list counts', async () => {
    const { app } = await setup({ seed: true });
    const listed = (await app.inject('/api/states?instrument=rome-statute&status=party&asOf=2026-02-03')).json() as Listed;
    const status = (await app.inject('/api/instruments/rome-statute/status?asOf=2026-02-03')).json() as {
      counts: Record<string, number>;
      states: { iso3: string; status: string }[];
    };
    expect(listed.states.length).toBeGreaterThan(100);
    expect(listed.states).toHaveLength(status.counts.party!);
    const parties = status.states.filter((s) => s.status === 'party').map((s) => s.iso3);
    expect(listed.states.map((s) => s.iso3).sort()).toEqual(parties.sort());
  });

  it('combines the status with the group filters, repeated or comma-separated', async () => {
    const { app } = await setup({ seed: true });
    const get = async (query: string) =>
      ((await app.inject(`/api/states?instrument=rome-statute&asOf=2026-02-03&${query}`)).json() as Listed).states.map((s) => s.iso3);
    const either = await get('status=signatory&status=no-action&ldc=true&sids=true&combine=any');
    expect(either.length).toBeGreaterThan(0);
    expect(await get('status=signatory,no-action&ldc=true&sids=true&combine=any')).toEqual(either);
    const union = new Set([...(await get('status=signatory,no-action&ldc=true')), ...(await get('status=signatory,no-action&sids=true'))]);
    expect(new Set(either)).toEqual(union);
  });

  it('answers 400 for a status without an instrument, or an unknown status', async () => {
    const { app } = await setup({ seed: true });
    const alone = await app.inject('/api/states?status=party');
    expect(alone.statusCode).toBe(400);
    expect(alone.json().message).toContain('"instrument"');
    const unknown = await app.inject('/api/states?instrument=rome-statute&status=member');
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('member');
  });
});

describe('GET /api/states/{iso3}', () => {
  it('gives the state, its status on all 11 instruments and every event with its source', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/states/ukr?asOf=2025-06-01');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.state.iso3).toBe('UKR');
    expect(body.instruments).toHaveLength(11);
    expect(body.instruments.find((i: { instrumentId: string }) => i.instrumentId === 'rome-statute').status).toBe('party');
    for (const event of body.events) expect(event.source.title).toBeTruthy();
  });

  it('answers 404 for a code no state has, 400 for a malformed one', async () => {
    const { app } = await setup({ seed: true });
    const missing = await app.inject('/api/states/XYZ');
    expect(missing.statusCode).toBe(404);
    expect(ErrorBody.parse(missing.json()).message).toContain('XYZ');
    expect((await app.inject('/api/states/UK')).statusCode).toBe(400);
  });
});
