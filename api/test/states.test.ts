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
