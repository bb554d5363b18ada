/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createEditor, editingBaseURL as baseURL, signIn } from './editing-helpers.js';
import { expect, test } from './fixtures.js';

/**
 * The follow-up workspace through the dashboard's forms, without JavaScript, on the editing
 * server's own database: an editor builds a small plan for Slovenia's 48th-session review and
 * publishes it; a reader without an account sees it and prints its mid-term report. The action,
 * update and indicator are made up for the test; no State's real progress is claimed.
 */
test.use({ baseURL, javaScriptEnabled: false });
// Whole journeys of many pages each, run beside the other specs: more than the default 30 s.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const stamp = Date.now();
const EDITOR = {
  email: `e2e-follow-up-${stamp}@example.org`,
  name: 'Follow-up Editor',
  organisation: `National mechanism e2e ${stamp}`,
  password: `follow-up-editor-${stamp}-pw`,
};
const TITLE = `Mid-term follow-up e2e ${stamp}`;
/** WCAG 2.2 AA violations axe-core finds on the page, by rule. */
const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test('an editor builds and publishes a small plan through the forms; a reader sees it and prints the mid-term report', async ({
  page,
  request,
  browser,
}) => {
  const search = await request.get('/api/upr/recommendations?state=SVN&session=48&pageSize=3');
  expect(search.status()).toBe(200);
  const found = ((await search.json()) as { items: { id: string; paragraph: string | null; text: string }[] }).items;
  const ids = found.map((r) => r.id);
  expect(ids).toHaveLength(3);

  await createEditor(request, EDITOR);
  await signIn(page, EDITOR.email, EDITOR.password, '/follow-up/plans/new');
  const create = page.getByTestId('new-plan-form');
  await create.getByLabel('Review', { exact: true }).fill('SVN-48');
  await create.getByLabel('Title', { exact: true }).fill(TITLE);
  await create.getByLabel('Only the recommendations listed below').check();
  await create.getByLabel('Recommendation ids (one per line)').fill(ids.join('\n'));
  await create.getByRole('button', { name: 'Create the draft plan' }).click();
  await expect(page).toHaveURL(/\/follow-up\/plans\/plan-[0-9a-f]{12}$/);
  const planUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('plan-visibility')).toContainText('Draft');
  await expect(page.getByTestId('plan-recommendation')).toHaveCount(3);

  // A draft is its organisation's alone: a reader without an account gets a 404.
  const reader = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  expect((await readerPage.goto(planUrl))!.status()).toBe(404);

  // A cluster of its own; then one recommendation's action, progress and indicator.
  const addCluster = page.getByTestId('add-cluster-form');
  await page.getByText('Clusters', { exact: true }).click();
  await addCluster.getByLabel('New cluster').fill('Torture prevention (e2e)');
  await addCluster.getByRole('button', { name: 'Add the cluster' }).click();
  await expect(page.getByRole('heading', { name: 'Torture prevention (e2e)' })).toBeVisible();

  await page.getByTestId('edit-recommendation').first().click();
  const itemUrl = new URL(page.url()).pathname;
  const action = page.getByTestId('action-form');
  await action.getByLabel('Action', { exact: true }).fill('Draft the implementing bill (e2e)');
  await action.getByLabel('Responsible body').fill('Ministry of Justice');
  await action.getByLabel('Target date').fill(inDays(45));
  await action.getByRole('button', { name: 'Add a planned action' }).click();
  await expect(page.getByRole('status')).toContainText('The action was added.');

  // Refused without evidence: the API says why, the form keeps the narrative.
  const update = page.getByTestId('update-form');
  await update.locator('select[name=status]').selectOption('in-progress');
  await update.getByLabel('What was done').fill('A working group met twice (e2e).');
  await update.getByRole('button', { name: 'Record progress' }).click();
  await expect(page.getByRole('alert')).toContainText('cite the evidence');
  await expect(page.getByTestId('update-form').getByLabel('What was done')).toHaveValue('A working group met twice (e2e).');
  await page.getByTestId('update-form').getByLabel('Evidence: address').fill('https://example.org/e2e-evidence');
  await page.getByTestId('update-form').getByRole('button', { name: 'Record progress' }).click();
  await expect(page.getByRole('status')).toContainText('The progress update was recorded.');

  const indicator = page.getByTestId('indicator-form');
  await indicator.getByLabel('Indicator', { exact: true }).fill('Bill submitted to parliament (e2e)');
  await indicator.getByLabel('Target', { exact: true }).fill('yes');
  await indicator.getByRole('button', { name: 'Add an indicator' }).click();
  await expect(page.getByTestId('plan-recommendation')).toContainText('Bill submitted to parliament (e2e)');

  // An implementation matrix: one row by paragraph, one by a text copied with a change, which the editor confirms.
  await page.goto(planUrl);
  const byText = `${found[2]!.text.slice(0, -1)} (as copied, e2e)`.replace(/"/g, '""');
  const matrix = `Paragraph,Recommendation,Action\r\n${found[1]!.paragraph},,Consult civil society (e2e)\r\n,"${byText}",Report to parliament (e2e)\r\n`;
  await page.getByText('Import an implementation matrix (XLSX or CSV)').click();
  await page
    .getByTestId('import-form')
    .getByLabel('Matrix file')
    .setInputFiles({ name: 'matrix.csv', mimeType: 'text/csv', buffer: Buffer.from(matrix) });
  await page.getByRole('button', { name: 'Preview the import' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('2 rows: 2 matched (1 by text, to confirm), 0 refused, 2 changes.');
  await preview.getByLabel(/confirm this match \(similarity 0\.\d+\)/).check();
  await preview.getByRole('button', { name: 'Apply the import' }).click();
  await expect(page.getByRole('status')).toContainText('The matrix was imported.');
  await expect(page.getByTestId('plan-recommendation').filter({ hasText: 'Report to parliament (e2e)' })).toContainText(found[2]!.text);

  // Published, with a reason.
  await page.goto(planUrl);
  const publish = page.getByTestId('publish-form');
  await publish.getByLabel('Reason (shown in the history)').fill('Mid-term publication (e2e)');
  await publish.getByRole('button', { name: 'Publish this version' }).click();
  await expect(page.getByTestId('plan-visibility')).toContainText('version 1');

  // A reader: the list, the State's page with its chart, the plan, and the printed report.
  await readerPage.goto('/follow-up?state=SVN');
  await expect(readerPage.getByTestId('plans-table')).toContainText(TITLE);
  await readerPage.goto('/follow-up/SVN');
  const statePlan = readerPage.getByTestId('state-plan').filter({ hasText: TITLE });
  await expect(statePlan.getByRole('img', { name: /Progress over all recommendations: 1 in progress · 2 no update yet/ })).toBeVisible();
  await statePlan.getByRole('link', { name: TITLE }).click();
  await expect(readerPage.getByTestId('plan-editor')).toHaveCount(0);
  await expect(readerPage.getByTestId('recommendation-progress').filter({ hasText: 'in progress' })).toContainText(
    'https://example.org/e2e-evidence',
  );

  await readerPage.getByTestId('report-link').click();
  await expect(readerPage.getByTestId('plan-report')).toContainText('Draft the implementing bill (e2e)');
  await readerPage.emulateMedia({ media: 'print' });
  // Neither the main navigation nor the language switcher is printed.
  await expect(readerPage.locator('.site-header nav:visible')).toHaveCount(0);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await readerPage.pdf({ format, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  }
  // Nothing wider than the page on a phone.
  await readerPage.emulateMedia({ media: 'screen' });
  await readerPage.setViewportSize({ width: 390, height: 844 });
  for (const path of [planUrl, `${planUrl}/report`, '/follow-up/SVN', '/follow-up']) {
    await readerPage.goto(path);
    const overflow = await readerPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} at 390 px`).toBeLessThanOrEqual(0);
  }
  await reader.close();

  // WCAG 2.2 AA by axe-core (which needs scripts, so in contexts that run them): the reader's plan
  // and report, and the editor's recommendation page with its forms.
  const scripted = await browser.newContext({ baseURL, javaScriptEnabled: true });
  const scriptedPage = await scripted.newPage();
  for (const path of [planUrl, `${planUrl}/report`]) {
    await scriptedPage.goto(path);
    expect(await violations(scriptedPage), path).toEqual([]);
  }
  await scripted.close();
  const editorContext = await browser.newContext({ baseURL, javaScriptEnabled: true, storageState: await page.context().storageState() });
  const editorPage = await editorContext.newPage();
  await editorPage.goto(itemUrl);
  await expect(editorPage.getByTestId('action-form')).toBeVisible();
  expect(await violations(editorPage), 'the recommendation editor').toEqual([]);
  await editorContext.close();
});

test('an editor starts a plan from a UPR search within the review: the plan holds what the search finds', async ({ page, request }) => {
  const search = await request.get('/api/upr/recommendations?state=SVN&session=48&q=trafficking&response=supported&pageSize=1');
  const { total } = (await search.json()) as { total: number };
  expect(total, 'Slovenia received supported recommendations on trafficking at its 48th-session review').toBeGreaterThan(1);

  await createEditor(request, EDITOR);
  await signIn(page, EDITOR.email, EDITOR.password, '/upr/reviews/SVN');
  await page.getByRole('link', { name: 'Start a follow-up plan for this review' }).first().click();
  await expect(page).toHaveURL(/\/follow-up\/plans\/new\?review=SVN-\d+$/);
  const create = page.getByTestId('new-plan-form');
  await create.getByLabel('Review', { exact: true }).fill('SVN-48');
  await create.getByLabel('Title', { exact: true }).fill(`${TITLE}: trafficking`);
  await create.getByLabel(/Those of the review the search below finds/).check();
  await create.getByLabel('Words in the recommendation').fill('trafficking');
  await create.locator('select[name=response]').selectOption('supported');
  await create.getByRole('button', { name: 'Create the draft plan' }).click();
  await expect(page).toHaveURL(/\/follow-up\/plans\/plan-[0-9a-f]{12}$/);
  await expect(page.getByTestId('plan-recommendation')).toHaveCount(total);
});
