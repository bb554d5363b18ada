import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** The number of matching recommendations the search page shows. */
const total = async (page: Page) => Number(((await page.getByTestId('upr-total').textContent()) ?? '').replace(/\D/g, ''));
const results = (page: Page) => page.getByTestId('upr-result');
const facet = (page: Page, name: string) => page.locator(`[data-facet="${name}"]`);

test.describe('UPR search', () => {
  test('"ratif" finds recommendations to ratify and about ratification', async ({ page }) => {
    await page.goto('/upr');
    const all = await total(page);
    expect(all).toBeGreaterThan(40_000);
    await page.getByLabel('Search the recommendation texts').fill('ratif');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    // A plain form sends its empty fields too; they mean "any".
    await expect(page).toHaveURL(/\/upr\?q=ratif&/);
    const found = await total(page);
    expect(found).toBeGreaterThan(1000);
    expect(found).toBeLessThan(all);
    await expect(results(page)).toHaveCount(25);
    const texts = (await results(page).locator('.rec-text').allTextContents()).join('\n').toLowerCase();
    expect(texts).toMatch(/\bratify\b/);
    expect(texts).toMatch(/\bratification\b/);
    // Best match first when there is a search text.
    await expect(page.getByText('best match first')).toBeVisible();
  });

  test('a facet narrows the total and keeps the search text; its chip takes it off again', async ({ page }) => {
    await page.goto('/upr?q=ratif');
    const before = await total(page);
    const noted = facet(page, 'response').getByRole('link', { name: /Noted/ });
    const count = Number(((await noted.locator('.count').textContent()) ?? '').replace(/\D/g, ''));
    await noted.click();
    await expect(page).toHaveURL(/\/upr\?q=ratif&response=noted$/);
    const after = await total(page);
    expect(after).toBe(count);
    expect(after).toBeLessThan(before);
    for (const response of await results(page).locator('.response').allTextContents()) expect(response).toMatch(/^Noted/);
    await page
      .getByRole('list', { name: 'Chosen filters' })
      .getByRole('link', { name: /Response: Noted/ })
      .click();
    await expect(page).toHaveURL(/\/upr\?q=ratif$/);
    expect(await total(page)).toBe(before);
  });

  test('filters on OPCAT and "ratify or accede", and the CSV link holds the same filters', async ({ page, request }) => {
    await page.goto('/upr');
    const all = await total(page);
    await facet(page, 'instrument')
      .getByRole('link', { name: /^OPCAT/ })
      .click();
    await expect(page).toHaveURL(/instrument=opcat/);
    const opcat = await total(page);
    await facet(page, 'action')
      .getByRole('link', { name: /ratify or accede/ })
      .click();
    await expect(page).toHaveURL(/\/upr\?instrument=opcat&action=ratify-accede$/);
    const both = await total(page);
    expect(both).toBeGreaterThan(100);
    expect(both).toBeLessThan(opcat);
    expect(opcat).toBeLessThan(all);
    const chips = results(page).locator('.chips');
    for (let i = 0; i < (await chips.count()); i++) await expect(chips.nth(i)).toContainText('OPCAT: ratify or accede');

    const href = await page.getByTestId('upr-csv').getAttribute('href');
    expect(href).toBe('/api/upr/recommendations?instrument=opcat&action=ratify-accede&sort=session&format=csv&bom=true');
    const csv = await request.get(href ?? '');
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Ratify');
  });

  test('the state under review and recommending state selects filter, and a result leads to its review', async ({ page }) => {
    await page.goto('/upr');
    await page.getByLabel('State under review').selectOption('SVN');
    await page.getByLabel('Session', { exact: true }).selectOption('48');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(/state=SVN/);
    expect(await total(page)).toBe(254);
    await page.getByLabel('Recommended by').selectOption('PRT');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await total(page)).toBeGreaterThan(0);
    expect(await total(page)).toBeLessThan(254);
    for (const by of await results(page).locator('dd.by').allTextContents()) expect(by).toContain('Portugal');
    await results(page).first().getByRole('link', { name: 'Slovenia', exact: true }).click();
    await expect(page).toHaveURL(/\/upr\/reviews\/SVN\?cycle=4#session-48$/);
  });

  test('says which cycles and sessions the data covers', async ({ page }) => {
    await page.goto('/upr');
    const coverage = page.getByTestId('upr-coverage');
    await expect(coverage.locator('[data-cycle="1"]')).toContainText('all sessions');
    // Cycle 2 is complete but for the 26th session, of which the data holds 11 of the 14 States.
    await expect(coverage.locator('[data-cycle="2"]')).toContainText('all sessions');
    await expect(coverage.locator('[data-cycle="2"]').getByTestId('upr-coverage-session-note')).toContainText(
      '26th session: Recommendations of 11 of the 14 States reviewed in this session are in the data (Haiti, Iceland,',
    );
    await expect(coverage.locator('[data-cycle="3"]')).toContainText('in sessions 27, 34');
    await expect(coverage.locator('[data-cycle="3"]')).toContainText('None in the data for sessions 28–33, 35–40');
    await expect(coverage.locator('[data-cycle="4"]')).toContainText('254 recommendations from the review of Slovenia (48th session)');
    await expect(coverage).toContainText('import:upr');
  });

  test('pages through the results, keeping the filters', async ({ page }) => {
    await page.goto('/upr?state=SVN&cycle=4');
    const first = await results(page).first().locator('.rec-text').textContent();
    await page.getByRole('navigation', { name: 'Pages of results' }).getByRole('link', { name: 'Next ›' }).click();
    await expect(page).toHaveURL(/\/upr\?state=SVN&cycle=4&page=2$/);
    await expect(page.getByText('showing 26–50')).toBeVisible();
    expect(await results(page).first().locator('.rec-text').textContent()).not.toBe(first);
  });

  test('a bad filter value is a 400 that says what is wrong', async ({ page }) => {
    const response = await page.goto('/upr?cycle=9');
    expect(response?.status()).toBe(400);
    await expect(page.locator('main')).toContainText('cycle');
  });
});

