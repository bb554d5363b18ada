/// <reference lib="dom" />
/**
 * What readers take away: the agenda and its calendar, the country brief on paper, the embeds in
 * another site's page, the map images and the citation of a page.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { inLanguage } from './main-pages.js';
import { expectOnePrintedPage } from './print.js';

interface Agenda {
  total: number;
  counts: Record<string, number>;
  events: { uid: string; kind: string; date: string; title: string }[];
}

test.describe('the agenda without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('lists the same events as the API for the chosen kinds and dates, and subscribes without dates', async ({ page, request }) => {
    const api = (await (await request.get('/api/agenda?from=2025-01-01&to=2026-12-31&kind=cat-session,upr-session')).json()) as Agenda;
    expect(api.total).toBeGreaterThan(0);
    await page.goto('/agenda');
    // The form narrows the list: the kinds ticked, the dates typed.
    await page.locator('input[name=from]').fill('2025-01-01');
    await page.locator('input[name=to]').fill('2026-12-31');
    await page.locator('input[name=kind][value=cat-session]').check();
    await page.locator('input[name=kind][value=upr-session]').check();
    await page.getByTestId('agenda-filters').locator('button[type=submit]').click();
    const asked = new URL(page.url()).searchParams;
    expect([asked.get('from'), asked.get('to'), asked.getAll('kind').sort()]).toEqual([
      '2025-01-01',
      '2026-12-31',
      ['cat-session', 'upr-session'],
    ]);
    const items = page.getByTestId('agenda-list').locator('li');
    await expect(items).toHaveCount(api.total);
    await expect(items.first()).toContainText(api.events[0]!.title);
    // The subscription keeps the kinds and drops the dates, so it never runs out.
    await expect(page.getByTestId('agenda-subscribe')).toHaveAttribute('href', '/api/agenda?kind=upr-session&kind=cat-session&format=ics');
    const ics = await request.get((await page.getByTestId('agenda-ics').getAttribute('href'))!);
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect((await ics.text()).match(/BEGIN:VEVENT/g)).toHaveLength(api.total);
  });
});

test.describe('the country brief on paper', () => {
  test.use({ javaScriptEnabled: false });

  // States with much to say (many recommendations, reviews, CAT history, a withdrawal) and long names.
  for (const [iso3, lang] of [
    ['UKR', 'en'],
    ['HUN', 'en'],
    ['GBR', 'fr'],
    ['KEN', 'es'],
    ['COD', 'ar'],
    ['MEX', 'en'],
    ['VEN', 'en'],
    ['SVN', 'ar'],
  ] as const) {
    test(`${iso3} in ${lang}: every section, on one A4 and one Letter page`, async ({ page, request }) => {
      const detail = (await (await request.get(`/api/states/${iso3}`)).json()) as { instruments: { instrumentId: string }[] };
      await page.goto(inLanguage(`/states/${iso3}/brief`, lang));
      const brief = page.getByTestId('country-brief');
      await expect(brief.locator('h2')).toHaveCount(5);
      // One row per instrument.
      await expect(brief.locator('tbody tr')).toHaveCount(detail.instruments.length);
      await expectOnePrintedPage(page);
    });
  }

  test('is reached from the State profile', async ({ page }) => {
    await page.goto('/states/UKR');
    await page.getByTestId('country-brief-link').click();
    await expect(page).toHaveURL(/\/states\/UKR\/brief$/);
    await expect(page.locator('h1')).toHaveText('Ukraine');
  });
});

/**
 * Another site's page with three frames, served by the test from its own port: another origin, on
 * the loopback address (Chromium keeps pages it cannot place on the network from framing loopback
 * addresses).
 */
async function otherSite(baseURL: string): Promise<{ url: string; close: () => Promise<void> }> {
  const body = `<!doctype html><title>Coalition</title>
    <iframe id="map" src="${baseURL}/embed/rome-statute/map" width="600" height="520"></iframe>
    <iframe id="counter" src="${baseURL}/fr/embed/opcat/counter" width="400" height="160"></iframe>
    <iframe id="page" src="${baseURL}/maps/rome-statute" width="400" height="160"></iframe>`;
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

base.describe('the embeds in another site', () => {
  base('the map and the counter show in its frames; the other pages of the tracker refuse to be framed', async ({ page, baseURL }) => {
    const site = await otherSite(baseURL!);
    try {
      expect(new URL(site.url).origin).not.toBe(new URL(baseURL!).origin);
      const status = (await (await page.request.get(`${baseURL}/api/instruments/opcat/status`)).json()) as { statesParties: number };
      const french = (await (await page.request.get(`${baseURL}/api/instruments/opcat?lang=fr`)).json()) as { shortName: string };
      await page.goto(site.url);
      const map = page.frameLocator('#map');
      await expect(map.getByTestId('embed-map')).toBeVisible();
      await expect(map.locator('[data-testid=world-map] a[data-iso]')).toHaveCount(197);
      // Its links leave the frame for the tracker, in a new tab.
      await expect(map.locator('base')).toHaveAttribute('target', '_blank');
      const counter = page.frameLocator('#counter');
      await expect(counter.getByTestId('embed-counter')).toContainText(String(status.statesParties));
      await expect(counter.getByTestId('embed-counter')).toContainText(french.shortName);
      // A page that is not an embed is refused inside the frame (frame-ancestors 'none'): the browser
      // shows its error page there instead of the map.
      await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-error:'))).toBe(true);
      await expect(page.frameLocator('#page').getByTestId('world-map')).toHaveCount(0);
    } finally {
      await site.close();
    }
  });
});

test.describe('map images and citations', () => {
  test('the map page links to its image as SVG and PNG, for the view shown', async ({ page, request }) => {
    await page.goto('/fr/maps/opcat?group=african&asOf=2020-01-01');
    const svg = await page.getByTestId('map-svg').getAttribute('href');
    expect(svg).toBe('/api/instruments/opcat/map.svg?asOf=2020-01-01&group=african&lang=fr');
    const png = await request.get((await page.getByTestId('map-png').getAttribute('href'))!);
    expect(png.headers()['content-type']).toBe('image/png');
    expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
    // The embed snippets point at the embeds.
    await expect(page.getByTestId('embed-map-snippet')).toHaveValue(
      /<iframe src="http:\/\/127\.0\.0\.1:\d+\/fr\/embed\/opcat\/map\?group=african"/,
    );
  });

  test('every page can be cited, with its date pinned in the permalink', async ({ page, request }) => {
    const health = (await (await request.get('/api/health')).json()) as { database: { dataVersion: number } };
    await page.goto('/maps/rome-statute?group=african');
    const cite = page.getByTestId('cite-this');
    await cite.locator('summary').click();
    const text = await cite.locator('textarea[data-cite=text]').inputValue();
    expect(text).toMatch(/dataset version \d+, data as of \d{4}-\d{2}-\d{2}/);
    expect(text).toContain(`dataset version ${health.database.dataVersion}`);
    expect(text).toMatch(/\/maps\/rome-statute\?group=african&asOf=\d{4}-\d{2}-\d{2}/);
    const csl = JSON.parse(await cite.locator('textarea[data-cite=csl-json]').inputValue()) as { title: string; URL: string }[];
    expect(csl[0]!.title).toBe(await page.title());
    expect(await cite.locator('textarea[data-cite=bibtex]').inputValue()).toMatch(/^@misc\{tracker-maps-rome-statute-/);
    // The permalink opens the same view.
    await page.goto(csl[0]!.URL);
    await expect(page.getByTestId('map-summary')).toBeVisible();
  });
});
