/// <reference lib="dom" />
import type { APIRequestContext, Page } from '@playwright/test';
import { createEditor, editingBaseURL } from './editing-helpers.js';
import { expect, test } from './fixtures.js';

/**
 * Editing through the dashboard, on the editing server's own database (playwright.config.ts): its
 * admin was created by user:create; the admin creates the editor through the API, as an admin would.
 */
const baseURL = editingBaseURL;
test.use({ baseURL });
test.describe.configure({ mode: 'serial' });

const EDITOR = {
  email: 'e2e-editor@example.org',
  name: 'Ada Editor',
  organisation: 'Observatoire national e2e',
  password: 'e2e-editor-password-1234',
};

async function signInThroughTheForm(page: Page, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail address').fill(EDITOR.email);
  await page.getByLabel('Password').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new URL(next, baseURL).href);
  await expect(page.getByTestId('session-bar')).toContainText(`Signed in as ${EDITOR.name} (${EDITOR.organisation})`);
}

/** A recommendation on the seeded data, read from the API rather than written down here. */
async function someRecommendation(request: APIRequestContext) {
  const res = await request.get(`${baseURL}/api/upr/recommendations?implementation=not-assessed&pageSize=1`);
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { id: string; stateUnderReview: { iso3: string; name: string } }[] };
  expect(items.length).toBe(1);
  return items[0]!;
}

