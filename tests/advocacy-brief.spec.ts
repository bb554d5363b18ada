import { expect, test } from './fixtures.js';
import { randomDate, raw } from './http.js';
import { expectOnePrintedPage } from './print.js';

interface Recommendation {
  id: string;
  text: string;
  sourceId: string;
}
interface AdvocacyList {
  asOf: string;
  states: { iso3: string; name: string; upr: { recommendations: Recommendation[] } }[];
  sources: { id: string; title: string }[];
}

const list = async (request: import('@playwright/test').APIRequestContext, instrument: string) =>
  (await (await request.get(`/api/advocacy/${instrument}?recommendations=true`)).json()) as AdvocacyList;

test.describe('the advocacy brief without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const [instrument, iso3] of [
    ['rome-statute', 'JAM'],
    ['opcat', 'AGO'],
  ] as const) {
    test(`${instrument}, ${iso3}: a recommendation's wording and its source, on one printed page`, async ({ page, request }) => {
      const api = await list(request, instrument);
      const row = api.states.find((s) => s.iso3 === iso3)!;
      expect(row.upr.recommendations.length).toBeGreaterThan(0);
      const recommendation = row.upr.recommendations.at(-1)!;
      const source = api.sources.find((s) => s.id === recommendation.sourceId)!;

      await page.goto(`/advocacy/${instrument}/${iso3}`);
      await expect(page.locator('h1')).toContainText(row.name);
      const item = page.getByTestId('brief-recommendation').filter({ hasText: recommendation.text }).first();
      await expect(item).toBeVisible();
      // Its numbered reference leads to the source in the brief's list.
      const ref = await item.locator('a').last().getAttribute('href');
      expect(ref).toBe(`#brief-source-${recommendation.sourceId}`);
      await expect(page.locator(`[id="brief-source-${recommendation.sourceId}"]`)).toContainText(source.title);
      // The permalink is printed as text, with the date written out.
      await expect(page.getByTestId('brief-permalink')).toContainText(`/advocacy/${instrument}/${iso3}?asOf=${api.asOf}`);
      await expectOnePrintedPage(page);
    });
  }

  test('the State with the most recommendations to join the Rome Statute still prints on one page', async ({ page, request }) => {
    const api = await list(request, 'rome-statute');
    const most = api.states.reduce((a, b) => (b.upr.recommendations.length > a.upr.recommendations.length ? b : a));
    const count = most.upr.recommendations.length;
    expect(count).toBeGreaterThan(8);

    await page.goto(`/advocacy/rome-statute/${most.iso3}`);
    // On screen every recommendation is there.
    await expect(page.getByTestId('brief-recommendation')).toHaveCount(count);
    await expectOnePrintedPage(page);
    // In print, the first ones in full, then how many more and where to read them.
    await page.emulateMedia({ media: 'print' });
    const printed = await page
      .getByTestId('brief-recommendation')
      .evaluateAll((items) => items.filter((i) => (i as HTMLElement).offsetParent).length);
    expect(printed).toBeGreaterThan(0);
    expect(printed).toBeLessThan(count);
    await expect(page.getByTestId('brief-more')).toBeVisible();
    await expect(page.getByTestId('brief-more')).toContainText(`And ${count - printed} more`);
    await expect(page.getByTestId('brief-more')).toContainText(`/advocacy/rome-statute/${most.iso3}?asOf=${api.asOf}`);
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
  });

  test('a State that has joined is said to have joined, with a link to its profile', async ({ page }) => {
    await page.goto('/advocacy/rome-statute/SVN');
    await expect(page.getByTestId('brief-joined')).toContainText('Slovenia has joined');
    await expect(page.getByTestId('brief-joined')).toContainText('Party');
    await expect(page.getByTestId('brief-joined').getByRole('link')).toHaveAttribute('href', '/states/SVN');
  });

  test('the permalink names the configured address, never the Host header a request carries', async () => {
    // Pages are cached and shared: a link built from one sender's Host header would reach everyone.
    const url = `/advocacy/rome-statute/JAM?asOf=${randomDate()}`;
    const forged = await raw(url, { headers: { host: 'attacker.example' } });
    expect(forged.status).toBe(200);
    expect(forged.body.toString()).not.toContain('attacker.example');
    expect(forged.body.toString()).toContain(
      `http://127.0.0.1:${new URL(test.info().project.use.baseURL!).port}/advocacy/rome-statute/JAM?asOf=`,
    );
  });

  test('an unknown State or instrument is a 404', async ({ page }) => {
    expect((await page.goto('/advocacy/rome-statute/XXX'))?.status()).toBe(404);
    expect((await page.goto('/advocacy/no-such-treaty/JAM'))?.status()).toBe(404);
  });

  test('fits a 390 px phone screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/advocacy/rome-statute/JAM');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
