import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.js';
import { inLanguage, MAIN_PAGES } from './main-pages.js';

/**
 * WCAG 2.2 AA, checked by axe-core on the main pages as a reader opens them, in each of the four
 * languages, on a desktop and on a phone. Any violation fails, with the rule, the impact and the
 * first elements at fault.
 */
const PAGES = [...MAIN_PAGES, '/login'];

// axe reads every node: on the largest pages (the CAT reporting table of every State), with the
// other specs running beside it, that takes more than the default 30 s.
// The checks are independent: spread over every worker rather than run one after another in one
// (this file holds some 80 of them, the main pages in four languages, each at two widths).
test.describe.configure({ timeout: 120_000, mode: 'parallel' });

// Each page is loaded once per language and checked at both widths (the phone's layout is the same
// page at 390 px): half the page loads of one test per width.
const WIDTHS = [1280, 390] as const;

for (const lang of ['en', 'fr', 'es', 'ar'] as const)
  test.describe(`accessibility${lang === 'en' ? '' : ` in ${lang}`} at ${WIDTHS.join(' and ')} px`, () => {
    test.use({ viewport: { width: WIDTHS[0], height: 900 } });
    for (const path of PAGES.map((p) => inLanguage(p, lang)))
      test(`${path} has no WCAG 2.2 AA violation`, async ({ page }) => {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
          // Colour contrast, axe's slowest rule, is the same in every language (one stylesheet, one
          // palette): it is checked on the English pages, every other rule on each language's.
          if (lang !== 'en') axe.disableRules(['color-contrast']);
          const { violations } = await axe.analyze();
          const found = violations.map((v) => ({
            rule: v.id,
            impact: v.impact,
            nodes: v.nodes.length,
            first: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
          }));
          expect(found, `${path} at ${width} px`).toEqual([]);
        }
      });
  });

/** WCAG relative luminance of an `rgb(…)` colour, and the contrast of two. */
const luminance = (rgb: string) => {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

test.describe('keyboard', () => {
  test('the focus ring stands out from the page at 3:1 or more', async ({ page }) => {
    await page.goto('/about');
    await page.keyboard.press('Tab');
    const { outline, background } = await page.evaluate(() => ({
      outline: getComputedStyle(document.activeElement!).outlineColor,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(contrast(outline, background === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : background)).toBeGreaterThanOrEqual(3);
  });

  test('the home map can be skipped: one key press past its States', async ({ page }) => {
    await page.goto('/');
    const skip = page.getByRole('link', { name: /Skip the map/ });
    for (let i = 0; i < 20 && !(await skip.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Open the full map: filters, any date, table and downloads' })).toBeFocused();
  });

  test('the CAT timeline on a profile is reachable by keyboard where it scrolls', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto('/states/KEN');
    const region = page.locator('.cat-timeline [role="region"]');
    await expect(region).toHaveAttribute('tabindex', '0');
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect(region).toBeFocused();
  });
});
