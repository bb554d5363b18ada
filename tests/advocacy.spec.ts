import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

interface AdvocacyList {
  asOf: string;
  counts: { listed: number };
  uprSessionsRecorded: number[];
  states: { iso3: string; status: string; ldc: string; sids: boolean; upr: { supported: number } }[];
  supportedNotJoined: { iso3: string }[];
}

/** The ISO3 codes of the rows of a table of the page. */
const rowCodes = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-iso')));

// The campaigners' question: which LDCs or small island developing States have signed the Rome
// Statute but not ratified it, and which of them supported a UPR recommendation to ratify it?
const QUESTION = 'status=signatory&ldc=true&sids=true&combine=any';

for (const javaScriptEnabled of [false, true]) {
  test.describe(`advocacy list, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('answers "LDC or SIDS, signed not ratified, supported a recommendation" on one page from the index', async ({ page, request }) => {
      const api = (await (await request.get(`/api/advocacy/rome-statute?${QUESTION}`)).json()) as AdvocacyList;
      await page.goto('/advocacy');
      await page
        .getByRole('link', { name: /least developed countries or small island developing states have signed the Rome Statute/ })
        .click();
      await expect(page).toHaveURL(/\/advocacy\/rome-statute\?/);
      const url = new URL(page.url());
      expect(url.searchParams.getAll('status')).toEqual(['signatory']);
      expect(url.searchParams.get('combine')).toBe('any');
      // Every State listed is a signatory and an LDC or a SIDS; the list is the API's.
      expect(await rowCodes(page, 'advocacy-table')).toEqual(expect.arrayContaining(api.states.map((s) => s.iso3)));
      expect(await rowCodes(page, 'advocacy-table')).toHaveLength(api.counts.listed);
      for (const s of api.states) expect(s.status === 'signatory' && (s.ldc === 'ldc' || s.sids)).toBe(true);
      const promised = api.states.filter((s) => s.upr.supported > 0).map((s) => s.iso3);
      expect(promised.length).toBeGreaterThan(0);
      expect((await rowCodes(page, 'supported-not-joined')).sort()).toEqual(promised.sort());
      // Which UPR sessions the recommendations come from is said on the page.
      await expect(page.getByTestId('upr-coverage')).toContainText(String(api.uprSessionsRecorded.at(-1)));
      // Jamaica signed in 2000 and supported recommendations to ratify.
      await expect(page.getByTestId('supported-not-joined').locator('tr[data-iso="JAM"]')).toContainText('Signatory');
    });

    test('the form filters by several statuses and by group, and the URL it makes is the shareable view', async ({ page }) => {
      await page.goto('/advocacy/opcat');
      const form = page.getByTestId('advocacy-filters');
      await form.getByRole('checkbox', { name: 'Signatory' }).check();
      await form.getByRole('checkbox', { name: 'No action' }).check();
      await form.getByLabel('UN regional group').selectOption('african');
      await form.getByLabel('Supported a UPR recommendation to join').selectOption('true');
      await form.getByRole('button', { name: 'Show' }).click();
      await expect(page).toHaveURL(/group=african/);
      const url = new URL(page.url());
      expect(url.searchParams.getAll('status')).toEqual(['signatory', 'no-action']);
      expect(url.searchParams.get('supported')).toBe('true');
      const shown = await rowCodes(page, 'advocacy-table');
      expect(shown.length).toBeGreaterThan(0);
      const statuses = await page
        .getByTestId('advocacy-table')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
      for (const s of statuses) expect(['signatory', 'no-action']).toContain(s);
      // Angola signed OPCAT in 2013, supported recommendations to ratify it, and has not.
      expect(shown).toContain('AGO');
      // The same URL opened afresh shows the same list, and the choices stay checked.
      await page.goto(url.pathname + url.search);
      expect(await rowCodes(page, 'advocacy-table')).toEqual(shown);
      await expect(page.getByTestId('advocacy-filters').getByRole('checkbox', { name: 'No action' })).toBeChecked();
    });
  });
}

test('every filter makes its own page: a cached answer to one question never answers another', async ({ page, request }) => {
  const views = [
    '',
    '?status=signatory',
    '?status=signatory&status=withdrawn',
    '?ldc=true&sids=true',
    '?ldc=true&sids=true&combine=any',
    '?supported=true',
    '?recommended=false',
    '?reviewWithin=12',
  ];
  for (const view of views) {
    // Asked twice, so the second answer may come from the page cache.
    for (let i = 0; i < 2; i++) {
      await page.goto(`/advocacy/rome-statute${view}`);
      const api = (await (await request.get(`/api/advocacy/rome-statute${view}`)).json()) as AdvocacyList;
      const shown = api.counts.listed === 0 ? [] : await rowCodes(page, 'advocacy-table');
      expect(shown.sort(), view).toEqual(api.states.map((s) => s.iso3).sort());
    }
  }
});

test('the CSV download is exactly the filtered list, with the UPR columns', async ({ page, request }) => {
  await page.goto(`/advocacy/rome-statute?${QUESTION}`);
  const href = await page.getByRole('link', { name: /Download this list as CSV/ }).getAttribute('href');
  expect(href).toContain('format=csv');
  const res = await request.get(href!);
  expect(res.headers()['content-type']).toContain('text/csv');
  const [header, ...lines] = (await res.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const columns = header!.split(',');
  expect(columns).toEqual(
    expect.arrayContaining(['uprRecommendationsReceived', 'uprSupported', 'uprNoted', 'lastReviewDate', 'nextReviewDate']),
  );
  // The columns before the ISO3 code (instrument id, dates) hold no commas or quotes.
  const iso3 = lines.map((line) => line.split(',')[columns.indexOf('iso3')]);
  expect(iso3.sort()).toEqual((await rowCodes(page, 'advocacy-table')).sort());
});

test("a bad filter value gets the API's explanation, not an empty list", async ({ page }) => {
  const res = await page.goto('/advocacy/rome-statute?status=party');
  expect(res?.status()).toBe(400);
  await expect(page.locator('main')).toContainText('have not joined');
});

test('fits a 390 px phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/advocacy/rome-statute?${QUESTION}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a State profile and a map lead to the advocacy brief and list', async ({ page }) => {
  // Jamaica signed the Rome Statute and has not ratified it; Slovenia is a State Party.
  await page.goto('/states/JAM');
  const link = page.locator('tr[data-instrument="rome-statute"]').getByTestId('advocacy-brief-link');
  await link.click();
  await expect(page).toHaveURL(/\/advocacy\/rome-statute\/JAM\?asOf=/);
  await expect(page.locator('main')).toContainText('Jamaica');
  await page.goto('/states/SVN');
  await expect(page.locator('tr[data-instrument="rome-statute"]').getByTestId('advocacy-brief-link')).toHaveCount(0);
  await page.goto('/maps/opcat');
  await page.getByTestId('advocacy-link').click();
  await expect(page).toHaveURL(/\/advocacy\/opcat/);
  await expect(page.getByTestId('advocacy-table')).toBeVisible();
});
