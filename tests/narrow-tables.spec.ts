import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/**
 * On a 390 px phone every table keeps each row's state (or instrument) and its status in view,
 * says it scrolls sideways, and shows its whole caption. The layout is CSS only: these run with
 * JavaScript off, as a reader on a slow link may first see the page.
 */
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, javaScriptEnabled: false });

/** The element is on screen from its start to its end, across and down. */
async function expectOnScreen(locator: Locator, what: string) {
  const box = await locator.boundingBox();
  expect(box, `${what} is laid out`).not.toBeNull();
  expect(box!.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends on screen`).toBeLessThanOrEqual(PHONE.width);
  expect(box!.y, `${what} is below the top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} is above the bottom`).toBeLessThanOrEqual(PHONE.height);
}

/** A signature cell that shows "—" and is read out as "not applicable (accession)" (or the reason given). */
async function expectNotApplicable(cell: Locator, reason = 'accession') {
  await expect(cell.locator('[aria-hidden="true"]')).toHaveText('—');
  await expect(cell.locator('.visually-hidden')).toHaveText(`not applicable (${reason})`);
}

/** The text of an element is not cut: nothing overflows its box sideways. */
const notClipped = (locator: Locator) => locator.evaluate((el) => el.scrollWidth <= el.clientWidth);

async function checkTable(page: Page, table: Locator, label: Locator, statusCell: string) {
  // Brings the table's start into view down the page only: the scroll box itself stays at its start.
  await label.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8));
  await expectOnScreen(label, 'the caption');
  expect(await notClipped(label), 'the caption wraps instead of being cut').toBe(true);

  const rows = table.locator('tbody tr');
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    const name = (await row.locator('th[scope="row"]').innerText()).trim();
    await expectOnScreen(row.locator('th[scope="row"]'), `row ${i + 1} (${name}): its name`);
    await expectOnScreen(row.locator(statusCell), `row ${i + 1} (${name}): its status`);
  }

  // The page itself does not scroll sideways: the table does, in its own box, and says so.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const box = table.locator('xpath=..');
  await expect(box).toHaveClass(/table-scroll/);
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table is wider than the phone').toBe(true);
  expect(await box.evaluate((el) => getComputedStyle(el).backgroundImage), 'an edge shadow shows there is more').toContain(
    'radial-gradient',
  );
}

test.describe('tables on a 390 px phone', () => {
  test('the map page: each state with its status, and the caption', async ({ page }) => {
    await page.goto('/maps/rome-statute?asOf=2026-01-01');
    const table = page.locator('#status-table');
    await checkTable(page, table, table.locator('caption'), 'td.status');
    // Afghanistan acceded: its signature cell says "not applicable", not "not recorded".
    await expectNotApplicable(table.locator('tr[data-iso="AFG"] td').nth(1));
  });

  test('CAT reporting: each state with its situation, and the caption', async ({ page }) => {
    await page.goto('/cat-reporting?asOf=2026-04-22');
    const table = page.getByTestId('situation-table');
    await checkTable(page, table, table.locator('caption'), 'td.situation');
  });

  test('a state profile: each instrument with its status, and the heading that names the table', async ({ page }) => {
    await page.goto('/states/TUV?asOf=2026-01-01');
    const table = page.getByTestId('profile-statuses');
    await checkTable(page, table, page.locator('#status-heading'), 'td:nth-of-type(1)');
    // Tuvalu acceded to UNCAT on 25 Mar 2024: no signature to record, and the UNTC page lists no
    // declaration of its under the articles it is read for. The Rome Statute's sources list none at all.
    const uncat = table.locator('tr[data-instrument="uncat"] td');
    await expectNotApplicable(uncat.nth(1));
    await expect(uncat.nth(4)).toHaveText('none recorded under art. 21, 22 and 28(1)');
    await expect(table.locator('tr[data-instrument="rome-statute"] td').nth(4)).toHaveText('not recorded');
  });

  test('a Rome Statute amendment has no signature to record: it is ratified or accepted, never signed', async ({ page }) => {
    // Liechtenstein ratified the aggression amendments (deposit 8 May 2012).
    await page.goto('/states/LIE?asOf=2026-01-01');
    const row = page.getByTestId('profile-statuses').locator('tr[data-instrument="rs-aggression-2010"] td');
    await expectNotApplicable(row.nth(1), 'amendments are ratified or accepted, not signed');
    await page.goto('/maps/rs-aggression-2010?asOf=2026-01-01');
    await expectNotApplicable(
      page.locator('#status-table tr[data-iso="LIE"] td').nth(1),
      'amendments are ratified or accepted, not signed',
    );
  });

  for (const path of [
    '/maps',
    '/states',
    '/compare?family=torture',
    '/instruments/rome-statute',
    '/states/NGA',
    '/about',
    '/advocacy/opcat',
  ]) {
    test(`every table on ${path} scrolls in its own box, its row headers on screen, and the page never sideways`, async ({ page }) => {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      for (const table of await page.locator('main table').all()) {
        await expect(table.locator('xpath=..')).toHaveClass(/table-scroll/);
        const header = table.locator('tbody th[scope="row"]').first();
        if ((await header.count()) === 0) continue;
        const box = await header.boundingBox();
        if (!box) continue; // a table kept for screen readers only
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
    });
  }
});