test.beforeAll(async ({ request }) => {
  await createEditor(request, EDITOR);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a wrong password shows the API’s message; the right one signs in, sets the cookie and returns to the page', async ({
    page,
    context,
  }) => {
    await page.goto('/review');
    // An anonymous visitor is sent to sign in first.
    await expect(page).toHaveURL(`${baseURL}/login?next=%2Freview`);
    await page.getByLabel('E-mail address').fill(EDITOR.email);
    await page.getByLabel('Password').fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The e-mail address or the password is not right');
    await expect(page.getByLabel('E-mail address')).toHaveValue(EDITOR.email);

    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${baseURL}/review`);
    const cookie = (await context.cookies()).find((c) => c.name === 'tracker_session');
    expect(cookie?.httpOnly).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review queue');

    // An address off the site is not followed after signing in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
    expect((await context.cookies()).find((c) => c.name === 'tracker_session' && c.value !== '')).toBeUndefined();
    await expect(page.getByTestId('session-bar')).toHaveCount(0);
    await page.goto('/login?next=//evil.example/');
    await page.getByLabel('E-mail address').fill(EDITOR.email);
    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
  });

  test('records an assessment through the form, sees it by organisation and in the change feed, retracts it', async ({ page, request }) => {
    const rec = await someRecommendation(request);
    const path = `/upr/recommendations/${encodeURIComponent(rec.id)}`;
    await signInThroughTheForm(page, path);

    const add = page.getByTestId('add-assessment');
    // A refused form shows the API's message next to it and keeps what was typed.
    await add.getByLabel('Implementation status').selectOption('partially-implemented');
    await add.getByLabel('Date the assessment speaks for').fill('2024-03-01');
    await add.getByLabel('Kind of source').selectOption('national-mechanism');
    await add.getByLabel('Title of the source').fill('Rapport annuel e2e');
    await add.getByLabel(/Reason for the change/).fill('Browser test: recorded from the annual report');
    await add.getByRole('button', { name: 'Record the assessment' }).click();
    await expect(page.getByTestId('add-assessment').getByRole('alert')).toContainText('cite a source');
    await expect(page.getByTestId('add-assessment').getByLabel('Title of the source')).toHaveValue('Rapport annuel e2e');

    await page
      .getByTestId('add-assessment')
      .getByLabel(/Source address/)
      .fill('https://example.org/rapport-annuel-e2e');
    await page.getByTestId('add-assessment').getByRole('button', { name: 'Record the assessment' }).click();
    await expect(page.getByRole('status')).toHaveText('The assessment is recorded.');

    const group = page.locator(`[data-testid="assessment-organisation"][data-organisation="${EDITOR.organisation}"]`);
    await expect(group.getByRole('heading', { level: 3 })).toHaveText(EDITOR.organisation);
    await expect(group.getByTestId('latest-assessment')).toContainText('Partially implemented');
    const mine = group.getByTestId('assessment');
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText(`Recorded by ${EDITOR.name}`);
    await expect(mine.getByRole('link', { name: 'Rapport annuel e2e' })).toHaveAttribute('href', 'https://example.org/rapport-annuel-e2e');

    // The change feed says what changed, for which organisation and why.
    await page.goto(`/changes?state=${rec.stateUnderReview.iso3}`);
    const entry = page.getByTestId('changes-list').locator('li').first();
    await expect(entry).toContainText('Browser test: recorded from the annual report');
    await expect(entry).toContainText(EDITOR.organisation);

    // Retract it: it stays in the history, struck through and dated.
    await page.goto(path);
    await mine.getByText('Correct or retract this assessment').click();
    const retract = mine.locator('form[action="?/retract"]');
    await retract.getByLabel(/Reason for the change/).fill('Browser test: the report was misread');
    await retract.getByLabel(/Source address/).fill('https://example.org/rapport-annuel-e2e');
    await retract.getByRole('button', { name: 'Retract the assessment' }).click();
    await expect(page.getByRole('status')).toContainText('The assessment is retracted');
    await expect(mine).toHaveClass(/retracted/);
    await expect(mine).toContainText('retracted on');
    expect(await mine.locator('.body').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    await expect(group.getByTestId('latest-assessment')).toContainText('No standing assessment');
  });
});

test('an anonymous reader reports an error; an editor sees it on the review queue and resolves it', async ({ page, browser }) => {
  await page.goto('/states/KEN');
  await page.getByRole('link', { name: 'Report an error on this page' }).click();
  await expect(page).toHaveURL(`${baseURL}/flag?page=%2Fstates%2FKEN`);
  const message = `Browser test ${Date.now()}: the date of accession looks wrong`;
  await page.getByLabel(/What is wrong/).fill(message);
  await page.getByLabel(/Your e-mail or name/).fill('reader@example.org');
  await page.getByRole('button', { name: 'Send the report' }).click();
  await expect(page.getByTestId('flag-sent')).toContainText('Thank you');

  const editor = await browser.newPage({ baseURL });
  await signInThroughTheForm(editor, '/review');
  const flag = editor.getByTestId('review-flag').filter({ hasText: message });
  await expect(flag).toHaveCount(1);
  await expect(flag.getByRole('link', { name: '/states/KEN' })).toHaveAttribute('href', '/states/KEN');
  await expect(flag).toContainText('KEN');
  await flag.getByLabel(/Reason for the change/).fill('Browser test: checked against the depositary, no change');
  await flag.getByRole('button', { name: 'Resolve' }).click();
  await expect(editor.getByRole('status')).toHaveText("The reader's report is resolved.");
  await expect(editor.getByTestId('review-flag').filter({ hasText: message })).toHaveCount(0);
  await editor.close();
});

test('confirming the queued Rome Statute withdrawal of Burkina Faso changes the map after it takes effect', async ({ page }) => {
  const bfaRow = page.locator('tr[data-iso="BFA"]');
  await page.goto('/maps/rome-statute?asOf=2027-07-01');
  const before = (await bfaRow.first().innerText()).replace(/\s+/g, ' ');
  expect(before).not.toMatch(/withdr/i);

  await signInThroughTheForm(page, '/review');
  const report = page.locator('[data-testid="review-report"][data-state="BFA"][data-instrument="rome-statute"]');
  await expect(report).toHaveCount(1);
  await expect(report).toContainText('Burkina Faso');
  // What confirming would do is said before it is done.
  await expect(report.getByTestId('if-confirmed')).toContainText(/Withdraw/);
  const confirm = report.getByTestId('confirm-report');
  await confirm.getByLabel('Depositary notification symbol').fill('C.N.999.2026.TREATIES-XVIII.10');
  await confirm.getByLabel(/Source address/).fill('https://treaties.un.org/');
  await confirm.getByLabel(/Reason for the change/).fill('Browser test on a throwaway database: confirming a queued report');
  await confirm.getByRole('button', { name: 'Confirm the report' }).click();
  await expect(page.getByRole('status')).toHaveText('The report is confirmed.');
  await expect(report).toHaveCount(0);

  await page.goto('/maps/rome-statute?asOf=2027-07-01');
  const after = (await bfaRow.first().innerText()).replace(/\s+/g, ' ');
  expect(after).not.toBe(before);
  expect(after).toMatch(/withdr/i);
});

test('the editing pages fit a 390 px phone', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/login', '/flag?page=%2Fmaps%2Frome-statute%3FasOf%3D2027-07-01']) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
  await signInThroughTheForm(page, '/review');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('review-390.png'), fullPage: true });
});
