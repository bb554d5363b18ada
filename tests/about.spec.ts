import { expect, test } from './fixtures.js';

test('About the data lists every source with the date its data is as of', async ({ page, request }) => {
  const { sources } = (await (await request.get('/api/sources')).json()) as { sources: { id: string; title: string }[] };
  expect(sources.length).toBeGreaterThan(50);
  await page.goto('/about');
  const rows = page.locator('table tbody tr');
  await expect(rows).toHaveCount(sources.length);
  const untc = page.locator('#source-untc-iv-9-b-2026-02-03');
  await expect(untc).toContainText('2026-02-03');
  await expect(untc.getByRole('link')).toHaveAttribute('href', /treaties\.un\.org/);
});