test.describe('UPR review page', () => {
  test("Slovenia's 4th-cycle review: 48th session, 254 recommendations, 217 supported and 37 noted", async ({ page }) => {
    await page.goto('/upr/reviews/SVN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Slovenia: Universal Periodic Review');
    const review = page.locator('[data-testid="upr-review"][data-session="48"]');
    await expect(review.getByRole('heading', { level: 2 })).toHaveText('4th cycle: 48th session (2025)');
    await expect(review.getByTestId('upr-review-counts')).toHaveText('254: 217 supported, 37 noted');
    await expect(review).toContainText('20 Jan 2025 to 31 Jan 2025');
    await expect(review.getByRole('link', { name: 'A/HRC/59/15', exact: true })).toBeVisible();
    await expect(review.getByRole('heading', { level: 3 })).toHaveText('The 254 recommendations of this review');
    await expect(review.getByTestId('upr-result')).toHaveCount(50);
    await expect(page.getByTestId('upr-next-review')).toContainText('Not scheduled in the data');
    await expect(page.getByRole('heading', { name: 'Voluntary pledges' })).toBeVisible();
  });

  test('a review scheduled on a date now past, recorded nowhere as held, is said to be so, not taken as next', async ({ page }) => {
    await page.goto('/upr/reviews/NAM');
    const next = page.getByTestId('upr-next-review');
    await expect(next.getByTestId('upr-past-scheduled')).toContainText('52nd session (2026), 4 May 2026: on the calendar as scheduled');
    await expect(next).toContainText('no source in the data records whether it was held');
    await page.goto('/states/NAM');
    await expect(page.getByTestId('profile-upr-next')).toContainText('52nd session (2026), 4 May 2026: on the calendar as scheduled');
  });

  test('each cycle has its own view, with the counts of that review', async ({ page }) => {
    await page.goto('/upr/reviews/SVN');
    await page.getByRole('navigation', { name: 'Reviews' }).getByRole('link', { name: '3rd cycle: 34th session (2019)' }).click();
    await expect(page).toHaveURL(/\/upr\/reviews\/SVN\?cycle=3#session-34$/);
    const review = page.locator('[data-testid="upr-review"][data-session="34"]');
    await expect(review.getByTestId('upr-review-counts')).toHaveText('215: 182 supported, 33 noted');
    await expect(review.getByRole('heading', { level: 3 })).toHaveText('The 215 recommendations of this review');
  });
});

test.describe('UPR pages without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('search, facets, pages and the review page all work as plain forms and links', async ({ page }) => {
    await page.goto('/upr');
    await page.getByLabel('Search the recommendation texts').fill('torture');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/q=torture/);
    const found = await total(page);
    await facet(page, 'cycle')
      .getByRole('link', { name: /2nd cycle/ })
      .click();
    await expect(page).toHaveURL(/q=torture&cycle=2/);
    expect(await total(page)).toBeLessThan(found);
    await page.getByRole('link', { name: 'Next ›' }).first().click();
    await expect(page).toHaveURL(/q=torture&cycle=2&page=2/);
    await page.goto('/upr/reviews/SVN?cycle=4');
    await expect(page.locator('[data-session="48"]').getByTestId('upr-review-counts')).toHaveText('254: 217 supported, 37 noted');
  });

  test('the groups of the State under review: LDCs or small island States asked to ratify the Rome Statute', async ({ page, request }) => {
    const { states } = (await (await request.get('/api/states')).json()) as {
      states: { iso3: string; ldc: { status: string }; sids: boolean }[];
    };
    const ldcOrSids = new Set(states.filter((s) => s.ldc.status === 'ldc' || s.sids).map((s) => s.iso3));
    await page.goto('/upr?instrument=rome-statute&action=ratify-accede');
    const all = await total(page);
    await page.getByLabel('Least developed country').selectOption('true');
    await page.getByLabel('Small island developing state').selectOption('true');
    await page.getByLabel('These combine').selectOption('any');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    // The facet choices travel as hidden fields, first; the empty fields mean "any".
    await expect(page).toHaveURL(
      /\?instrument=rome-statute&action=ratify-accede&.*&stateGroup=&stateRegion=&stateLdc=true&stateSids=true&stateCombine=any$/,
    );
    const found = await total(page);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(all);
    await expect(page.getByLabel('These combine')).toHaveValue('any');
    const reviewed = await results(page)
      .locator('a[href^="/upr/reviews/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(13, 16)));
    expect(reviewed.length).toBeGreaterThan(0);
    for (const iso3 of reviewed) expect(ldcOrSids, iso3).toContain(iso3);
    const chosen = page.getByRole('list', { name: 'Chosen filters' });
    await expect(chosen.getByRole('link', { name: /Under review, LDC: Yes/ })).toBeVisible();
    await expect(chosen.getByRole('link', { name: /Under review, groups combine: any one is enough/ })).toBeVisible();
    const href = (await page.getByTestId('upr-csv').getAttribute('href')) ?? '';
    expect(href).toContain('stateLdc=true&stateSids=true&stateCombine=any');
    const csv = await (await request.get(href)).text();
    // Each record starts with its id, "<source>:<session>:<ISO3 under review>:…", at the start of a line.
    const rows = [...csv.matchAll(/^[a-z-]+:\d+:([A-Z]{3}):/gm)].map((m) => m[1]!);
    expect(rows).toHaveLength(found);
    for (const iso3 of new Set(rows)) expect(ldcOrSids, iso3).toContain(iso3);

    // On a 390 px phone the form's new fields wrap: nothing runs off the side.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const fields = page.getByRole('group', { name: 'Groups of the State under review' }).locator('select');
    await expect(fields).toHaveCount(5);
    for (const box of await fields.evaluateAll((els) => els.map((el) => el.getBoundingClientRect())))
      expect(box.left >= 0 && box.right <= 390, JSON.stringify(box)).toBe(true);
  });
});

