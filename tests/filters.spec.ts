import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

interface StatusList {
  counts: Record<string, number>;
  states: { iso3: string; status: string }[];
}

// The campaigners' question: which least developed countries or small island developing States
// have signed the Rome Statute but not ratified it?
const QUESTION = 'ldc=true&sids=true&combine=any&status=signatory';

/** The ISO3 codes of a table's rows, sorted. */
const rowCodes = async (page: Page, table: string) =>
  (await page.locator(`${table} tbody tr[data-iso]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-iso')))).sort();

const apiCodes = (list: StatusList) => list.states.map((s) => s.iso3).sort();

for (const javaScriptEnabled of [false, true]) {
  test.describe(`status and "any of" filters, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('the map form keeps the signatories among LDCs or SIDS; its URL is the shareable view', async ({ page, request }) => {
      const api = (await (await request.get(`/api/instruments/rome-statute/status?${QUESTION}`)).json()) as StatusList;
      expect(api.states.length).toBeGreaterThan(0);
      await page.goto('/maps/rome-statute');
      // The first hydration in a browser can take over 5 s on a loaded CI machine.
      if (javaScriptEnabled) await expect(page.locator('.map-frame[data-enhanced]')).toBeAttached({ timeout: 20_000 });
      const form = page.locator('form.map-controls');
      // With JavaScript each change applies at once: wait for each before the next.
      const applied = async (pattern: RegExp) => {
        if (javaScriptEnabled) await expect(page).toHaveURL(pattern);
      };
      await form.getByLabel('Least developed country').selectOption('true');
      await applied(/ldc=true/);
      await form.getByLabel('Small island developing state').selectOption('true');
      await applied(/sids=true/);
      await form.getByLabel('Group filters combine').selectOption('any');
      await applied(/combine=any/);
      await form.getByRole('checkbox', { name: 'Signatory', exact: true }).check();
      await applied(/status=signatory/);
      if (!javaScriptEnabled) await form.getByRole('button', { name: 'Show' }).click();

      await expect(page.getByTestId('count-signatory')).toHaveText(String(api.states.length));
      const url = new URL(page.url());
      expect(url.searchParams.getAll('status')).toEqual(['signatory']);
      expect(url.searchParams.get('combine')).toBe('any');
      await expect(page.getByTestId('count-party')).toHaveText('0');
      await expect(page.getByTestId('map-summary')).toContainText('states matching the filters');
      await expect(page.getByTestId('map-summary')).not.toContainText('States Parties');
      expect(await rowCodes(page, '#status-table')).toEqual(apiCodes(api));
      await expect(form.getByRole('checkbox', { name: 'Signatory', exact: true })).toBeChecked();
      await expect(form.getByLabel('Group filters combine')).toHaveValue('any');
      // The download is exactly this selection.
      const csv = await page.locator('.downloads a', { hasText: 'CSV' }).getAttribute('href');
      const csvUrl = new URL(csv!, page.url());
      expect(csvUrl.searchParams.getAll('status')).toEqual(['signatory']);
      expect(csvUrl.searchParams.get('combine')).toBe('any');
      const file = await request.get(csv!);
      expect(file.ok()).toBe(true);
      expect((await file.text()).trim().split('\r\n')).toHaveLength(api.states.length + 1);

      // The same URL loaded afresh gives the same view.
      const shown = await rowCodes(page, '#status-table');
      await page.goto(`${url.pathname}${url.search}`);
      expect(await rowCodes(page, '#status-table')).toEqual(shown);
      await expect(page.getByTestId('count-signatory')).toHaveText(String(api.states.length));
    });

    test('several statuses at once, sent as repeated parameters', async ({ page, request }) => {
      const query = 'group=african&status=signatory&status=no-action';
      const api = (await (await request.get(`/api/instruments/opcat/status?${query}`)).json()) as StatusList;
      await page.goto('/maps/opcat?group=african');
      // The first hydration in a browser can take over 5 s on a loaded CI machine.
      if (javaScriptEnabled) await expect(page.locator('.map-frame[data-enhanced]')).toBeAttached({ timeout: 20_000 });
      const form = page.locator('form.map-controls');
      await form.getByRole('checkbox', { name: 'Signatory', exact: true }).check();
      if (javaScriptEnabled) await expect(page).toHaveURL(/status=signatory/);
      await form.getByRole('checkbox', { name: 'No action', exact: true }).check();
      if (javaScriptEnabled) await expect(page).toHaveURL(/status=no-action/);
      else await form.getByRole('button', { name: 'Show' }).click();
      await expect(page).toHaveURL(/status=signatory&status=no-action/);
      await expect(page.getByTestId('count-no-action')).toHaveText(String(api.counts['no-action']));
      await expect(page.getByTestId('count-signatory')).toHaveText(String(api.counts.signatory));
      expect(await rowCodes(page, '#status-table')).toEqual(apiCodes(api));
    });

    test('the states list filters by status on an instrument, with "any of" the groups', async ({ page, request }) => {
      const parties = (await (await request.get('/api/instruments/rome-statute/status?status=party')).json()) as StatusList;
      await page.goto('/states');
      const form = page.locator('form.controls');
      await form.getByRole('combobox', { name: 'Status on', exact: true }).selectOption('rome-statute');
      await form.getByRole('checkbox', { name: 'Party', exact: true }).check();
      await form.getByRole('button', { name: 'Show' }).click();
      await expect(page).toHaveURL(/instrument=rome-statute/);
      expect(new URL(page.url()).searchParams.getAll('status')).toEqual(['party']);
      expect(await rowCodes(page, 'table')).toEqual(apiCodes(parties));

      const either = (await (await request.get(`/api/instruments/rome-statute/status?${QUESTION}`)).json()) as StatusList;
      await page.goto(`/states?instrument=rome-statute&${QUESTION}`);
      expect(await rowCodes(page, 'table')).toEqual(apiCodes(either));
      await expect(form.getByLabel('Group filters combine')).toHaveValue('any');
      await expect(form.getByRole('checkbox', { name: 'Signatory', exact: true })).toBeChecked();

      // A status alone names no instrument: the page says so and lists every state.
      await page.goto('/states?status=party');
      await expect(page.getByText('Choose an instrument to filter by status.')).toBeVisible();
      await expect(page.locator('table tbody tr')).toHaveCount(197);
    });
  });
}

test.describe('filters on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });

  test('fold away under one line until opened, and stay open while a filter is chosen', async ({ page }) => {
    await page.goto('/states');
    const panel = page.getByTestId('filter-panel');
    const group = panel.getByLabel('UN regional group');
    await expect(group).toBeHidden();
    await panel.getByText('Filters and date').click();
    await expect(group).toBeVisible();
    await group.selectOption('african');
    await panel.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/group=african/);
    await expect(page.getByTestId('filter-panel').getByLabel('UN regional group')).toBeVisible();
    await expect(page.getByTestId('filter-panel').getByLabel('UN regional group')).toHaveValue('african');
  });

  test('are always shown on a wide screen, with no fold to open', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/cat-reporting');
    await expect(page.getByTestId('filter-panel').getByLabel('UN regional group')).toBeVisible();
    await expect(page.getByTestId('filter-panel').getByText('Filters and date')).toBeHidden();
  });
});
