import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { readDataset } from '../src/db/seed.js';
import { CHANGE_KINDS } from '../src/domain/vocabulary.js';
import type { ChangesResponse } from '../src/schemas/changes.js';
import { changeKindOf, xmlText } from '../src/services/changes.service.js';
import { setup } from './helper.js';

// Expected numbers come from the seed files the database was seeded from, not from the feed.
const data = readDataset(loadConfig({}).seedDir);
const seeded = {
  events: data.events.length,
  catReports: data.cat.reports.length,
  uprReviews: data.upr.reviews.length,
};

type App = Awaited<ReturnType<typeof setup>>['app'];
const get = async (app: App, query: string) => {
  const res = await app.inject({ url: `/api/changes${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ChangesResponse>();
};
/** Every change matching `query`, page by page (500 per page). */
async function all(app: App, query: string) {
  const out: ChangesResponse['changes'] = [];
  let before: number | null = null;
  do {
    const page: ChangesResponse = await get(app, `${query}${query ? '&' : '?'}limit=500${before ? `&before=${before}` : ''}`);
    out.push(...page.changes);
    before = page.nextBefore;
  } while (before !== null);
  return out;
}

describe('the seed’s entries in the change feed', () => {
  it('has one entry per participation event, CAT report and UPR review, and nothing of the other kinds', async () => {
    const { app } = await setup({ seed: true });
    const totals = Object.fromEntries(
      await Promise.all(CHANGE_KINDS.map(async (kind) => [kind, (await get(app, `?kind=${kind}&limit=1`)).total] as const)),
    );
    expect(totals).toEqual({
      'participation-event': seeded.events,
      'cat-reporting': seeded.catReports,
      'upr-assessment': 0,
      'upr-dataset': seeded.uprReviews,
      source: 0,
      review: 0,
    });
    expect((await get(app, '?limit=1')).total).toBe(seeded.events + seeded.catReports + seeded.uprReviews);
  });

  it('records each seeded event with its source, instrument and State, and each review with its number of recommendations', async () => {
    const { app } = await setup({ seed: true });
    const events = await all(app, '?kind=participation-event');
    expect(events).toHaveLength(seeded.events);
    expect(new Set(events.map((c) => c.entityId))).toEqual(new Set(data.events.map((e) => e.id)));
    const first = data.events[0]!;
    const change = events.find((c) => c.entityId === first.id)!;
    expect(change).toMatchObject({
      action: 'insert',
      entity: 'participationEvent',
      actor: 'seed',
      instrumentId: first.instrumentId,
      stateIso3: first.stateIso3,
      before: null,
      after: first,
      source: { id: first.sourceId },
    });

    const reviews = await all(app, '?kind=upr-dataset');
    const perReview = new Map<string, number>();
    for (const r of data.upr.recommendations) perReview.set(r.reviewId, (perReview.get(r.reviewId) ?? 0) + 1);
    expect(reviews.map((c) => [c.entityId, (c.after as { recommendations: number }).recommendations]).sort()).toEqual(
      data.upr.reviews.map((r) => [r.id, perReview.get(r.id) ?? 0]).sort(),
    );
    expect(reviews.reduce((n, c) => n + (c.after as { recommendations: number }).recommendations, 0)).toBe(data.upr.recommendations.length);
    expect(reviews.every((c) => c.entity === 'uprReview' && c.stateIso3 !== null)).toBe(true);

    const cat = await all(app, '?kind=cat-reporting');
    expect(cat.every((c) => c.entity === 'catReport' && c.instrumentId === 'uncat' && c.stateIso3 !== null)).toBe(true);
  });

  it('words a ratification in one line', async () => {
    const { app } = await setup({ seed: true });
    const ken = await all(app, '?state=KEN&instrument=rome-statute');
    const ratification = data.events.find((e) => e.stateIso3 === 'KEN' && e.instrumentId === 'rome-statute' && e.kind === 'ratification')!;
    expect(ken.find((c) => c.entityId === ratification.id)?.summary).toBe(
      `Ratification of the Rome Statute by Kenya (${ratification.date}) recorded`,
    );
  });
});

describe('GET /api/changes', () => {
  it('filters by instrument and by State', async () => {
    const { app } = await setup({ seed: true });
    const opcat = await all(app, '?instrument=opcat');
    expect(opcat).toHaveLength(data.events.filter((e) => e.instrumentId === 'opcat').length);
    expect(opcat.every((c) => c.instrumentId === 'opcat' && c.instrumentName === 'OPCAT')).toBe(true);

    const kenya = await all(app, '?state=ken');
    const expected =
      data.events.filter((e) => e.stateIso3 === 'KEN').length +
      data.cat.reports.filter((r) => r.stateIso3 === 'KEN').length +
      data.upr.reviews.filter((r) => r.stateIso3 === 'KEN').length;
    expect(kenya).toHaveLength(expected);
    expect(kenya.every((c) => c.stateIso3 === 'KEN' && c.stateName === 'Kenya')).toBe(true);

    const both = await all(app, '?state=KEN&instrument=uncat');
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((c) => c.stateIso3 === 'KEN' && c.instrumentId === 'uncat')).toBe(true);
    expect(both.map((c) => c.entity).sort()).toEqual(
      [
        ...data.events.filter((e) => e.stateIso3 === 'KEN' && e.instrumentId === 'uncat').map(() => 'participationEvent'),
        ...data.cat.reports.filter((r) => r.stateIso3 === 'KEN').map(() => 'catReport'),
      ].sort(),
    );
  });

  it('pages newest first with a stable cursor', async () => {
    const { app } = await setup({ seed: true });
    const whole = await get(app, '?limit=250');
    const ids = whole.changes.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const first = await get(app, '?limit=100');
    const second = await get(app, `?limit=100&before=${first.nextBefore}`);
    const again = await get(app, `?limit=100&before=${first.nextBefore}`);
    expect(second).toEqual(again);
    expect([...first.changes, ...second.changes].map((c) => c.id)).toEqual(ids.slice(0, 200));
    expect(first.nextBefore).toBe(first.changes.at(-1)!.id);
    // The last page says so.
    const last = await get(app, `?limit=500&before=${Math.min(...ids)}&kind=upr-dataset`);
    expect(last.nextBefore).toBeNull();
  });

  it('takes a date or a date-time for since', async () => {
    const { app } = await setup({ seed: true });
    expect((await get(app, '?since=2000-01-01&limit=1')).total).toBeGreaterThan(0);
    expect((await get(app, '?since=2999-01-01&limit=1')).total).toBe(0);
    expect((await get(app, '?since=2999-01-01T00:00:00%2B02:00&limit=1')).total).toBe(0);
  });

  it('gives a page as CSV, with a header and one row per change, and a BOM when asked', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject({ url: '/api/changes?instrument=uncat&state=KEN&format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="changes-uncat-KEN.csv"');
    const rows = parseCsv<Record<string, string>>(res.body, { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'at',
      'kind',
      'action',
      'entity',
      'entityId',
      'instrumentId',
      'stateIso3',
      'stateName',
      'summary',
      'actor',
      'organisation',
      'reason',
      'sourceId',
      'source',
    ]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(
      data.events.filter((e) => e.stateIso3 === 'KEN' && e.instrumentId === 'uncat').length +
        data.cat.reports.filter((r) => r.stateIso3 === 'KEN').length,
    );
    expect(rows.every((r) => r.instrumentId === 'uncat' && r.stateIso3 === 'KEN' && r.source!.includes('(as of '))).toBe(true);
    const bom = await app.inject({ url: '/api/changes?format=csv&limit=5&bom=true' });
    expect(bom.body.startsWith('\uFEFF')).toBe(true);
    expect(bom.body.trimEnd().split('\r\n')).toHaveLength(6);
  });

  it('gives a valid Atom 1.0 feed with one entry per change and stable entry ids', async () => {
    const { app } = await setup({ seed: true, env: { PUBLIC_URL: 'https://tracker.example.org' } });
    const json = await get(app, '?instrument=opcat&limit=20');
    const res = await app.inject({ url: '/api/changes?instrument=opcat&limit=20&format=atom' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (name) => ['entry', 'link'].includes(name),
    }).parse(res.body) as {
      feed: {
        '@xmlns': string;
        id: string;
        updated: string;
        link: { '@rel': string; '@href': string }[];
        entry: { id: string; title: string; updated: string }[];
      };
    };
    const { feed } = parsed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.link.find((l) => l['@rel'] === 'self')?.['@href']).toBe(
      'https://tracker.example.org/api/changes?instrument=opcat&format=atom',
    );
    expect(feed.entry).toHaveLength(20);
    expect(feed.entry.map((e) => e.id)).toEqual(json.changes.map((c) => `tag:tracker.example.org,2026:change:${c.id}`));
    expect(feed.entry.map((e) => e.title)).toEqual(json.changes.map((c) => c.summary));
    // RFC 3339 times.
    for (const time of [feed.updated, ...feed.entry.map((e) => e.updated)])
      expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    // Another page, or another filter, names the same change the same way.
    const older = await app.inject({ url: `/api/changes?format=atom&limit=5&before=${json.changes[0]!.id + 1}` });
    expect(older.body).toContain(`<id>tag:tracker.example.org,2026:change:${json.changes[0]!.id}</id>`);
  });

  it('escapes what XML cannot carry as it is', () => {
    expect(xmlText('a < b & "c" > \'d\'\u0001')).toBe('a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;');
    expect(XMLValidator.validate(`<t>${xmlText('\u0000\uD800 ok & fine')}</t>`)).toBe(true);
  });

  it.each([
    ['?instrument=nope', 400, 'querystring.instrument'],
    ['?kind=everything', 400, 'querystring.kind'],
    ['?state=KENYA', 400, 'querystring.state'],
    ['?since=yesterday', 400, 'querystring.since'],
    ['?since=2026-02-30', 400, 'querystring.since'],
    ['?limit=0', 400, 'querystring.limit'],
    ['?limit=501', 400, 'querystring.limit'],
    ['?before=-1', 400, 'querystring.before'],
    ['?format=rss', 400, 'querystring.format'],
  ])('refuses %s with %i', async (query, status, path) => {
    const { app } = await setup({ seed: true });
    const res = await app.inject({ url: `/api/changes${query}` });
    expect(res.statusCode).toBe(status);
    expect(res.json<{ details: { path: string }[] }>().details.map((d) => d.path)).toContain(path);
  });

  it('answers 404 for a well-formed State code that names no State', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject({ url: '/api/changes?state=XXX' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ message: string }>().message).toContain('"XXX"');
  });

  it('shows every kind of recorded change but never account records', async () => {
    expect(changeKindOf('participationEvent')).toBe('participation-event');
    expect(changeKindOf('catReportingState')).toBe('cat-reporting');
    expect(changeKindOf('uprAssessment')).toBe('upr-assessment');
    expect(changeKindOf('uprRecommendation')).toBe('upr-dataset');
    expect(changeKindOf('source')).toBe('source');
    expect(changeKindOf('readerFlag')).toBe('review');
    expect(changeKindOf('user')).toBeNull();
    expect(changeKindOf('apiToken')).toBeNull();
    const { app } = await setup({ seed: true });
    const before = (await get(app, '?limit=1')).total;
    await app.accounts.createUser(
      { email: 'new@example.org', name: 'New', organisation: 'NGO', role: 'editor', password: 'a long enough test passphrase' },
      'test',
    );
    expect((await get(app, '?limit=1')).total).toBe(before);
  });
});
