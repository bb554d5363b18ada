/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_ADMIN } from './editing-accounts.js';
import { editingBaseURL, signIn } from './editing-helpers.js';
import { expect, test } from './fixtures.js';

/**
 * The admin page and the participation-event forms, on the editing server's own database
 * (playwright.config.ts; its admin was created by user:create). What this file records it retracts.
 */
const baseURL = editingBaseURL;
test.use({ baseURL });
test.describe.configure({ mode: 'serial' });

const INSTRUMENT = 'apic';
const TEST_SOURCE = 'https://example.org/test-notification';
const stamp = Date.now();
const EDITOR = {
  email: `e2e-events-${stamp}@example.org`,
  name: 'Events Editor',
  organisation: 'NGO e2e',
  password: `events-editor-${stamp}-pw`,
};

/** States other specs name (any three capitals in their text), so that this file's writes touch none of them. */
function namedByOtherSpecs(): Set<string> {
  const text = readFileSync(join(import.meta.dirname, 'editing.spec.ts'), 'utf8');
  return new Set(text.match(/\b[A-Z]{3}\b/g) ?? []);
}

const statusCell = (page: Page) => page.locator(`tr[data-instrument="${INSTRUMENT}"] td`).first();

test('an admin creates an editor and a token; the token writes events until it is revoked; the editor records and retracts an accession through the forms', async ({
  browser,
  request,
}) => {
  // A State that has not joined the instrument, according to the data.
  const res = await request.get(`/api/instruments/${INSTRUMENT}/status?status=no-action`);
  expect(res.status()).toBe(200);
  const avoid = namedByOtherSpecs();
  const { states } = (await res.json()) as { states: { iso3: string }[] };
  const iso3 = states.map((s) => s.iso3).find((s) => !avoid.has(s));
  expect(iso3, 'a State with no action on the instrument').toBeTruthy();

  // The admin signs in and creates the editor.
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, E2E_ADMIN.email, process.env.E2E_ADMIN_PASSWORD!, '/admin');
  const createUser = admin.getByTestId('create-user');
  await createUser.getByLabel('E-mail').fill(EDITOR.email);
  await createUser.getByLabel('Name').fill(EDITOR.name);
  await createUser.getByLabel('Organisation').fill(EDITOR.organisation);
  await createUser.getByLabel('Role').selectOption('editor');
  await createUser.getByLabel('Password').fill(EDITOR.password);
  await createUser.getByRole('button', { name: 'Create the user' }).click();
  await expect(admin.locator(`[data-testid="admin-user"][data-email="${EDITOR.email}"]`)).toContainText(EDITOR.organisation);

  // A token for the editor: its secret is shown once, in the answer to the form, not in the address.
  const createToken = admin.getByTestId('create-token');
  await createToken.getByLabel('Acts for user').selectOption({ label: `${EDITOR.name} (${EDITOR.email})` });
  await createToken.getByLabel('What the token is for').fill(`e2e import ${stamp}`);
  await createToken.getByLabel('participation-events').check();
  await createToken.getByRole('button', { name: 'Create the token' }).click();
  await expect(admin.getByTestId('token-secret')).toContainText('it will not be shown again');
  const secret = (await admin.getByTestId('token-secret').locator('code').textContent())!.trim();
  expect(secret).toMatch(/^trk_/);
  expect(admin.url()).not.toContain(secret);
  await admin.goto('/admin');
  await expect(admin.getByTestId('token-secret')).toHaveCount(0);
  expect(await admin.content()).not.toContain(secret);

  // The token writes: records an event, then retracts it.
  const auth = { authorization: `Bearer ${secret}` };
  const citation = { sourceUrl: TEST_SOURCE, documentSymbol: null, reason: 'e2e test of an API token' };
  const posted = await request.post('/api/events', {
    headers: auth,
    data: { instrumentId: INSTRUMENT, stateIso3: iso3, kind: 'signature', date: '2019-05-02', attestation: 'depositary', ...citation },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  const tokenEvent = (await posted.json()) as { id: string };
  const retracted = await request.post(`/api/events/${encodeURIComponent(tokenEvent.id)}/retract`, { headers: auth, data: citation });
  expect(retracted.status(), await retracted.text()).toBe(200);

  // Revoked, it is refused.
  const tokenRow = admin.locator(`[data-testid="admin-token"][data-name="e2e import ${stamp}"]`);
  await tokenRow.getByRole('button', { name: 'Revoke this token' }).click();
  await expect(tokenRow).toContainText('revoked');
  const refused = await request.post('/api/events', {
    headers: auth,
    data: { instrumentId: INSTRUMENT, stateIso3: iso3, kind: 'signature', date: '2019-05-02', attestation: 'depositary', ...citation },
  });
  expect(refused.status()).toBe(401);
  await adminContext.close();

  // The editor records an accession through the form, from the State's profile.
  const editorContext = await browser.newContext({ baseURL });
  const page = await editorContext.newPage();
  await signIn(page, EDITOR.email, EDITOR.password, `/states/${iso3}`);
  await expect(statusCell(page)).toContainText('No action');
  await page.locator(`tr[data-instrument="${INSTRUMENT}"]`).getByRole('link', { name: 'Record an event' }).click();
  await expect(page).toHaveURL(/\/events\/new\?/);
  const form = page.getByTestId('new-event');
  await expect(form.locator('select[name=instrumentId]')).toHaveValue(INSTRUMENT);
  await form.getByLabel('Kind of event').selectOption('accession');
  await form.getByLabel('Date', { exact: true }).fill('2020-01-15');
  await form.getByLabel('Source address (http or https)').fill(TEST_SOURCE);
  // Without a reason the API refuses, naming the field, and the form keeps what was typed.
  await form.getByLabel('Reason for the change (readers see it in the change feed)').evaluate((el) => el.removeAttribute('required'));
  await form.getByRole('button', { name: 'Record the event' }).click();
  await expect(page.getByRole('alert')).toContainText('reason');
  await expect(page.getByTestId('new-event').getByLabel('Source address (http or https)')).toHaveValue(TEST_SOURCE);
  await page
    .getByTestId('new-event')
    .getByLabel('Reason for the change (readers see it in the change feed)')
    .fill('e2e test: accession through the form');
  await page.getByTestId('new-event').getByRole('button', { name: 'Record the event' }).click();
  await expect(page).toHaveURL(/\/events\/apic%3A/);
  await expect(page.getByTestId('event-history')).toContainText(EDITOR.organisation);
  await expect(page.getByTestId('event-history')).toContainText('e2e test: accession through the form');
  const eventUrl = page.url();

  await page.goto(`/states/${iso3}`);
  await expect(statusCell(page)).toContainText('Party');

  // Retracted, the profile shows the State as before.
  await page.goto(eventUrl);
  const retract = page.getByTestId('retract-event');
  await retract.getByLabel('Source address (http or https)').fill(TEST_SOURCE);
  await retract.getByLabel('Reason for the change (readers see it in the change feed)').fill('e2e test: undo');
  await retract.getByRole('button', { name: 'Retract the event' }).click();
  await expect(page.getByTestId('event-retracted')).toBeVisible();
  await page.goto(`/states/${iso3}`);
  await expect(statusCell(page)).toContainText('No action');
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(eventUrl);
  await page.screenshot({ path: 'test-results/admin-events-event-390.png', fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await editorContext.close();
});
