/// <reference lib="dom" />
import { createEditor, editingBaseURL as baseURL, signIn } from './editing-helpers.js';
import { expect, test } from './fixtures.js';

/**
 * Correcting and recording CAT reporting records through the dashboard's forms, without
 * JavaScript, on the editing server's own database. The State is read from the data: one whose
 * recorded history is complete and whose initial report is established as never submitted.
 */
test.use({ baseURL, javaScriptEnabled: false });
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const EDITOR = {
  email: `e2e-cat-${stamp}@example.org`,
  name: 'CAT Editor',
  organisation: 'Anti-torture coalition e2e',
  password: `cat-editor-${stamp}-pw`,
};
const TEST_SOURCE = 'https://tbinternet.ohchr.org/_layouts/15/TreatyBodyExternal/countries.aspx';
const REASON = 'Reason for the change (readers see it in the change feed)';

test('an editor corrects a CAT report record from the State profile; the situation and the record’s history follow; then records the next report', async ({
  page,
  request,
}) => {
  const list = await request.get('/api/cat-reporting');
  expect(list.status()).toBe(200);
  const { states } = (await list.json()) as { states: { iso3: string; situation: string; completeness: string }[] };
  const iso3 = states.find((s) => s.completeness === 'complete' && s.situation === 'initial-report-never-submitted')?.iso3;
  expect(iso3, 'a State whose initial report is established as never submitted').toBeTruthy();
  const detail = (await (await request.get(`/api/cat-reporting/${iso3}`)).json()) as {
    records: { id: string; number: number; lastNumber: number }[];
  };
  const initial = detail.records.find((r) => r.number === 1);
  expect(initial, `${iso3} has a record of its initial report`).toBeTruthy();

  await createEditor(request, EDITOR);
  await signIn(page, EDITOR.email, EDITOR.password, `/states/${iso3}`);
  await expect(page.getByTestId('cat-situation')).toContainText('never submitted');

  // The record page, from the history table's row for the initial report.
  await page.locator('[data-testid="cat-history"] tr[data-report="1"]').getByRole('link', { name: 'record and its changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/cat-reporting/reports/${iso3}%3A1$`));
  await expect(page.getByTestId('cat-report-facts')).toContainText(`${iso3}:1`);
  const historyBefore = await page.getByTestId('cat-report-history').locator(':scope > li').count();

  // The form holds the stored record: an editor changes one field and cites a source.
  const form = page.getByTestId('correct-cat-report');
  await expect(form.getByLabel('Documents the record is read from')).not.toHaveValue('');
  const received = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Received by the Committee on').fill(received);
  await form.getByLabel('Considered by the Committee without a report').uncheck();
  await form.getByLabel('Source address (http or https)').fill(TEST_SOURCE);
  // Without a reason the API refuses, naming the field, and the form keeps what was typed.
  await form.getByLabel(REASON).evaluate((el) => el.removeAttribute('required'));
  await form.getByRole('button', { name: 'Record the correction' }).click();
  await expect(page.getByRole('alert')).toContainText('reason');
  await expect(page.getByTestId('correct-cat-report').getByLabel('Received by the Committee on')).toHaveValue(received);
  await page.getByTestId('correct-cat-report').getByLabel(REASON).fill('e2e test: the treaty body database lists the report as received');
  await page.getByTestId('correct-cat-report').getByRole('button', { name: 'Record the correction' }).click();
  await expect(page.getByRole('status')).toContainText('The correction is recorded.');
  const history = page.getByTestId('cat-report-history');
  await expect(history.locator(':scope > li')).toHaveCount(historyBefore + 1);
  await expect(history.locator(':scope > li').last()).toContainText(EDITOR.organisation);
  await expect(history.locator(':scope > li').last()).toContainText('receivedOn');

  // The profile follows: the initial report is no longer established as never submitted.
  await page.goto(`/states/${iso3}`);
  await expect(page.getByTestId('cat-situation')).not.toContainText('never submitted');

  // The next report, recorded from the profile, gets its due date from the rules.
  await page.getByTestId('record-cat-report').click();
  await expect(page).toHaveURL(new RegExp(`/cat-reporting/reports/new\\?state=${iso3}$`));
  const next = Math.max(...detail.records.map((r) => r.lastNumber)) + 1;
  const add = page.getByTestId('new-cat-report');
  await add.getByLabel('Report number (1 for the initial report, 2 for the second, …)').fill(String(next));
  await add.getByLabel('Documents the record is read from').fill('e2e test record');
  await add.getByLabel('Source address (http or https)').fill(TEST_SOURCE);
  await add.getByLabel(REASON).fill('e2e test: a report recorded through the form');
  await add.getByRole('button', { name: 'Record the report' }).click();
  await expect(page).toHaveURL(new RegExp(`/cat-reporting/reports/${iso3}%3A${next}$`));
  await expect(page.getByTestId('cat-report-facts')).toContainText('computed');

  // Retracted, it stays readable, marked, and leaves the profile's history.
  const retract = page.getByTestId('retract-cat-report');
  await retract.getByLabel('Source address (http or https)').fill(TEST_SOURCE);
  await retract.getByLabel(REASON).fill('e2e test: undo');
  await retract.getByRole('button', { name: 'Retract the record' }).click();
  await expect(page.getByTestId('cat-report-retracted')).toBeVisible();
  await page.goto(`/states/${iso3}`);
  await expect(page.locator(`[data-testid="cat-history"] a[href$="${iso3}%3A${next}"]`)).toHaveCount(0);
});

test('a CAT record page fits a 390 px phone, and an anonymous reader sees no form', async ({ page, request }, testInfo) => {
  const detail = (await (await request.get('/api/cat-reporting/NGA')).json()) as { records: { id: string }[] };
  const id = detail.records[0]!.id;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/cat-reporting/reports/${encodeURIComponent(id)}`);
  await expect(page.getByTestId('cat-report-facts')).toContainText(id);
  await expect(page.getByTestId('correct-cat-report')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await signIn(page, EDITOR.email, EDITOR.password, `/cat-reporting/reports/${encodeURIComponent(id)}`);
  await expect(page.getByTestId('correct-cat-report')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('cat-record-390.png'), fullPage: true });
});
