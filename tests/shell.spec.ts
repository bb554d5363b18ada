import { expect, test } from './fixtures.js';

/** Swagger UI builds the page from the whole OpenAPI document in the browser: seconds on a loaded CI machine. */
const SWAGGER_UI_RENDER = 20_000;

test.describe('dashboard shell', () => {
  test('home page renders on the server with navigation to every section', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('Treaty Tracker');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Treaty ratification and recommendation tracker');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Maps', 'States', 'CAT reporting', 'UPR', 'Advocacy', 'About the data']) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  });

  test('navigating to a section marks it as the current page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'About the data' }).click();
    await expect(page).toHaveURL(/\/about$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('About the data');
    await expect(page.getByRole('link', { name: 'About the data' })).toHaveAttribute('aria-current', 'page');
  });

  test('an unknown page is a 404 in the layout', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});

test.describe('API documentation', () => {
  test('the interactive docs list the API routes', async ({ page }) => {
    await page.goto('/api/docs');
    await expect(page.getByText('Treaty ratification and recommendation tracker API')).toBeVisible({ timeout: SWAGGER_UI_RENDER }); // renders the whole ~470 KB document in the browser
    await expect(page.getByText('/api/health').first()).toBeVisible();
  });
});
