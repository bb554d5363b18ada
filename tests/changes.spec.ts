/// <reference lib="dom" />
import { expect, test } from './fixtures.js';

test.describe('the change feed', () => {
  test('filters to OPCAT, lists its changes, and subscribes to anything about OPCAT', async ({ page, request }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Changes' }).click();
    await expect(page).toHaveURL(/\/changes$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changes to the data');

    await page.getByTestId('changes-filters').getByLabel('Instrument').selectOption('opcat');
    await page.getByTestId('changes-filters').getByRole('button').click();
    // Empty fields ("any") travel as empty values, which the page reads as absent.
    await expect(page).toHaveURL(/\/changes\?instrument=opcat(&|$)/);

    const entries = page.getByTestId('changes-list').locator('li');
    await expect(entries).toHaveCount(50);
    for (const text of await entries.locator('.what').allTextContents()) expect(text).toMatch(/OPCAT/);
    await expect(entries.first().locator('.source a')).toHaveAttribute('href', /treaties\.un\.org/);

    // Older changes keep the filter.
    await expect(page.getByTestId('changes-older')).toHaveAttribute('href', /^\/changes\?instrument=opcat&before=\d+$/);

    // The head announces the filter's Atom feed, and the feed is one.
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveAttribute('href', '/api/changes?instrument=opcat&format=atom');
    const subscribe = page.getByTestId('subscribe-instrument');
    await expect(subscribe).toHaveText('anything about OPCAT');
    const href = await subscribe.getAttribute('href');
    const feed = await request.get(href!);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const body = await feed.text();
    expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const first = (await entries.first().locator('.what').textContent())!.trim();
    expect(body).toContain(`<title>${first}</title>`);

    // The browser reads it as XML.
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return { error: doc.querySelector('parsererror') !== null, entries: doc.getElementsByTagName('entry').length };
    }, body);
    expect(parsed).toEqual({ error: false, entries: 100 });
  });

  test('fits a 390 px phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/changes?state=KEN');
    await expect(page.getByTestId('subscribe-state')).toHaveText('anything about Kenya');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
