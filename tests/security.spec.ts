import { test as base, type APIResponse, type Page } from '@playwright/test';
import { expect, recordCspViolations, test } from './fixtures.js';
import { randomDate } from './http.js';

/** Swagger UI builds the page from the whole OpenAPI document in the browser: seconds on a loaded CI machine. */
const SWAGGER_UI_RENDER = 20_000;

/** One page of each kind the dashboard has (the UPR recommendation is looked up first). */
const PAGES = [
  '/',
  '/maps',
  '/maps/rome-statute',
  '/maps/opcat?asOf=2015-06-30&group=african',
  '/instruments/rome-statute',
  '/states',
  '/states/BDI',
  '/compare',
  '/compare?family=torture',
  '/cat-reporting',
  '/upr',
  '/upr?q=torture',
  '/upr/reviews',
  '/upr/reviews/BDI',
  '/about',
  '/advocacy',
];

async function recommendationPage(request: Page['request']): Promise<string> {
  const { items } = (await (await request.get('/api/upr/recommendations?q=torture&pageSize=1')).json()) as { items: { id: string }[] };
  return `/upr/recommendations/${encodeURIComponent(items[0]!.id)}`;
}

/** The headers every answer carries, page or API. */
function expectCommonHeaders(response: APIResponse | { headers(): Record<string, string> }) {
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

test.describe('Content Security Policy on every page', () => {
  // The fixture fails each test on any violation; these tests visit every kind of page.
  test('pages render and run their scripts under the policy', async ({ page }) => {
    test.slow();
    for (const path of [...PAGES, await recommendationPage(page.request)]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const csp = response!.headers()['content-security-policy']!;
      // SvelteKit's policy for pages (its start-up script by hash), not the API's "default-src 'none'".
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expectCommonHeaders(response!);
      await page.waitForLoadState('load');
    }
  });

  test('the map’s tooltip, slider and client-side navigation work under the policy', async ({ page }) => {
    await page.goto('/maps/rome-statute?asOf=2017-10-26');
    await expect(page.locator('.map-frame[data-enhanced]')).toBeAttached();
    await page.locator('[data-testid="world-map"] a[data-iso="BDI"]').hover();
    await expect(page.locator('.map-tooltip')).toBeVisible();
    const slider = page.getByRole('slider', { name: 'Move the date' });
    // The slider is enabled once the page has hydrated (as in map.spec.ts); a key before that is lost.
    await expect(slider).toBeEnabled();
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/asOf=2017-10-27/);
    await page.getByRole('link', { name: 'States', exact: true }).click();
    await expect(page).toHaveURL(/\/states$/);
  });

  test('error pages render under the policy too', async ({ page }) => {
    expect((await page.goto('/no-such-page'))?.status()).toBe(404);
    expect((await page.goto('/maps/rome-statute?asOf=garbage'))?.status()).toBe(400);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('pages render under the policy', async ({ page }) => {
      for (const path of ['/', '/maps/rome-statute', '/states/BDI', '/cat-reporting', '/upr?q=torture']) {
        expect((await page.goto(path))?.status(), path).toBe(200);
      }
    });
  });

  test('the API documentation works under its own policy', async ({ page }) => {
    const response = await page.goto('/api/docs');
    await expect(page.getByText('Treaty ratification and recommendation tracker API')).toBeVisible({ timeout: SWAGGER_UI_RENDER }); // renders the whole ~470 KB document in the browser
    await page.getByText('/api/health').first().click();
    await expect(page.getByRole('button', { name: 'Try it out' })).toBeVisible();
    expectCommonHeaders(response!);
  });
});

// The detector itself: without it, "no violations" would prove nothing.
base('a CSP violation on a page is caught', async ({ page }) => {
  const violations: string[] = [];
  await recordCspViolations(page, violations);
  await page.goto('/about');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.join('\n')).toMatch(/script-src/);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});

test.describe('security headers', () => {
  test('API answers carry the strict policy, computed and from the cache, and on a 304', async ({ request }) => {
    const url = `/api/instruments/rome-statute/status?asOf=${randomDate()}`;
    const first = await request.get(url);
    const second = await request.get(url);
    const revalidated = await request.get(url, { headers: { 'if-none-match': first.headers().etag! } });
    expect([first.status(), second.status(), revalidated.status()]).toEqual([200, 200, 304]);
    for (const response of [first, second, revalidated]) {
      expectCommonHeaders(response);
      expect(response.headers()['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    }
    const missing = await request.get('/api/no-such-route');
    expect(missing.status()).toBe(404);
    expectCommonHeaders(missing);
  });

  test('a page revalidated outside the page cache keeps its own policy: the 304 carries none of the API’s', async ({ request }) => {
    // A session cookie (even one that opens no session) keeps the page out of the page cache.
    const headers = { cookie: 'tracker_session=not-a-session' };
    const first = await request.get('/states/FRA', { headers });
    expect(first.status()).toBe(200);
    expect(first.headers()['x-page-cache']).toBeUndefined();
    const etag = first.headers().etag;
    expect(etag).toBeTruthy();
    const revalidated = await request.get('/states/FRA', { headers: { ...headers, 'if-none-match': etag! } });
    expect(revalidated.status()).toBe(304);
    expect(revalidated.headers()['content-security-policy']).toBeUndefined();
  });

  test('pages carry them whether rendered or served from the page cache', async ({ request }) => {
    const url = `/states/FRA?asOf=${randomDate()}`;
    const first = await request.get(url);
    const second = await request.get(url);
    expect(first.headers()['x-page-cache']).toBe('miss');
    expect(second.headers()['x-page-cache']).toBe('hit');
    for (const response of [first, second]) {
      expectCommonHeaders(response);
      expect(response.headers()['content-security-policy']).toContain("default-src 'self'");
    }
    expect(second.headers()['content-security-policy']).toBe(first.headers()['content-security-policy']);
  });
});