test.describe('UPR on the country profile', () => {
  test("Slovenia's profile shows its reviews with the responses, the follow-up and the next review", async ({ page }) => {
    await page.goto('/states/SVN');
    const section = page.getByTestId('profile-upr');
    await expect(section.getByRole('heading', { level: 2 })).toHaveText('Universal Periodic Review');
    await expect(section.getByTestId('profile-upr-next')).toHaveText('Next review: not scheduled in the data.');
    const rows = section.getByTestId('profile-upr-reviews').locator('tbody tr');
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).toContainText('4th cycle: 48th session (2025)');
    await expect(rows.first()).toContainText('217 supported, 37 noted');
    await expect(section).toContainText('no implementation assessment is recorded');
    await expect(section.getByRole('link', { name: /^Search and filter the [\d,]+ recommendations to Slovenia$/ })).toHaveAttribute(
      'href',
      '/upr?state=SVN',
    );
    await section.getByRole('link', { name: /^All reviews of Slovenia/ }).click();
    await expect(page).toHaveURL(/\/upr\/reviews\/SVN$/);
  });

  test('a profile links the recommendations that concern a tracked instrument', async ({ page }) => {
    await page.goto('/states/FRA');
    const linked = page.getByTestId('profile-upr-linked');
    await expect(linked).toContainText(/^\d+ of the [\d,]+ recommendations concerns? a tracked instrument\./);
    await expect(linked.getByRole('link', { name: 'UNCAT' })).toHaveAttribute('href', '/upr?state=FRA&instrument=uncat');
  });
});
