import { describe, expect, it } from 'vitest';
import type { CatReportingDetail } from '../src/schemas/cat-reporting.js';
import type { Instrument, InstrumentStatusResponse as InstrumentStatus } from '../src/schemas/instrument.js';
import { setup } from './helper.js';

type App = Awaited<ReturnType<typeof setup>>['app'];

const get = async <T>(app: App, url: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ url, headers });
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.json() as T, headers: res.headers };
};
const nameOf = (status: InstrumentStatus, iso3: string) => status.states.find((s) => s.iso3 === iso3)?.name;

describe('answers in the language asked for', () => {
  it('names States in the language of ?lang=, else of Accept-Language, else English; codes stay the same', async () => {
    const { app } = await setup({ seed: true });
    const url = '/api/instruments/rome-statute/status?asOf=2024-01-01';
    const en = await get<InstrumentStatus>(app, url);
    const fr = await get<InstrumentStatus>(app, `${url}&lang=fr`);
    const ar = await get<InstrumentStatus>(app, url, { 'accept-language': 'ar-TN,ar;q=0.9,fr;q=0.5' });
    const es = await get<InstrumentStatus>(app, `${url}&lang=es`, { 'accept-language': 'ar' });

    expect([nameOf(en.body, 'DEU'), nameOf(fr.body, 'DEU'), nameOf(ar.body, 'DEU'), nameOf(es.body, 'DEU')]).toEqual([
      'Germany',
      'Allemagne',
      'ألمانيا',
      'Alemania',
    ]);
    expect([en, fr, ar, es].map((r) => r.headers['content-language'])).toEqual(['en', 'fr', 'ar', 'es']);
    expect(String(fr.headers.vary)).toMatch(/accept-language/i);
    // Only words change: every State keeps its status, in the same order.
    const codes = (s: InstrumentStatus) => s.states.map((row) => `${row.iso3}:${row.status}`);
    expect(codes(fr.body)).toEqual(codes(en.body));
    expect(fr.body.counts).toEqual(en.body.counts);
  });

  it('keeps one cached answer per language', async () => {
    const { app } = await setup({ seed: true });
    const url = '/api/instruments/uncat/status?asOf=2020-06-30';
    const first = await get<InstrumentStatus>(app, `${url}&lang=fr`);
    const second = await get<InstrumentStatus>(app, url);
    const third = await get<InstrumentStatus>(app, `${url}&lang=fr`);
    expect(nameOf(first.body, 'TUN')).toBe('Tunisie');
    expect(nameOf(second.body, 'TUN')).toBe('Tunisia');
    expect(third.headers.etag).toBe(first.headers.etag);
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  it('gives official instrument titles where one is recorded in the language, and says when it keeps the English', async () => {
    const { app } = await setup({ seed: true });
    const { body } = await get<{ instruments: Instrument[] }>(app, '/api/instruments?lang=es');
    const byId = new Map(body.instruments.map((i) => [i.id, i]));
    expect(byId.get('rome-statute')).toMatchObject({
      name: 'Estatuto de Roma de la Corte Penal Internacional',
      shortName: 'Estatuto de Roma',
      titleLanguage: 'es',
    });
    expect(byId.get('uncat')).toMatchObject({ shortName: 'Convención contra la Tortura', titleLanguage: 'es' });
    // No Spanish title of the 2017 amendment was found: the English stays, marked as English.
    const english = (await get<{ instruments: Instrument[] }>(app, '/api/instruments')).body.instruments.find(
      (i) => i.id === 'rs-art8-2017-lasers',
    )!;
    expect(byId.get('rs-art8-2017-lasers')).toMatchObject({ name: english.name, titleLanguage: 'en' });
    expect(english.titleLanguage).toBe('en');
  });

  it("words CAT reporting's explanations from the language's catalogue", async () => {
    const { app } = await setup({ seed: true });
    const url = '/api/cat-reporting/ALB?asOf=2026-04-22';
    const en = (await get<CatReportingDetail>(app, url)).body;
    const fr = (await get<CatReportingDetail>(app, `${url}&lang=fr`)).body;
    const ar = (await get<CatReportingDetail>(app, `${url}&lang=ar`)).body;
    expect(en.summary.name).toBe('Albania');
    expect(fr.summary.name).toBe('Albanie');
    expect(en.reports[0]!.label).toBe('initial');
    expect(fr.reports[0]!.label).toBe('initial');
    expect(en.reports[0]!.due.rule).toMatch(/^UNCAT art\. 19\(1\)/);
    expect(fr.reports[0]!.due.rule).toMatch(/^Convention contre la torture, art\. 19/);
    expect(ar.reports[0]!.due.rule).toMatch(/اتفاقية مناهضة التعذيب/);
    expect(fr.summary.situation).toBe(en.summary.situation);
    expect(fr.summary.situationBasis).not.toBe(en.summary.situationBasis);
  });

  it.each([
    ['?lang=de', 'lang must be one of en, fr, es, ar'],
    ['?lang=', 'lang must be one of en, fr, es, ar'],
    ['?lang=fr&lang=es', 'lang is given more than once'],
  ])('refuses %s with a 400 that says what is wrong', async (query, message) => {
    const { app } = await setup({ seed: true });
    const res = await app.inject(`/api/instruments${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
  });

  it('documents lang and Accept-Language on every operation', async () => {
    const { app } = await setup({ seed: true });
    const doc = (await app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops));
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) {
      expect(op.parameters?.some((p) => p.in === 'query' && p.name === 'lang')).toBe(true);
      expect(op.parameters?.some((p) => p.in === 'header' && p.name === 'Accept-Language')).toBe(true);
    }
  });
});
