import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** A mark on the window that a full page load would wipe out. */
const markPage = (page: Page) => page.evaluate(() => ((globalThis as Record<string, unknown>).__samePage = true));
const isSamePage = (page: Page) => page.evaluate(() => (globalThis as Record<string, unknown>).__samePage === true);

/** Waits until the page's JavaScript runs (hydration), before using what it adds; the first in a browser can take over 5 s on a loaded CI machine. */
const enhanced = (page: Page) => expect(page.locator('.map-frame[data-enhanced]')).toBeAttached({ timeout: 20_000 });

const stateLink = (page: Page, iso3: string) => page.locator(`[data-testid="world-map"] a[data-iso="${iso3}"]`);

test.describe('world map', () => {
  test('draws every one of the 197 states as a shape or a marker, each a link to its profile', async ({ page }) => {
    await page.goto('/maps/rome-statute');
    const links = page.locator('[data-testid="world-map"] a[data-iso]');
    await expect(links).toHaveCount(197);
    // Tuvalu and Kiribati have no recorded marker: theirs are computed from world-atlas geometry.
    for (const iso3 of ['TUV', 'KIR', 'NRU', 'VAT', 'LUX']) {
      await expect(stateLink(page, iso3).locator('circle')).toHaveCount(1);
    }
    await expect(stateLink(page, 'FRA')).toHaveAttribute('href', '/states/FRA');
    await expect(page.getByTestId('map-summary')).toContainText('all 197 states');
  });

  test('the home page leads with the Rome Statute map', async ({ page }) => {
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 2, name: 'Rome Statute of the International Criminal Court: who has joined' }),
    ).toBeVisible();
    await expect(page.locator('[data-testid="world-map"] a[data-iso]')).toHaveCount(197);
  });

  test('a filter changes the counts, the summary and the table, and the URL keeps it', async ({ page }) => {
    await page.goto('/maps/rome-statute?asOf=2020-01-01');
    await enhanced(page);
    const parties = page.getByTestId('count-party');
    const allParties = Number(await parties.textContent());
    await page.getByLabel('UN regional group').selectOption('african');
    await expect(page).toHaveURL(/group=african/);
    await expect(page).toHaveURL(/asOf=2020-01-01/);
    await expect(page.getByTestId('map-summary')).toContainText('states matching the filters');
    const africanParties = Number(await parties.textContent());
    expect(africanParties).toBeGreaterThan(0);
    expect(africanParties).toBeLessThan(allParties);
    await expect(page.locator('#status-table tbody tr')).toHaveCount(54);
    // States outside the selection stay on the map, white and labelled as such.
    await expect(stateLink(page, 'FRA')).toHaveAttribute('aria-label', 'France: outside the selection');
  });

  test('a filtered map zooms to the region of the chosen States (a phone shows the Caribbean, not specks)', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const viewBox = async () => (await page.getByTestId('world-map').getAttribute('viewBox'))!.split(' ').map(Number);
    await page.goto('/maps/rome-statute');
    const world = await viewBox();
    await page.goto('/maps/rome-statute?region=029');
    const caribbean = await viewBox();
    expect(caribbean[2]).toBeLessThan(world[2]! / 3);
    // Every chosen State is inside the frame.
    const [x, y, w, h] = caribbean as [number, number, number, number];
    for (const iso3 of ['JAM', 'TTO', 'BRB', 'CUB']) {
      const marker = stateLink(page, iso3).locator('circle, path').first();
      const box = await marker.evaluate((el) => {
        const { x, y, width, height } = (el as SVGGraphicsElement).getBBox();
        return { x, y, width, height };
      });
      expect(box.x, iso3).toBeGreaterThanOrEqual(x);
      expect(box.x + box.width, iso3).toBeLessThanOrEqual(x + w);
      expect(box.y, iso3).toBeGreaterThanOrEqual(y);
      expect(box.y + box.height, iso3).toBeLessThanOrEqual(y + h);
    }
  });

  test('the date slider reproduces Burundi leaving on 27 October 2017', async ({ page }) => {
    await page.goto('/maps/rome-statute?asOf=2017-10-26');
    await enhanced(page);
    await expect(stateLink(page, 'BDI')).toHaveAttribute('aria-label', /^Burundi: Withdrawal pending since 27 Oct 2016/);
    await expect(page.getByTestId('count-withdrawal-pending')).toHaveText('1');
    const slider = page.getByRole('slider', { name: 'Move the date' });
    await expect(slider).toBeEnabled();
    await markPage(page);
    await slider.focus();
    await page.keyboard.press('ArrowRight'); // one day later
    await expect(page).toHaveURL(/asOf=2017-10-27/);
    await expect(stateLink(page, 'BDI')).toHaveAttribute('aria-label', /^Burundi: Withdrawn since 27 Oct 2017/);
    await expect(page.getByTestId('count-withdrawn')).toHaveText('1');
    await expect(slider).toBeFocused();
    expect(await isSamePage(page)).toBe(true);
  });

  test('the play button steps through the years without a page load, and pauses', async ({ page }) => {
    await page.goto('/maps/rs-art124-2015');
    await enhanced(page);
    await expect(page.getByRole('slider', { name: 'Move the date' })).toBeEnabled();
    await markPage(page);
    await page.getByRole('button', { name: 'Play the years' }).click();
    // From today it starts again at the amendment's adoption, then each year's end.
    await expect(page).toHaveURL(/asOf=2015-11-26/);
    await expect(page).toHaveURL(/asOf=2016-12-31/);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play the years' })).toBeVisible();
    expect(await isSamePage(page)).toBe(true);
  });

  test('the date input shows any date', async ({ page }) => {
    await page.goto('/maps/rome-statute?asOf=2017-10-27');
    await enhanced(page);
    await page.getByLabel('Status as of').fill('2017-10-26');
    await expect(page).toHaveURL(/asOf=2017-10-26/);
    await expect(stateLink(page, 'BDI')).toHaveAttribute('aria-label', /Withdrawal pending/);
  });

  test('the keyboard reaches a small island state, shows its tooltip, and Enter opens its profile', async ({ page }) => {
    test.setTimeout(60_000); // up to a few hundred key presses
    await page.goto('/maps/rome-statute');
    await enhanced(page);
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    const focusedIso = () =>
      page.evaluate(() =>
        (
          globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }
        ).document.activeElement?.getAttribute('data-iso'),
      );
    let found = false;
    for (let i = 0; i < 400 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await focusedIso()) === 'TUV';
    }
    expect(found).toBe(true);
    await expect(stateLink(page, 'TUV')).toHaveAttribute('aria-label', /^Tuvalu: /);
    await expect(page.locator('.map-tooltip')).toContainText('Tuvalu');
    await page.keyboard.press('Escape');
    await expect(page.locator('.map-tooltip')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/states\/TUV$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tuvalu');
  });

  test('hovering a state shows its name, status and dates', async ({ page }) => {
    await page.goto('/maps/rome-statute?asOf=2017-10-27');
    await enhanced(page);
    await stateLink(page, 'BRA').hover();
    const tooltip = page.locator('.map-tooltip');
    await expect(tooltip).toContainText('Brazil');
    await expect(tooltip).toContainText('Party since');
    await expect(tooltip).toContainText('Ratification: 20 Jun 2002');
  });

  test('the table sorts by a column through the URL', async ({ page }) => {
    await page.goto('/maps/rome-statute');
    await enhanced(page);
    await page.getByRole('link', { name: /Ratification, accession/ }).click();
    await expect(page).toHaveURL(/sort=consent&dir=asc/);
    await expect(page.locator('#status-table th[aria-sort="ascending"]')).toContainText('Ratification');
    // The earliest instruments of consent were deposited in 1999.
    await expect(page.locator('#status-table tbody tr').first().locator('td').nth(2)).toContainText('1999');
  });

  test('download links hold exactly the view: same date and filters', async ({ page, request }) => {
    await page.goto('/maps/rome-statute?asOf=2017-10-27&group=african');
    const csv = page.getByRole('link', { name: 'CSV', exact: true });
    await expect(csv).toHaveAttribute('href', '/api/instruments/rome-statute/status?asOf=2017-10-27&group=african&format=csv&bom=true');
    const body = await (await request.get((await csv.getAttribute('href')) ?? '')).text();
    expect(body).toContain('BDI');
    expect(body).toContain('withdrawn');
    expect(body).not.toContain('FRA');
  });

  test('an unknown instrument is a 404 and a bad date a 400 that says why', async ({ page }) => {
    expect((await page.goto('/maps/no-such-treaty'))?.status()).toBe(404);
    const response = await page.goto('/maps/rome-statute?asOf=2017-02-30');
    expect(response?.status()).toBe(400);
  });
});

test.describe('world map without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('renders, filters and changes date with the plain form', async ({ page }) => {
    await page.goto('/maps/rome-statute?asOf=2017-10-26');
    await expect(page.locator('[data-testid="world-map"] a[data-iso]')).toHaveCount(197);
    await expect(page.getByRole('slider', { name: 'Move the date' })).toBeDisabled();
    // Without JavaScript each state has the browser's own tooltip.
    await expect(stateLink(page, 'BDI').locator('title')).toContainText('Withdrawal notified 27 Oct 2016, effective 27 Oct 2017');

    await page.getByLabel('UN regional group').selectOption('african');
    await page.getByLabel('Status as of').fill('2017-10-27');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/group=african/);
    await expect(page).toHaveURL(/asOf=2017-10-27/);
    await expect(page.getByTestId('map-summary')).toContainText('states matching the filters');
    await expect(stateLink(page, 'BDI')).toHaveAttribute('aria-label', /^Burundi: Withdrawn/);
    await expect(page.locator('#status-table tbody tr')).toHaveCount(54);
  });
});
