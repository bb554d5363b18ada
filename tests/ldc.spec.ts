import { expect, test } from './fixtures.js';

// Bangladesh's graduation from the LDC category was scheduled for 24 Nov 2026
// (data/raw/states/un_ldc_list.csv); the list records no outcome.
test.describe('state profile: a scheduled LDC graduation', () => {
  test('before its date, the graduation is scheduled', async ({ page }) => {
    await page.goto('/states/BGD?asOf=2026-06-01');
    await expect(page.getByTestId('ldc-scheduled-graduation')).toHaveText('(graduation scheduled for 24 Nov 2026)');
  });

  test('once its date has passed, the outcome is not recorded, and nothing says the State graduated', async ({ page }) => {
    for (const url of ['/states/BGD?asOf=2026-11-24', '/states/BGD']) {
      await page.goto(url);
      await expect(page.getByTestId('ldc-scheduled-graduation'), url).toHaveText(
        '(scheduled graduation 24 Nov 2026: outcome not recorded)',
      );
      await expect(page.getByTestId('ldc-scheduled-graduation').locator('..'), url).not.toContainText('Graduated');
    }
  });
});
