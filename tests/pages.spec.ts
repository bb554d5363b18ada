import { expect, test } from './fixtures.js';

test.describe('instrument page', () => {
  test('describes the instrument, charts its parties over time and lists them with dates', async ({ page }) => {
    await page.goto('/instruments/rome-statute');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rome Statute of the International Criminal Court');
    await expect(page.getByRole('link', { name: 'XVIII-10', exact: true })).toHaveAttribute('href', /mtdsg_no=XVIII-10&chapter=18/);
    await expect(page.getByTestId('timeline-chart')).toBeVisible();
    // Burundi, the Philippines and Hungary left: each is marked on the chart and listed under it.
    await expect(page.getByTestId('timeline-chart').locator('.withdrawal.effective')).toHaveCount(3);
    await expect(page.getByRole('listitem').filter({ hasText: 'Burundi: withdrawal took effect on 27 Oct 2017' })).toBeVisible();
    await expect(page.locator('#status-table tbody tr[data-iso="FRA"]')).toContainText('Ratification');
  });

  test('an amendment links to the Statute it amends', async ({ page }) => {
    await page.goto('/instruments/rs-aggression-2010');
    await expect(page.getByRole('link', { name: 'Rome Statute of the International Criminal Court' })).toBeVisible();
  });
});

test.describe('comparison matrix', () => {
  test('shows states × the Rome Statute family and filters', async ({ page }) => {
    await page.goto('/compare');
    const matrix = page.getByTestId('compare-matrix');
    await expect(matrix.locator('thead th')).toHaveCount(10);
    await expect(matrix.locator('tbody tr')).toHaveCount(197);
    await page.getByLabel('Small island developing state').selectOption('true');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/sids=true/);
    await expect(matrix.locator('tbody tr')).toHaveCount(40);
  });

  test('the torture family has the art. 21 and 22 declarations, and the CSV holds the same data', async ({ page, request }) => {
    await page.goto('/compare?family=torture&asOf=2026-01-01');
    const matrix = page.getByTestId('compare-matrix');
    await expect(matrix.locator('thead')).toContainText('UNCAT art. 21 declaration');
    await expect(matrix.locator('tbody tr', { hasText: 'Burundi' })).toContainText('Declared');
    const href = await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href');
    expect(href).toBe('/compare/export?asOf=2026-01-01&family=torture&format=csv&bom=true');
    const csv = await request.get(href ?? '');
    expect(csv.headers()['content-type']).toContain('text/csv');
    // The byte order mark by which Excel reads the file as UTF-8 (trim() below drops it).
    expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('iso3,name,asOf,uncat,uncat.date,uncat-art21,uncat-art21.date,uncat-art22,uncat-art22.date,opcat,opcat.date');
    expect(lines).toHaveLength(198);
    expect(lines.find((l) => l.startsWith('BDI,'))).toContain('declared,2003-06-10');
  });

  test('an unknown family is a 400', async ({ page }) => {
    expect((await page.goto('/compare?family=nope'))?.status()).toBe(400);
  });
});

test.describe('state profile', () => {
  test('shows the status on all 11 instruments, the groups and every event with its source', async ({ page }) => {
    await page.goto('/states/BDI');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Burundi');
    await expect(page.getByTestId('profile-statuses').locator('tbody tr')).toHaveCount(11);
    await expect(page.locator('tr[data-instrument="rome-statute"]')).toContainText('Withdrawn');
    await expect(page.getByText('African Group')).toBeVisible();
    const timeline = page.getByTestId('profile-timeline');
    await expect(timeline).toContainText('Withdrawal notified');
    await expect(timeline).toContainText('news report');
    await expect(timeline.getByRole('link', { name: /Reuters, 27 October 2016/ }).first()).toBeVisible();
    await expect(timeline).toContainText('Withdrawal takes effect');
    for (const heading of ['Reporting to the Committee against Torture', 'Universal Periodic Review']) {
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    }
  });

  test('a state on a past date', async ({ page }) => {
    await page.goto('/states/BDI?asOf=2017-10-26');
    await expect(page.locator('tr[data-instrument="rome-statute"]')).toContainText('Withdrawal pending');
  });

  test('labels an unconfirmed report as such and never applies it', async ({ page }) => {
    await page.goto('/states/NER');
    await expect(page.locator('tr[data-instrument="rome-statute"]')).toContainText('Party');
    await expect(page.locator('tr[data-instrument="rome-statute"]')).toContainText('1 unconfirmed report (not applied)');
    const reports = page.getByTestId('unconfirmed-reports');
    await expect(reports).toContainText('Unconfirmed report:');
    await expect(reports).toContainText('Withdrawal notified');
    await expect(page.getByTestId('profile-timeline')).not.toContainText('Withdrawal notified');
  });

  test('an unknown state is a 404', async ({ page }) => {
    expect((await page.goto('/states/XXX'))?.status()).toBe(404);
  });
});

test.describe('indexes', () => {
  test('the maps index lists the 11 instruments', async ({ page }) => {
    await page.goto('/maps');
    await expect(page.locator('main tbody tr')).toHaveCount(11);
    await page.getByRole('link', { name: 'Optional Protocol to the Convention against Torture', exact: false }).first().click();
    await expect(page).toHaveURL(/\/maps\/opcat$/);
  });

  test('the states index filters like the map', async ({ page }) => {
    await page.goto('/states?sids=true');
    await expect(page.locator('main tbody tr')).toHaveCount(40);
  });
});
