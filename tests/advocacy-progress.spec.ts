import { expect, test } from './fixtures.js';

// Server-rendered: the charts and the counts are on the page without any JavaScript.
test.use({ javaScriptEnabled: false });

const GROUPS = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'western-european-others',
  'm49-002',
  'm49-009',
  'm49-019',
  'm49-142',
  'm49-150',
  'ldc',
  'sids',
];

test.describe('group progress page', () => {
  test('shows a chart and "n of m members" for every group, with the members behind the number', async ({ page, request }) => {
    const asOf = '2026-12-04';
    const api = (await (await request.get(`/api/advocacy/rome-statute/progress?asOf=${asOf}`)).json()) as {
      groups: { id: string; members: number; statesParties: number; byStatus: Record<string, { iso3: string }[]> }[];
    };
    await page.goto(`/advocacy/rome-statute/progress?asOf=${asOf}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Rome Statute');
    for (const id of GROUPS) {
      const group = api.groups.find((g) => g.id === id)!;
      const article = page.getByTestId(`group-${id}`);
      await expect(article.getByTestId('group-progress-chart'), id).toBeVisible();
      await expect(article.locator('svg path.series'), id).toHaveAttribute('d', /^M[\d.]+,[\d.]+/);
      await expect(article.getByTestId('group-count'), id).toContainText(
        `${group.statesParties} of ${group.members} members ${group.statesParties === 1 ? 'is a State Party' : 'are States Parties'} on 4 Dec 2026`,
      );
      // The list behind the number: each State Party links to its profile.
      const parties = [...(group.byStatus.party ?? []), ...(group.byStatus['withdrawal-pending'] ?? [])];
      await article.locator('summary').click();
      for (const { iso3 } of parties.slice(0, 3)) await expect(article.locator(`a[href="/states/${iso3}"]`), id).toBeVisible();
      await expect(article.locator('ul.members a')).toHaveCount(group.members);
    }
  });

  test('fits a 390 px phone: nothing runs off the side, every chart within the screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/advocacy/rome-statute/progress?asOf=2026-12-04');
    for (const summary of await page.locator('summary').all()) await summary.click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const charts = page.getByTestId('group-progress-chart');
    await expect(charts).toHaveCount(GROUPS.length);
    for (const chart of await charts.all()) {
      const box = (await chart.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
  });

  test('offers the counts as CSV for the date shown, and refuses a bad date with the API message', async ({ page, request }) => {
    await page.goto('/advocacy/opcat/progress?asOf=2020-06-30');
    const href = await page.getByTestId('progress-csv').getAttribute('href');
    expect(href).toBe('/api/advocacy/opcat/progress?asOf=2020-06-30&format=csv&bom=true');
    const csv = await request.get(href!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(1 + GROUPS.length);
    const bad = await page.goto('/advocacy/opcat/progress?asOf=2020-02-30');
    expect(bad?.status()).toBe(400);
    await expect(page.locator('main')).toContainText('must be a real calendar date');
  });
});
