/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';
import { inLanguage, MAIN_PAGES as PAGES } from './main-pages.js';

/**
 * The dashboard in Arabic, English, French and Spanish, as a reader meets it: the language is in the
 * address, the switcher keeps the view, the first visit to / follows the browser or the remembered
 * choice, Arabic reads right to left, and no page shows a message key instead of its words.
 */

/** Every message key of the catalogues (i18next shows the key itself when a message is missing). */
const leaves = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
const catalogue = (file: string) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as object;
const KEYS = [
  ...new Set(
    [...leaves(catalogue('../web/src/lib/i18n/locales/en.json')), ...leaves(catalogue('../api/src/messages/cat-reporting.en.json'))]
      .map((k) => k.replace(/_(zero|one|two|few|many|other)$/, ''))
      // Keys of one word could be ordinary words; every real key has a dot.
      .filter((k) => k.includes('.')),
  ),
];

test.describe('the language is in the address', () => {
  test('English stays at the old addresses; /fr, /es and /ar serve the same page in their language', async ({ page }) => {
    for (const [lang, dir, heading] of [
      ['en', 'ltr', 'Universal Periodic Review'],
      ['fr', 'ltr', 'Examen périodique universel'],
      ['es', 'ltr', 'Examen Periódico Universal'],
      ['ar', 'rtl', 'الاستعراض الدوري الشامل'],
    ] as const) {
      const res = await page.goto(inLanguage('/upr', lang));
      expect(res?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      // Links on the page stay in its language; the API keeps one address for all.
      const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(5);
      for (const href of hrefs.filter((h) => !h.startsWith('/api')))
        expect(href, href).toMatch(lang === 'en' ? /^\/(?!fr\/|es\/|ar\/)/ : new RegExp(`^/${lang}(/|$|\\?)`));
    }
  });

  test('the States of a page and their sort are in its language', async ({ page }) => {
    await page.goto('/fr/states');
    await expect(page.getByRole('link', { name: 'Allemagne', exact: true })).toBeVisible();
    await page.goto('/es/states');
    await expect(page.getByRole('link', { name: 'Alemania', exact: true })).toBeVisible();
    await page.goto('/ar/states/DEU');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ألمانيا');
    // Sorted by the localised name with the language's collation: "Égypte" between "Équateur"'s
    // neighbours, not after Z as a byte sort would put it.
    await page.goto('/fr/states');
    const names = await page.locator('tbody th[scope="row"] a').allTextContents();
    expect(names.length).toBeGreaterThan(190);
    expect([...names].sort(new Intl.Collator('fr').compare)).toEqual(names);
    expect(names.indexOf('Égypte')).toBeLessThan(names.indexOf('Zambie'));
  });
});

test.describe('choosing a language', () => {
  test('the switcher keeps the view and its filters, and the choice is remembered for the home page', async ({ page }) => {
    await page.goto('/maps/rome-statute?asOf=2010-07-17&group=african');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'العربية' }).click();
    await expect(page).toHaveURL(/\/ar\/maps\/rome-statute\?asOf=2010-07-17&group=african$/);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('select[name="group"]')).toHaveValue('african');
    await expect(page.locator('input[name="asOf"]')).toHaveValue('2010-07-17');

    // The choice is remembered: the home page now opens in Arabic...
    await page.goto('/');
    await expect(page).toHaveURL(/\/ar$/);
    // ...until the reader chooses another language.
    await page.getByRole('navigation', { name: 'اللغة' }).getByRole('link', { name: 'Español' }).click();
    await expect(page).toHaveURL(/\/es$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/es$/);
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await page.goto('/');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test("a first visit to / follows the browser's languages", async ({ browser, request }) => {
    // The browser's own language setting (Playwright's locale is what Chromium sends as Accept-Language).
    for (const [locale, expected] of [
      ['fr-CA', /\/fr$/],
      ['ar-TN', /\/ar$/],
      ['es-419', /\/es$/],
      ['de-DE', /127\.0\.0\.1:\d+\/$/],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page, locale).toHaveURL(expected);
      // A shared link names its language: the browser's preference does not change it.
      await page.goto('/states');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await context.close();
    }
    // A list of preferences: the first language the tracker has wins.
    const res = await request.get('/', { headers: { 'accept-language': 'de-DE,de;q=0.9,es;q=0.6,en;q=0.3' }, maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers().location).toBe('/es');
    expect(res.headers().vary).toMatch(/Accept-Language/);
  });

  test('works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/cat-reporting?group=african');
    await page.getByRole('link', { name: 'Français' }).click();
    await expect(page).toHaveURL(/\/fr\/cat-reporting\?group=african$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapports au Comité contre la torture');
    await context.close();
  });
});

test.describe('every main page in every language', () => {
  test.describe.configure({ timeout: 120_000 });
  for (const lang of ['fr', 'es', 'ar'] as const)
    test(`${lang}: no message key shown in place of words, and the reader is told the page's language`, async ({ page }) => {
      for (const path of PAGES) {
        const address = inLanguage(path, lang);
        const res = await page.goto(address);
        expect(res?.status(), address).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        const text = await page.locator('body').innerText();
        const raw = KEYS.filter((key) => text.includes(key));
        expect(raw, `${address} shows message keys`).toEqual([]);
        const title = await page.title();
        expect(
          KEYS.filter((key) => title.includes(key)),
          `${address} title`,
        ).toEqual([]);
      }
    });
});

test.describe('on a phone, in Arabic and in French', () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 390, height: 844 } });
  for (const lang of ['ar', 'fr'] as const)
    test(`${lang}: every main page fits 390 px (screenshots attached)`, async ({ page }, testInfo) => {
      for (const path of PAGES) {
        const address = inLanguage(path, lang);
        await page.goto(address);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${address} is ${width} px wide`).toBeLessThanOrEqual(390);
        await testInfo.attach(`${lang}${path.replaceAll('/', '_')}.png`, {
          body: await page.screenshot({ fullPage: false }),
          contentType: 'image/png',
        });
      }
    });
});
