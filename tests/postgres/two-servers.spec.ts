import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN } from '../editing-accounts.js';

/**
 * Two server processes on one PostgreSQL database (playwright.postgres.config.ts), reached by one
 * browser as a load balancer would send it to either: what one process writes, the other shows on
 * its next answer, though its caches held the page; a session opened on one works on the other.
 * What this file records it retracts.
 */
const [one, two] = process.env.E2E_PG_PORTS!.split(',').map((p) => `http://127.0.0.1:${p}`) as [string, string];
const INSTRUMENT = 'apic';
const SOURCE = 'https://example.org/test-notification';
const statusCell = (page: Page) => page.locator(`tr[data-instrument="${INSTRUMENT}"] td`).first();

test('an accession recorded through one server is on the other at once; the session opened on one signs the retraction on the other', async ({
  page,
  request,
}) => {
  const res = await request.get(`${two}/api/instruments/${INSTRUMENT}/status?status=no-action`);
  const iso3 = ((await res.json()) as { states: { iso3: string }[] }).states[0]!.iso3;

  // The second server shows (and caches) the State's profile before the change.
  await page.goto(`${two}/states/${iso3}`);
  await expect(statusCell(page)).toContainText('No action');
  await page.reload();
  await expect(statusCell(page)).toContainText('No action');

  // Signed in on the first server, the admin records an accession through its form.
  await page.goto(`${one}/login?next=${encodeURIComponent(`/events/new?instrument=${INSTRUMENT}&state=${iso3}`)}`);
  await page.getByLabel('E-mail address').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const form = page.getByTestId('new-event');
  await expect(form).toBeVisible();
  await expect(form.locator('select[name=instrumentId]')).toHaveValue(INSTRUMENT);
  await form.getByLabel('Kind of event').selectOption('accession');
  await form.getByLabel('Date', { exact: true }).fill('2020-01-15');
  await form.getByLabel('Source address (http or https)').fill(SOURCE);
  await form.getByLabel('Reason for the change (readers see it in the change feed)').fill('e2e: two servers on one PostgreSQL');
  await form.getByRole('button', { name: 'Record the event' }).click();
  await expect(page).toHaveURL(new RegExp(`^${one}/events/apic%3A`));
  const eventPath = new URL(page.url()).pathname;

  // The second server's next answer has it.
  await page.goto(`${two}/states/${iso3}`);
  await expect(statusCell(page)).toContainText('Party');

  // The session the first server opened works on the second (the cookie goes to both: one host):
  // the event's page there offers the retraction form, and the retraction is accepted.
  await page.goto(`${two}${eventPath}`);
  const retract = page.getByTestId('retract-event');
  await retract.getByLabel('Source address (http or https)').fill(SOURCE);
  await retract.getByLabel('Reason for the change (readers see it in the change feed)').fill('e2e: undo, through the other server');
  await retract.getByRole('button', { name: 'Retract the event' }).click();
  await expect(page.getByTestId('event-retracted')).toBeVisible();

  // And the first server shows the State as before.
  await page.goto(`${one}/states/${iso3}`);
  await expect(statusCell(page)).toContainText('No action');
});
